import type { CannedReply } from '../cannedReplies'

// 标准用语 in the consultation's answer: found by a keyword of the title or text, or by the pinyin
// initials of the title (退款到账说明 → tkdzsm, so "tk" finds it). The initials come from the caller
// (pinyin-pro is loaded lazily, shared/domain/customerSearch.ts pinyinInitials).

export function matchReplies(
  replies: readonly CannedReply[],
  query: string,
  initials: (text: string) => string
): CannedReply[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...replies]
  return replies.filter(
    (r) =>
      r.title.toLowerCase().includes(q) || r.text.toLowerCase().includes(q) || initials(r.title).includes(q)
  )
}
