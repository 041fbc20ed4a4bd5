import { z } from 'zod'
import { REVISIT_RULES, type RevisitRule } from './rules'

/*
 * 回访话术 (docs/revisits.md §5): what the clerk says, per rule, on screen during the call:
 * opening → question → a branch by the answer (满意: ask for suggestions; 一般/不满意: ask which aspect,
 * promise improvement) → that branch's closing line. Store data, edited in 系统设置 → 回访规则; every
 * save makes a new version and each call records the version it used. The defaults pass the
 * positive-wording check with no hit (pinned by a test).
 *
 * Placeholders: {客户姓名} {回访事由} (complaint number, repair …) {客服工号} {门店名称}. Full-width braces
 * work too. A script naming any other placeholder is refused when saved (revisit.unknownPlaceholder).
 */

export const SCRIPT_PLACEHOLDERS = ['客户姓名', '回访事由', '客服工号', '门店名称'] as const
export type ScriptPlaceholder = (typeof SCRIPT_PLACEHOLDERS)[number]

export interface ScriptBranch {
  ask: string
  closing: string
}

export interface RevisitScript {
  version: number
  opening: string
  question: string
  satisfied: ScriptBranch
  other: ScriptBranch
}

export const SCRIPT_PARTS = [
  'opening',
  'question',
  'satisfied.ask',
  'satisfied.closing',
  'other.ask',
  'other.closing'
] as const
export type ScriptPart = (typeof SCRIPT_PARTS)[number]

const OPENING = '{客户姓名}您好，我是{门店名称}客服，工号{客服工号}。'
const SATISFIED: ScriptBranch = {
  ask: '感谢您的认可！请问您对我们的商品和服务还有什么建议吗？',
  closing: '您的建议我们已经记录下来了，再次感谢您的支持，祝您生活愉快！'
}
const OTHER: ScriptBranch = {
  ask: '非常感谢您的坦诚。请问您觉得哪方面还需要改进：商品、服务、价格、售后，还是其他方面？',
  closing: '您的意见我们已经详细记录，会尽快改进，并把结果告诉您。感谢您的宝贵意见！'
}

function script(question: string): RevisitScript {
  return { version: 1, opening: OPENING, question, satisfied: SATISFIED, other: OTHER }
}

export const DEFAULT_SCRIPTS: Record<RevisitRule, RevisitScript> = {
  complaint: script('关于您反映的问题（{回访事由}），我们已经处理完毕。请问您对处理结果满意吗？'),
  repair: script('您的商品维修（{回访事由}）已经完成一段时间了，请问现在使用情况如何？您对维修服务满意吗？'),
  newCustomer: script('感谢您选择我们！想耽误您一分钟，请问您对第一次购物的体验满意吗？'),
  keyAccount: script('感谢您一直以来的支持！请问您近期对我们的商品和服务满意吗？'),
  campaign: script('{门店名称}祝您节日快乐！请问您对我们近期的服务满意吗？')
}

const PLACEHOLDER = /[{｛]([^{}｛｝\n]*)[}｝]/g

function isKnown(name: string): name is ScriptPlaceholder {
  return (SCRIPT_PLACEHOLDERS as readonly string[]).includes(name)
}

/** The placeholders a text names that are not known (as written, trimmed). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? '').trim()).filter((name) => !isKnown(name))
}

/** The text with each known placeholder that has a value replaced; others stay as written. */
export function fillScript(text: string, values: Partial<Record<ScriptPlaceholder, string>>): string {
  return text.replace(PLACEHOLDER, (written, inner: string) => {
    const name = inner.trim()
    if (!isKnown(name)) return written
    const value = values[name]
    return value !== undefined && value.trim() !== '' ? value : written
  })
}

export function scriptPart(s: RevisitScript, part: ScriptPart): string {
  switch (part) {
    case 'opening':
      return s.opening
    case 'question':
      return s.question
    case 'satisfied.ask':
      return s.satisfied.ask
    case 'satisfied.closing':
      return s.satisfied.closing
    case 'other.ask':
      return s.other.ask
    case 'other.closing':
      return s.other.closing
  }
}

const SCRIPT_TEXT_MAX = 500

const partText = z
  .string()
  .trim()
  .min(1, 'revisit.emptyBranch')
  .max(SCRIPT_TEXT_MAX, 'validation.tooLong')
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text)
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: 'revisit.unknownPlaceholder',
        params: { names: unknown.join('、') }
      })
  })

const branch = z.object({ ask: partText, closing: partText })

/** A script as the settings form sends it (the version is assigned when saved). */
export const scriptFormSchema = z.object({
  opening: partText,
  question: partText,
  satisfied: branch,
  other: branch
})
export type ScriptForm = z.input<typeof scriptFormSchema>

/** The stored scripts: defaults for any rule never edited. */
export function readScripts(
  stored: Partial<Record<RevisitRule, RevisitScript>> | undefined
): Record<RevisitRule, RevisitScript> {
  return Object.fromEntries(REVISIT_RULES.map((r) => [r, stored?.[r] ?? DEFAULT_SCRIPTS[r]])) as Record<
    RevisitRule,
    RevisitScript
  >
}

/** The next version of a rule's script: the same version when nothing changed. */
export function nextScript(current: RevisitScript, form: z.output<typeof scriptFormSchema>): RevisitScript {
  const same =
    current.opening === form.opening &&
    current.question === form.question &&
    current.satisfied.ask === form.satisfied.ask &&
    current.satisfied.closing === form.satisfied.closing &&
    current.other.ask === form.other.ask &&
    current.other.closing === form.other.closing
  return same ? current : { version: current.version + 1, ...form }
}
