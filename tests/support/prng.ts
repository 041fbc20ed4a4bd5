// The repo's one seeded PRNG, for generated data that must be the same on every run: the benchmark's
// stores, the crash test's workload and kill timing. Property tests draw from fast-check instead
// (tests/support/randomChoices.ts).

/** mulberry32: floats in [0, 1), the same sequence for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
