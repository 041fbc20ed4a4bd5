import { useCallback, useEffect, useRef, useState } from 'react'
import { canonicalJson } from '@shared/sync/json'

/**
 * What a settings editor starts from, and when a newly stored value (saved here, or synced from
 * another PC) replaces it. It does only while the editor holds no unsaved edits: what is being typed
 * is never replaced under the typing hands, and saving it then stores it as the newer change. Once
 * the edits are saved (the stored value equals them) or undone, the editor follows the store again.
 */
export class StoredDraft<T> {
  private baseText: string
  private draftText: string | null = null

  constructor(public base: T) {
    this.baseText = canonicalJson(base)
  }

  /** The editor's current value. */
  edited(value: T): void {
    const text = canonicalJson(value)
    this.draftText = text === this.baseText ? null : text
  }

  /** A value read from the store; true when the editor should start afresh from it. */
  stored(value: T): boolean {
    const text = canonicalJson(value)
    if (this.draftText !== null && this.draftText !== text) return false
    const changed = text !== this.baseText
    this.base = value
    this.baseText = text
    this.draftText = null
    return changed
  }

  /** Identifies the base: an editor keyed by it restarts when the base changes. */
  get key(): string {
    return this.baseText
  }
}

/**
 * useLiveQuery's value for an editor: `base` to start from, `key` to key the editor by, `edited`
 * to call with the editor's value on every change.
 */
export function useStoredDraft<T>(stored: T | undefined): {
  base: T | undefined
  key: string
  edited: (value: T) => void
} {
  const draft = useRef<StoredDraft<T> | null>(null)
  const [, restart] = useState(0)
  if (draft.current === null && stored !== undefined) draft.current = new StoredDraft(stored)
  useEffect(() => {
    if (stored !== undefined && draft.current?.stored(stored)) restart((n) => n + 1)
  }, [stored])
  const edited = useCallback((value: T) => draft.current?.edited(value), [])
  return { base: draft.current?.base, key: draft.current?.key ?? '', edited }
}
