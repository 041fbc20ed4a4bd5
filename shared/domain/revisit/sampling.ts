// 新客户回访 calls a sample of the new customers. The choice depends only on the customer id, so every
// PC (and every re-run) picks the same customers without talking to each other.

/** FNV-1a (32 bit) of the id's UTF-16 code units, then a murmur-style finaliser so that ids differing
 *  only in their last characters still spread evenly. */
export function idHash(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Whether the customer is in a `percent` % sample (0 → nobody, 100 → everybody). */
export function inSample(customerId: string, percent: number): boolean {
  if (percent >= 100) return true
  if (percent <= 0) return false
  // 10 000 buckets: a rate may have two decimals.
  return idHash(customerId) % 10_000 < Math.round(percent * 100)
}
