// The last moment of a draft. IndexedDB cannot take a write while the page is going away (a reload, the
// window closing): the transaction is dropped with the page. What was typed in the last instant is
// kept synchronously in the browser's local storage instead, and moved into IndexedDB at the next load.

/** Synchronous key–text storage; the browser's localStorage in the app, a map in tests. */
export interface DraftStash {
  get(key: string): string | null
  set(key: string, text: string): void
  remove(key: string): void
}

const PREFIX = 'desk.draftStash:'

export interface StashedDraft {
  value: unknown
  savedAt: number
}

/** The browser's local storage, or nothing where there is none (Node tests without a stash). */
export function browserDraftStash(): DraftStash {
  const storage = (globalThis as { localStorage?: Storage }).localStorage
  if (!storage) return { get: () => null, set: () => undefined, remove: () => undefined }
  return {
    get: (key) => storage.getItem(PREFIX + key),
    set: (key, text) => storage.setItem(PREFIX + key, text),
    remove: (key) => storage.removeItem(PREFIX + key)
  }
}

export function readStashed(stash: DraftStash, key: string): StashedDraft | undefined {
  const text = stash.get(key)
  if (text === null) return undefined
  try {
    const parsed = JSON.parse(text) as Partial<StashedDraft>
    if (typeof parsed.savedAt === 'number' && parsed.value !== undefined)
      return { value: parsed.value, savedAt: parsed.savedAt }
  } catch {
    // A stash that is not ours or was cut short is not a draft.
  }
  stash.remove(key)
  return undefined
}

export function writeStashed(stash: DraftStash, key: string, draft: StashedDraft): void {
  try {
    stash.set(key, JSON.stringify(draft))
  } catch {
    // Storage full or refused: the IndexedDB draft (up to the last pause in typing) is still there.
  }
}
