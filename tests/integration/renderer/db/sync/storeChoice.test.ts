import 'fake-indexeddb/auto'
import { writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { STORE_FILE } from '@shared/sync/store'
import { StoreChoiceError, createStoreOnShare, inspectShare, joinStoreOnShare } from '@/db/sync/storeChoice'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { intake, pc, shareKeeper, syncedState } from './harness'

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

describe('joining or creating a store share (explicit, never a side effect)', () => {
  it('a PC that has not chosen does not sync: nothing written to an empty folder', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1', 0, { joined: false })
    await registerComplaint(a, '1001', intake())
    const report = await syncOnce(a, share)
    expect(report).toMatchObject({
      state: 'error',
      problems: [expect.objectContaining({ kind: 'notJoined' })]
    })
    expect(await share.files()).toEqual([])
    expect(await inspectShare(a, share)).toEqual({ state: 'empty' })
  })

  it('creates a store only in an empty folder; a second PC joins it and they sync', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1', 0, { joined: false })
    const b = await pc('pcB', 'B1', 0, { joined: false })
    await registerComplaint(a, '1001', intake())
    const storeId = await createStoreOnShare(a, share)
    expect(await inspectShare(a, share)).toMatchObject({
      state: 'store',
      storeId,
      encrypted: false,
      joined: true
    })
    expect(await inspectShare(b, share)).toMatchObject({ state: 'store', storeId, joined: false })
    await expect(createStoreOnShare(b, share)).rejects.toThrow(new StoreChoiceError('alreadyExists'))
    expect(await joinStoreOnShare(b, share)).toBe(storeId)
    expect((await syncOnce(a, share)).state).toBe('synced')
    expect((await syncOnce(b, share)).state).toBe('synced')
    // pcB's 操作日志 entry (加入已有门店) reaches pcA in its next round
    expect((await syncOnce(a, share)).state).toBe('synced')
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })

  it('refuses a folder with other files, a folder without a store, a missing folder, and a PC of another store', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1', 0, { joined: false })
    // Put there by someone else: the app itself can only write names of the share format.
    await writeFile(share.abs('报表.xlsx'), new Uint8Array([1, 2, 3]))
    expect(await inspectShare(a, share)).toEqual({ state: 'foreign', names: ['报表.xlsx'] })
    await expect(createStoreOnShare(a, share)).rejects.toThrow(new StoreChoiceError('notEmpty'))
    await expect(joinStoreOnShare(a, share)).rejects.toThrow(new StoreChoiceError('noStore'))
    expect(await share.files()).toEqual(['报表.xlsx'])

    const other = await shares.make()
    await createStoreOnShare(a, other)
    const third = await shares.make()
    const b = await pc('pcB', 'B1', 0, { joined: false })
    await createStoreOnShare(b, third)
    await expect(joinStoreOnShare(a, third)).rejects.toThrow(new StoreChoiceError('otherStoreJoined'))

    await other.disappear()
    expect(await inspectShare(a, other)).toEqual({ state: 'unavailable' })
    await expect(joinStoreOnShare(a, other)).rejects.toThrow(new StoreChoiceError('unavailable'))
    await other.reappear()
    expect((await other.files()).includes(STORE_FILE)).toBe(true)
  })

  it('a PC moved to an emptied folder of its own store re-creates that store (same id), not a new one', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1', 0, { joined: false })
    const storeId = await createStoreOnShare(a, share)
    await share.empty()
    expect(await createStoreOnShare(a, share)).toBe(storeId)
  })
})
