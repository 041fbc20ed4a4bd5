import { z } from 'zod'

/*
 * 标准用语 (docs/design.md §3.1): reply templates a clerk inserts into text written to a customer, then edits.
 * The list is store-editable data (系统设置); the defaults below are only where a store starts.
 * Every default passes the positive-wording check with no hit (pinned by a test).
 *
 * Placeholders (fillTemplate):
 *  - {客户姓名} … {今天} are replaced by the given value; the full-width braces a Chinese IME types (｛客户姓名｝)
 *    and spaces inside the braces ({ 客户姓名 }) work too.
 *  - A missing, empty or blank value leaves the placeholder exactly as written, so the clerk sees what is left to fill.
 *  - An unknown name ({赠品}) is left exactly as written.
 *  - Values are inserted verbatim and never expanded again (a value containing {今天} stays literal).
 */

export interface CannedReply {
  id: string
  /** shown in the picker, e.g. 致歉 */
  title: string
  text: string
}

export const PLACEHOLDERS = ['客户姓名', '投诉编号', '门店名称', '客服工号', '今天'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

export const DEFAULT_CANNED_REPLIES: CannedReply[] = [
  {
    id: 'apology',
    title: '致歉',
    text:
      '{客户姓名}您好，非常抱歉给您带来了不便。您反映的问题我们已经登记，投诉编号为{投诉编号}。' +
      '我们会认真核实，并尽快给您答复。感谢您的理解与支持！'
  },
  {
    id: 'refundTime',
    title: '退款到账说明',
    text:
      '{客户姓名}您好，您的退款已于{今天}办理完成，款项将按原支付方式退回，一般在1至7个工作日内到账，' +
      '具体时间以银行或支付平台为准。如届时仍未收到，请随时联系{门店名称}客服台，我们马上为您查询。'
  },
  {
    id: 'exchangeArranged',
    title: '换货已安排',
    text:
      '{客户姓名}您好，您的换货已为您安排好（投诉编号：{投诉编号}）。请您携带原商品和购物小票到{门店名称}客服台，' +
      '我们将为您更换同款新品。给您带来的不便，敬请谅解。'
  },
  {
    id: 'repairArranged',
    title: '维修已安排',
    text:
      '{客户姓名}您好，您的商品维修已为您安排（投诉编号：{投诉编号}）。维修人员上门前会先与您电话确认时间；' +
      '维修期间如有任何疑问，请随时联系{门店名称}客服台，客服工号{客服工号}。'
  },
  {
    id: 'pendingCheck',
    title: '正在核实',
    text:
      '{客户姓名}您好，您反映的问题我们已请相关部门核实，我们会尽快为您确认结果，并于{今天}当天给您回复。' +
      '感谢您的耐心等待！'
  },
  {
    id: 'escalated',
    title: '已请值班长跟进',
    text:
      '{客户姓名}您好，我们非常重视您反映的问题，已请值班长亲自跟进处理（投诉编号：{投诉编号}），稍后会与您联系。' +
      '给您添麻烦了，感谢您的理解。'
  },
  {
    id: 'complaintNotValid',
    title: '投诉不成立说明',
    text:
      '{客户姓名}您好，感谢您及时向我们反映情况。经我们仔细核实，您反映的情况属于该商品的正常使用特性，' +
      '详见商品说明书，因此本次投诉（编号：{投诉编号}）未认定为质量问题。我们理解您的心情，' +
      '如您还有疑问，我们很乐意为您进一步说明，也可以为您安排专业人员检测。'
  },
  {
    id: 'followUpThanks',
    title: '回访致谢',
    text:
      '{客户姓名}您好，我是{门店名称}客服，工号{客服工号}。感谢您对我们工作的支持！' +
      '请问您对这次的处理结果是否满意？您的意见是我们改进服务的动力。'
  }
]

const PLACEHOLDER_PATTERN = /[{｛]([^{}｛｝\n]*)[}｝]/g

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name)
}

/** The template with every known placeholder that has a value replaced (see the rules at the top of this file). */
export function fillTemplate(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(PLACEHOLDER_PATTERN, (written, inner: string) => {
    const name = inner.trim()
    if (!isPlaceholder(name)) return written
    const value = values[name]
    return value !== undefined && value.trim() !== '' ? value : written
  })
}

// ---------------------------------------------------------------------------------------------
// Settings: the store's edited list. Messages are i18n keys.

export const MAX_CANNED_REPLIES = 100

export const cannedReplySchema = z.object({
  id: z.string().trim().min(1, 'validation.required'),
  title: z.string().trim().min(1, 'validation.required').max(20, 'validation.tooLong'),
  text: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong')
})

export const cannedRepliesSchema = z
  .array(cannedReplySchema)
  .max(MAX_CANNED_REPLIES, 'validation.tooMany')
  .superRefine((replies, ctx) => {
    // Titles are what the clerk picks by, so two alike would be confusing; ids are what settings edit by.
    const ids = new Set<string>()
    const titles = new Set<string>()
    replies.forEach((reply, i) => {
      if (ids.has(reply.id))
        ctx.addIssue({ code: 'custom', message: 'cannedReplies.duplicateId', path: [i, 'id'] })
      if (titles.has(reply.title))
        ctx.addIssue({ code: 'custom', message: 'cannedReplies.duplicateTitle', path: [i, 'title'] })
      ids.add(reply.id)
      titles.add(reply.title)
    })
  })
