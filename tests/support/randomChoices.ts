import fc from 'fast-check'

// Random choices for the simulation-style property tests (random edits on several PCs, random sync
// orders, random workflows): drawn from a fast-check stream, so a run is reproducible from the seed
// fast-check reports, while the simulation reads like plain random calls.

/** An endless stream of uniform 31-bit integers; unbiased, so the probabilities in a test hold. */
export function randomChoices(): fc.Arbitrary<fc.Stream<number>> {
  return fc.infiniteStream(fc.noBias(fc.nat()))
}

export interface Random {
  /** a float in [0, 1) */
  next(): number
  /** an integer in [0, n) */
  int(n: number): number
  pick<T>(items: readonly T[]): T
  shuffle<T>(items: readonly T[]): T[]
}

export function random(choices: fc.Stream<number>): Random {
  const values = choices[Symbol.iterator]()
  const next = (): number => (values.next().value as number) / 2 ** 31
  const int = (n: number): number => Math.floor(next() * n)
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1)
        ;[out[i], out[j]] = [out[j] as T, out[i] as T]
      }
      return out
    }
  }
}
