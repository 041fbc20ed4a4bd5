// 客户按数量均衡分配 (docs/design.md §3.2): each customer goes to the clerk who has the fewest customers so
// far, ties broken by 工号, so the final counts differ by at most one unless the clerks started
// further apart than the customers can even out. Pure: the caller writes `assignedClerk`.

export interface ClerkLoad {
  /** 工号 */
  staffNo: string
  /** customers the clerk already has */
  count: number
}

/** customerId → staffNo for every customer, in the order given. No clerks → an empty map.
 *  A customer id listed twice is assigned once; a 工号 listed twice counts once (the first entry). */
export function balanceAssignment(
  customerIds: readonly string[],
  clerks: readonly ClerkLoad[]
): Map<string, string> {
  const loads = new Map<string, number>()
  for (const c of clerks) if (!loads.has(c.staffNo)) loads.set(c.staffNo, c.count)
  const assignment = new Map<string, string>()
  if (loads.size === 0) return assignment
  for (const id of customerIds) {
    if (assignment.has(id)) continue
    let best: [string, number] | undefined
    for (const [staffNo, count] of loads) {
      if (!best || count < best[1] || (count === best[1] && staffNo < best[0])) best = [staffNo, count]
    }
    const [staffNo, count] = best as [string, number]
    assignment.set(id, staffNo)
    loads.set(staffNo, count + 1)
  }
  return assignment
}

/** When a clerk leaves or is overloaded: hand `fromCustomerIds` to `toClerks` (with their current
 *  counts, NOT including the clerk they come from). It is the same balancing as a first assignment. */
export const planReassign = balanceAssignment
