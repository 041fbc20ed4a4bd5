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

  it('says when another value was stored while editing, and shows it once the edits are undone', () => {
    const draft = new StoredDraft(stored)
    expect(draft.changedElsewhere).toBe(false)
    expect(draft.edited([{ name: '白班', start: '09:30' }])).toBe(false)
    const theirs = [{ name: '早班', start: '08:00' }]
    draft.stored(theirs)
    expect(draft.changedElsewhere).toBe(true)
    expect(draft.base).toEqual(stored)
    // Undone by hand: the editor restarts from the value stored meanwhile, not the stale one.
    expect(draft.edited([{ name: '白班', start: '09:00' }])).toBe(true)
    expect(draft.base).toEqual(theirs)
    expect(draft.changedElsewhere).toBe(false)
  })

  it('discard drops the edits for the value stored meanwhile', () => {
    const draft = new StoredDraft(stored)
    expect(draft.discard()).toBe(false) // nothing waiting: nothing to do
    draft.edited([{ name: '白班', start: '09:30' }])
    const theirs = [{ name: '早班', start: '08:00' }]
    draft.stored(theirs)
    expect(draft.discard()).toBe(true)
    expect(draft.base).toEqual(theirs)
    expect(draft.changedElsewhere).toBe(false)
    expect(draft.stored([{ name: '晚班', start: '13:00' }])).toBe(true) // follows the store again
  })

  it('saving the edits over a value stored meanwhile ends the notice; a store back at the base is no notice', () => {
    const draft = new StoredDraft(stored)
    const mine = [{ name: '白班', start: '09:30' }]
    draft.edited(mine)
    draft.stored([{ name: '早班', start: '08:00' }])
    expect(draft.stored(mine)).toBe(true)
    expect(draft.changedElsewhere).toBe(false)
    draft.edited([{ name: '白班', start: '10:00' }])
    draft.stored([{ name: '早班', start: '08:00' }])
    draft.stored(mine) // changed back to what the editor started from
    expect(draft.changedElsewhere).toBe(false)
  })

  it('a value read again unchanged does not restart the editor', () => {
    const draft = new StoredDraft(stored)
    expect(draft.stored(structuredClone(stored))).toBe(false)
    expect(draft.key).toBe(new StoredDraft(structuredClone(stored)).key)
  })
})
