// 疑似重复客户 (docs/design.md §3.2): two live archives that share a phone, or carry the same name with
// phones that look like a typing slip of each other. Pure: the data layer feeds it index entries
// (phone digits → archive, name → archive) so no customer record has to be loaded.

export type DuplicateReason = 'samePhone' | 'similarPhone'
/** How the phones resemble each other: identical, one digit different, two adjacent digits swapped, same 尾号. */
export type PhoneLikeness = 'same' | 'oneDigit' | 'swapped' | 'last4'

export interface DuplicatePair {
  /** archive ids, a < b */
  a: string
  b: string
  reason: DuplicateReason
  likeness: PhoneLikeness
}

/** [key, archive id], e.g. ['13812345678', 'c1'] or ['张三', 'c1'] */
export type KeyEntry = readonly [key: string, id: string]

/** Strongest first: a slip of one digit says more than a shared 尾号. */
const LIKENESS_ORDER: readonly PhoneLikeness[] = ['same', 'oneDigit', 'swapped', 'last4']

/** How two phones (digits only) resemble each other, or null when they do not. */
export function phoneLikeness(x: string, y: string): PhoneLikeness | null {
  if (x === y) return 'same'
  if (x.length === y.length) {
    let first = -1
    let second = -1
    for (let i = 0; i < x.length; i++) {
      if (x[i] === y[i]) continue
      if (first < 0) first = i
      else if (second < 0) second = i
      else {
        first = -2 // three or more differences
        break
      }
    }
    if (first >= 0 && second < 0) return 'oneDigit'
    if (first >= 0 && second === first + 1 && x[first] === y[second] && x[second] === y[first])
      return 'swapped'
  }
  return x.length >= 4 && y.length >= 4 && x.slice(-4) === y.slice(-4) ? 'last4' : null
}

/** The best likeness between any phone of one archive and any phone of the other. */
function bestLikeness(xs: readonly string[], ys: readonly string[]): PhoneLikeness | null {
  let best: PhoneLikeness | null = null
  for (const x of xs)
    for (const y of ys) {
      const l = phoneLikeness(x, y)
      if (l && (!best || LIKENESS_ORDER.indexOf(l) < LIKENESS_ORDER.indexOf(best))) best = l
    }
  return best
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)

/** The id lists (two or more archives) of keys held by several archives. Index reads arrive sorted
 *  by key, so equal keys are neighbours; other input is sorted first. */
function sharedKeys(entries: readonly KeyEntry[]): string[][] {
  const inOrder = entries.every((e, i) => i === 0 || (entries[i - 1] as KeyEntry)[0] <= e[0])
  const sorted = inOrder ? entries : [...entries].sort((x, y) => compare(x[0], y[0]))
  const runs: string[][] = []
  for (let i = 0; i < sorted.length;) {
    const key = (sorted[i] as KeyEntry)[0]
    let j = i + 1
    while (j < sorted.length && (sorted[j] as KeyEntry)[0] === key) j++
    if (j - i > 1) {
      const ids = [...new Set(sorted.slice(i, j).map((e) => e[1]))]
      if (ids.length > 1) runs.push(ids)
    }
    i = j
  }
  return runs
}

/** Calls `visit` for every pair of every group, ids in order. Plain loops: a common name makes
 *  hundreds of thousands of pairs at store scale. */
function eachPair(groups: readonly string[][], visit: (a: string, b: string) => void): void {
  for (const ids of groups)
    for (let i = 0; i < ids.length; i++) {
      const x = ids[i] as string
      for (let j = i + 1; j < ids.length; j++) {
        const y = ids[j] as string
        if (x < y) visit(x, y)
        else visit(y, x)
      }
    }
}

/**
 * Every suspected pair: archives sharing a phone (同一电话), then archives with the same name whose
 * phones are alike (同名且电话相近), strongest suspicion first. A name shared by k archives costs k²
 * phone comparisons; even 张伟 in a 100 000-customer archive is a few hundred people.
 * @param phones [phone digits, archive id] for every phone of every live archive
 * @param names [normalised name, archive id] for every live archive
 */
export function findDuplicatePairs(phones: readonly KeyEntry[], names: readonly KeyEntry[]): DuplicatePair[] {
  const found: DuplicatePair[] = []
  const sameName = sharedKeys(names)
  // Phones are kept only for archives that share their name with another.
  const phonesOf = new Map<string, string[]>(
    sameName.flatMap((ids) => ids.map((id): [string, string[]] => [id, []]))
  )
  for (const [phone, id] of phones) phonesOf.get(id)?.push(phone)

  const seen = new Set<string>()
  eachPair(sharedKeys(phones), (a, b) => {
    if (seen.has(`${a} ${b}`)) return // two archives sharing two phones are one pair
    seen.add(`${a} ${b}`)
    found.push({ a, b, reason: 'samePhone', likeness: 'same' })
  })
  eachPair(sameName, (a, b) => {
    const likeness = bestLikeness(phonesOf.get(a) ?? [], phonesOf.get(b) ?? [])
    if (likeness && likeness !== 'same') found.push({ a, b, reason: 'similarPhone', likeness }) // 'same' is 同一电话 already
  })
  return found.sort(
    (p, q) =>
      LIKENESS_ORDER.indexOf(p.likeness) - LIKENESS_ORDER.indexOf(q.likeness) ||
      compare(p.a, q.a) ||
      compare(p.b, q.b)
  )
}
