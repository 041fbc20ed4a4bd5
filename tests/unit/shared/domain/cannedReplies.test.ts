import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CANNED_REPLIES,
  MAX_CANNED_REPLIES,
  PLACEHOLDERS,
  cannedRepliesSchema,
  fillTemplate,
  type Placeholder
} from '@shared/domain/cannedReplies'
import { checkWording } from '@shared/domain/wording'

const VALUES: Record<Placeholder, string> = {
  客户姓名: '张女士',
  投诉编号: 'TS-20261120-003',
  门店名称: '人民路店',
  客服工号: '1001',
  今天: '2026-11-20'
}

describe('PLACEHOLDERS', () => {
  it('are the five the templates may use', () => {
    expect(PLACEHOLDERS).toEqual(['客户姓名', '投诉编号', '门店名称', '客服工号', '今天'])
  })
})

describe('DEFAULT_CANNED_REPLIES', () => {
  it('has 6–10 templates with unique ids and titles', () => {
    expect(DEFAULT_CANNED_REPLIES.length).toBeGreaterThanOrEqual(6)
    expect(DEFAULT_CANNED_REPLIES.length).toBeLessThanOrEqual(10)
    expect(new Set(DEFAULT_CANNED_REPLIES.map((r) => r.id)).size).toBe(DEFAULT_CANNED_REPLIES.length)
    expect(new Set(DEFAULT_CANNED_REPLIES.map((r) => r.title)).size).toBe(DEFAULT_CANNED_REPLIES.length)
  })

  it('covers the situations a counter writes about', () => {
    const ids = DEFAULT_CANNED_REPLIES.map((r) => r.id)
    for (const id of [
      'apology',
      'refundTime',
      'exchangeArranged',
      'repairArranged',
      'followUpThanks',
      'complaintNotValid'
    ])
      expect(ids).toContain(id)
  })

  it('is a valid settings list', () => {
    expect(cannedRepliesSchema.safeParse(DEFAULT_CANNED_REPLIES).success).toBe(true)
  })

  describe.each(DEFAULT_CANNED_REPLIES.map((r) => [r.title, r] as const))('%s', (_title, reply) => {
    it('passes the positive-wording check with no hit', () => {
      expect(checkWording(reply.text)).toEqual([])
    })

    it('still has no hit once filled in', () => {
      expect(checkWording(fillTemplate(reply.text, VALUES))).toEqual([])
    })

    it('addresses the customer by name and uses only known placeholders', () => {
      expect(reply.text.startsWith('{客户姓名}')).toBe(true)
      const names = [...reply.text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1])
      for (const name of names) expect(PLACEHOLDERS).toContain(name)
      expect(fillTemplate(reply.text, VALUES)).not.toMatch(/[{}]/)
    })
  })
})

describe('fillTemplate', () => {
  it('replaces every known placeholder', () => {
    expect(
      fillTemplate('{客户姓名}您好，{门店名称}客服{客服工号}于{今天}受理了投诉{投诉编号}。', VALUES)
    ).toBe('张女士您好，人民路店客服1001于2026-11-20受理了投诉TS-20261120-003。')
  })

  it('replaces a placeholder each time it occurs', () => {
    expect(fillTemplate('{客户姓名}，{客户姓名}', { 客户姓名: '李先生' })).toBe('李先生，李先生')
  })

  it('leaves a placeholder without a value visible', () => {
    expect(fillTemplate('{客户姓名}您好，投诉编号{投诉编号}', { 客户姓名: '张女士' })).toBe(
      '张女士您好，投诉编号{投诉编号}'
    )
    expect(fillTemplate('{客户姓名}您好', {})).toBe('{客户姓名}您好')
  })

  it('treats an empty or blank value as missing', () => {
    expect(fillTemplate('{客户姓名}您好', { 客户姓名: '' })).toBe('{客户姓名}您好')
    expect(fillTemplate('{客户姓名}您好', { 客户姓名: ' 　' })).toBe('{客户姓名}您好')
  })

  it('leaves unknown placeholders as written', () => {
    expect(fillTemplate('{客户姓名}您好，赠品{赠品名称}已备好', VALUES)).toBe(
      '张女士您好，赠品{赠品名称}已备好'
    )
    expect(fillTemplate('{}和{ }', VALUES)).toBe('{}和{ }')
  })

  it('accepts the full-width braces a Chinese IME types, and spaces inside the braces', () => {
    expect(fillTemplate('｛客户姓名｝您好', VALUES)).toBe('张女士您好')
    expect(fillTemplate('{ 客户姓名 }您好', VALUES)).toBe('张女士您好')
    expect(fillTemplate('｛赠品｝', VALUES)).toBe('｛赠品｝')
  })

  it('inserts values verbatim and never expands them again', () => {
    expect(fillTemplate('{客户姓名}', { 客户姓名: '{今天}', 今天: '2026-11-20' })).toBe('{今天}')
    expect(fillTemplate('{客户姓名}', { 客户姓名: "$& $1 $'" })).toBe("$& $1 $'")
  })

  it('leaves text without placeholders unchanged', () => {
    expect(fillTemplate('感谢您的支持！', VALUES)).toBe('感谢您的支持！')
    expect(fillTemplate('', VALUES)).toBe('')
  })
})

describe('cannedRepliesSchema', () => {
  const issues = (input: unknown) =>
    cannedRepliesSchema.safeParse(input).error?.issues.map((i) => ({ path: i.path, message: i.message })) ??
    []
  const reply = (over: Partial<{ id: string; title: string; text: string }> = {}) => ({
    id: 'r1',
    title: '致歉',
    text: '{客户姓名}您好，非常抱歉。',
    ...over
  })

  it('accepts and trims an edited list', () => {
    expect(cannedRepliesSchema.parse([reply({ title: ' 致歉 ', text: ' 您好 ' })])).toEqual([
      { id: 'r1', title: '致歉', text: '您好' }
    ])
    expect(issues([])).toEqual([])
  })

  it('accepts the length limits exactly', () => {
    expect(issues([reply({ title: '题'.repeat(20), text: '字'.repeat(500) })])).toEqual([])
  })

  it.each([
    [{ title: '' }, 'title', 'validation.required'],
    [{ title: '　 ' }, 'title', 'validation.required'],
    [{ title: '题'.repeat(21) }, 'title', 'validation.tooLong'],
    [{ text: '' }, 'text', 'validation.required'],
    [{ text: '字'.repeat(501) }, 'text', 'validation.tooLong'],
    [{ id: '' }, 'id', 'validation.required']
  ])('rejects %j', (over, field, message) => {
    expect(issues([reply(over)])).toEqual([{ path: [0, field], message }])
  })

  it('rejects more than 100 replies', () => {
    expect(MAX_CANNED_REPLIES).toBe(100)
    const list = Array.from({ length: MAX_CANNED_REPLIES + 1 }, (_, i) =>
      reply({ id: `r${i}`, title: `用语${i}` })
    )
    expect(issues(list)).toEqual([{ path: [], message: 'validation.tooMany' }])
    expect(issues(list.slice(0, MAX_CANNED_REPLIES))).toEqual([])
  })

  it('rejects a duplicate id and a duplicate title', () => {
    expect(issues([reply(), reply({ title: '另一条' })])).toEqual([
      { path: [1, 'id'], message: 'cannedReplies.duplicateId' }
    ])
    expect(issues([reply(), reply({ id: 'r2', title: ' 致歉 ' })])).toEqual([
      { path: [1, 'title'], message: 'cannedReplies.duplicateTitle' }
    ])
  })
})
