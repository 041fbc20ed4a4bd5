// A report's rows cross to the worker as text (reportInput.ts): a year is ~50 MB, and most of it is the
// same as the last report's. Each side keeps what crossed for the last two inputs, per row key; a row
// whose text the worker already holds crosses as null. Both sides turn over in the same order (one
// input per message, messages in order), so they hold the same texts.

/** The worker lacks a row the UI thread thought it had (it restarted, or an input failed halfway). */
export const ROWS_GONE = 'report rows gone'

export class RowMirror {
  private now = new Map<string, string>()
  private before = new Map<string, string>()

  private kept(key: string): string | undefined {
    return this.now.get(key) ?? this.before.get(key)
  }

  private turn(next: Map<string, string>): void {
    this.before = this.now
    this.now = next
  }

  /** The sending side: each text, or null where the other side holds the same text under its key. */
  encode(keys: readonly string[], texts: readonly string[]): (string | null)[] {
    const next = new Map<string, string>()
    const out = texts.map((text, i) => {
      const key = keys[i] as string
      next.set(key, text)
      return this.kept(key) === text ? null : text
    })
    this.turn(next)
    return out
  }

  /** The receiving side: the texts, nulls filled from what it holds. Throws ROWS_GONE (holding on to
   *  what it had) when one is missing. */
  decode(keys: readonly string[], texts: readonly (string | null)[]): string[] {
    const out = texts.map((text, i) => {
      if (text !== null) return text
      const kept = this.kept(keys[i] as string)
      if (kept === undefined) throw new Error(ROWS_GONE)
      return kept
    })
    this.turn(new Map(keys.map((key, i) => [key, out[i] as string])))
    return out
  }

  /** Forget everything: the next input crosses whole. */
  reset(): void {
    this.now = new Map()
    this.before = new Map()
  }
}
