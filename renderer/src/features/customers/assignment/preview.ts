import { balanceAssignment, type ClerkLoad } from '@shared/domain/customerAssignment'

/** Each clerk's count after `n` customers are shared out among `loads` — by the very rule the data
 *  layer applies (balanceAssignment), so the preview cannot disagree with the result. */
export function previewCounts(loads: readonly ClerkLoad[], n: number): Map<string, number> {
  const after = new Map(loads.map((l) => [l.staffNo, l.count]))
  const plan = balanceAssignment(
    Array.from({ length: n }, (_, i) => String(i)),
    loads
  )
  for (const staffNo of plan.values()) after.set(staffNo, (after.get(staffNo) ?? 0) + 1)
  return after
}
