import { describe, expect, it } from 'vitest'
import { StoredDraft } from '@/ui/storedDraft'

// A settings editor and the store: a value synced from another PC replaces the editor's copy only
// while nothing is being edited there (the data-loss case: typed edits wiped by a sync round).

type Shifts = { name: string; start: string }[]
const stored: Shifts = [{ name: '白班', start: '09:00' }]

describe('StoredDraft', () => {
  it('follows the store while the editor is untouched', () => {
    const draft = new StoredDraft(stored)
    const synced = [{ name: '早班', start: '08:00' }]
    expect(draft.stored(synced)).toBe(true)
    expect(draft.base).toEqual(synced)
  })

  it('keeps unsaved edits when another value is stored meanwhile', () => {
    const draft = new StoredDraft(stored)
    draft.edited([{ name: '白班', start: '09:30' }])
    expect(draft.stored([{ name: '早班', start: '08:00' }])).toBe(false)
    expect(draft.base).toEqual(stored)
  })

  it('follows the store again once the edits are saved', () => {
    const draft = new StoredDraft(stored)
    const mine = [{ name: '白班', start: '09:30' }]
    draft.edited(mine)
    draft.stored([{ name: '早班', start: '08:00' }]) // another PC's, ignored while editing
    expect(draft.stored([{ start: '09:30', name: '白班' }])).toBe(true) // my save: restart from what was typed
    expect(draft.base).toEqual(mine)
    expect(draft.stored([{ name: '晚班', start: '13:00' }])).toBe(true)
  })

  it('follows the store again once the edits are undone', () => {
    const draft = new StoredDraft(stored)
    draft.edited([{ name: '白班', start: '09:30' }])
    draft.edited([{ name: '白班', start: '09:00' }])
    expect(draft.stored([{ name: '早班', start: '08:00' }])).toBe(true)
  })

  it('a value read again unchanged does not restart the editor', () => {
    const draft = new StoredDraft(stored)
    expect(draft.stored(structuredClone(stored))).toBe(false)
    expect(draft.key).toBe(new StoredDraft(structuredClone(stored)).key)
  })
})
