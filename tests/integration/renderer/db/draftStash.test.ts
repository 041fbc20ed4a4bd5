import { describe, expect, it } from 'vitest'
import { freshData } from './helpers'
import { clearDraft, loadDraft, saveDraft, stashDraft } from '@/db/drafts'
import { setSessionStaff } from '@/db/prefs'
import type { DraftStash } from '@/db/draftStash'

// The page's last instant (a reload, the window closing): IndexedDB drops writes begun then, so the
// draft goes synchronously to a stash and moves into IndexedDB at the next load (db/draftStash.ts).

function mapStash(): DraftStash & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    get: (key) => entries.get(key) ?? null,
    set: (key, text) => void entries.set(key, text),
    remove: (key) => void entries.delete(key)
  }
}

type Form = { customerName: string; content?: string }

describe('a draft kept in the page’s last instant', () => {
  it('is what the next load finds, and from then on it is in IndexedDB', async () => {
    const stash = mapStash()
    const ctx = await freshData({ draftStash: stash })
    await setSessionStaff(ctx, '1001')
    await saveDraft(ctx, 'complaint:new', { customerName: '孙七' })
    ctx.time.value += 1000
    stashDraft(ctx, 'complaint:new', { customerName: '孙七', content: '送货晚了三天' })

    const loaded = await loadDraft<Form>(ctx, 'complaint:new')
    expect(loaded?.value).toEqual({ customerName: '孙七', content: '送货晚了三天' })
    expect(stash.entries.size).toBe(0)
    // Moved, not only read: a second load (no stash) finds the same.
    expect((await loadDraft<Form>(ctx, 'complaint:new'))?.value.content).toBe('送货晚了三天')
  })

  it('is filed under the author the form was loaded for', async () => {
    const stash = mapStash()
    const ctx = await freshData({ draftStash: stash })
    await setSessionStaff(ctx, '1001')
    expect(await loadDraft(ctx, 'complaint:new')).toBeUndefined()
    stashDraft(ctx, 'complaint:new', { customerName: '张三' })
    await setSessionStaff(ctx, '2001')
    expect(await loadDraft(ctx, 'complaint:new')).toBeUndefined()
    await setSessionStaff(ctx, '1001')
    expect((await loadDraft<Form>(ctx, 'complaint:new'))?.value.customerName).toBe('张三')
  })

  it('an older stash than the stored draft is dropped, not restored', async () => {
    const stash = mapStash()
    const ctx = await freshData({ draftStash: stash })
    await setSessionStaff(ctx, '1001')
    await loadDraft(ctx, 'complaint:new')
    stashDraft(ctx, 'complaint:new', { customerName: '旧' })
    ctx.time.value += 1000
    await saveDraft(ctx, 'complaint:new', { customerName: '新' })
    expect((await loadDraft<Form>(ctx, 'complaint:new'))?.value.customerName).toBe('新')
    expect(stash.entries.size).toBe(0)
  })

  it('a stash that is not a draft (cut short, foreign) is dropped and nothing stored is lost', async () => {
    const stash = mapStash()
    const ctx = await freshData({ draftStash: stash })
    await setSessionStaff(ctx, '1001')
    await saveDraft(ctx, 'complaint:new', { customerName: '孙七' })
    stash.set('complaint:new@1001', '{"value":{"customerName":"孙')
    expect((await loadDraft<Form>(ctx, 'complaint:new'))?.value.customerName).toBe('孙七')
    expect(stash.entries.size).toBe(0)
  })

  it('a full stash refuses quietly: the stored draft stays', async () => {
    const ctx = await freshData({
      draftStash: {
        get: () => null,
        set: () => {
          throw new Error('QuotaExceededError')
        },
        remove: () => undefined
      }
    })
    await saveDraft(ctx, 'complaint:new', { customerName: '孙七' })
    expect(() => stashDraft(ctx, 'complaint:new', { customerName: '孙七八' })).not.toThrow()
    expect((await loadDraft<Form>(ctx, 'complaint:new'))?.value.customerName).toBe('孙七')
  })

  it('clearing the draft (saved or 清空) clears the stash too', async () => {
    const stash = mapStash()
    const ctx = await freshData({ draftStash: stash })
    await setSessionStaff(ctx, '1001')
    await loadDraft(ctx, 'complaint:new')
    stashDraft(ctx, 'complaint:new', { customerName: '张三' })
    await clearDraft(ctx, 'complaint:new')
    expect(await loadDraft(ctx, 'complaint:new')).toBeUndefined()
  })
})
