import { useCallback, useEffect, useRef, useState } from 'react'
import { canonicalJson } from '@shared/sync/json'

/**
 * What a settings editor starts from, and when a newly stored value (saved here, or synced from
 * another PC) replaces it. It does only while the editor holds no unsaved edits: what is being typed
 * is never replaced under the typing hands, and saving it then stores it as the newer change. A value
 * stored meanwhile waits (`changedElsewhere`, so the editor can say so); it replaces the editor's copy
 * when the edits are undone or discarded. Once the edits are saved (the stored value equals them),
 * the editor follows the store again.
 */
export class StoredDraft<T> {
  private baseText: string
  private draftText: string | null = null
  private waiting: { value: T; text: string } | null = null

  constructor(public base: T) {
    this.baseText = canonicalJson(base)
  }

  /** The editor's current value; true when the editor should start afresh (its edits are undone and a
   *  newer stored value was waiting). */
  edited(value: T): boolean {
    const text = canonicalJson(value)
    this.draftText = text === this.baseText ? null : text
    return this.draftText === null && this.adoptWaiting()
  }

  /** A value read from the store; true when the editor should start afresh from it. */
  stored(value: T): boolean {
    const text = canonicalJson(value)
    if (this.draftText !== null && this.draftText !== text) {
      this.waiting = text === this.baseText ? null : { value, text }
      return false
    }
    this.waiting = null
    const changed = text !== this.baseText
    this.base = value
    this.baseText = text
    this.draftText = null
    return changed
  }

  /** A value stored elsewhere while this editor held edits, not shown yet. */
  get changedElsewhere(): boolean {
    return this.waiting !== null
  }

  /** Drops the unsaved edits for the value stored meanwhile; true when there was one. */
  discard(): boolean {
    if (!this.waiting) return false
    this.draftText = null
    return this.adoptWaiting()
  }

  private adoptWaiting(): boolean {
    if (!this.waiting) return false
    this.base = this.waiting.value
    this.baseText = this.waiting.text
    this.waiting = null
    return true
  }

  /** Identifies the base: an editor keyed by it restarts when the base changes. */
  get key(): string {
    return this.baseText
  }
}

export interface StoredDraftHandle<T> {
  /** what the editor starts from */
  base: T | undefined
  /** key the editor by it */
  key: string
  /** call with the editor's value on every change */
  edited: (value: T) => void
  /** another PC's (or window's) value arrived while this editor held edits */
  changedElsewhere: boolean
  /** drop the edits and show that value */
  discard: () => void
}

/** useLiveQuery's value for an editor (see StoredDraft). */
export function useStoredDraft<T>(stored: T | undefined): StoredDraftHandle<T> {
  const draft = useRef<StoredDraft<T> | null>(null)
  // The draft lives outside React: render again when it restarts the editor or its notice changes.
  const [, rerender] = useState(0)
  if (draft.current === null && stored !== undefined) draft.current = new StoredDraft(stored)
  const after = useCallback((step: (d: StoredDraft<T>) => boolean) => {
    const d = draft.current
    if (!d) return
    const noticed = d.changedElsewhere
    if (step(d) || d.changedElsewhere !== noticed) rerender((n) => n + 1)
  }, [])
  useEffect(() => {
    if (stored !== undefined) after((d) => d.stored(stored))
  }, [stored, after])
  const edited = useCallback((value: T) => after((d) => d.edited(value)), [after])
  const discard = useCallback(() => after((d) => d.discard()), [after])
  return {
    base: draft.current?.base,
    key: draft.current?.key ?? '',
    edited,
    changedElsewhere: draft.current?.changedElsewhere ?? false,
    discard
  }
}
