import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCRIPTS,
  fillScript,
  nextScript,
  REVISIT_RULES,
  SCRIPT_PARTS,
  scriptFormSchema,
  scriptPart,
  unknownPlaceholders
} from '@shared/domain/revisit'
import { checkWording, DEFAULT_WORDING_RULES } from '@shared/domain/wording'

const form = () => {
  const { version: _v, ...rest } = DEFAULT_SCRIPTS.repair
  return structuredClone(rest)
}
const issues = (input: unknown) => {
  const r = scriptFormSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('回访话术', () => {
  it('fills the customer, the reason and the 工号; full-width braces too; unknown stay', () => {
    const text = fillScript('{客户姓名}您好，工号｛客服工号｝，关于{回访事由}。{赠品}', {
      客户姓名: '张三',
      客服工号: '1001',
      回访事由: 'TS-20261122-A3-001'
    })
    expect(text).toBe('张三您好，工号1001，关于TS-20261122-A3-001。{赠品}')
  })

  it('every default part passes the wording check and names only known placeholders', () => {
    for (const rule of REVISIT_RULES)
      for (const part of SCRIPT_PARTS) {
        const text = scriptPart(DEFAULT_SCRIPTS[rule], part)
        expect(checkWording(text, DEFAULT_WORDING_RULES), `${rule} ${part}`).toEqual([])
        expect(unknownPlaceholders(text)).toEqual([])
      }
  })

  it('refuses an unknown placeholder or an empty branch, next to the part', () => {
    expect(issues(form())).toEqual([])
    const unknown = form()
    unknown.opening = '{客户名}您好'
    expect(issues(unknown)).toEqual(['opening:revisit.unknownPlaceholder'])
    const empty = form()
    empty.other.closing = '  '
    expect(issues(empty)).toEqual(['other.closing:revisit.emptyBranch'])
  })

  it('a changed script is the next version; an unchanged one keeps its version', () => {
    const current = DEFAULT_SCRIPTS.repair
    expect(nextScript(current, form()).version).toBe(1)
    const edited = { ...form(), question: '请问维修后使用得怎么样？' }
    expect(nextScript(current, edited)).toMatchObject({ version: 2, question: '请问维修后使用得怎么样？' })
  })
})
