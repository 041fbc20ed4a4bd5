import 'fake-indexeddb/auto'
// eslint-disable-next-line no-restricted-imports -- a read run as a page's live query runs it (useLiveQuery), where nothing may be written
import { liveQuery } from 'dexie'
import { allCustomerIds } from '@/db/customerReads'
import { afterEach, describe, expect, it } from 'vitest'
import { registerComplaint } from '@/db/complaints'
import {
  createCustomer,
  customersStillLoading,
  findCustomerByPhone,
  getCustomer,
  updateCustomer,
  type StoredCustomer
} from '@/db/customers'
import { allCustomers, searchCustomers } from '@/db/customerQuery'
import { importCustomers } from '@/db/customerImport'
import { joiningCustomersHeld } from '@/db/joiningCustomers'
import { getRevisitSettings, saveRevisitSettings } from '@/db/revisitSettings'
import { generateRevisitTasks, SWEEP_WAITING_KEY } from '@/db/revisitSweep'
import { pendingHistory } from '@/db/sync/historyLoader'
import { writeSnapshot } from '@/db/sync/snapshots'
import { isStoreAccess, openStore } from '@/db/sync/storeAccess'
import { syncOnce } from '@/db/sync/syncOnce'
import { pinyinInitials } from '@shared/domain/customerSearch'
import type { RealShare } from './realShare'
import { intake, pc, reopen, shareKeeper, syncedState, type Pc } from './harness'

// Issue 18 point 1, usable first: a joining PC holds the snapshot's customers in memory instead of
// storing them before it is usable (renderer/src/db/joiningCustomers.ts). Search answers from them as
// the table will once they are stored; a customer about to be used is stored first; intake finds the
// archive a phone belongs to even when it is not stored yet; whole-archive work waits; a restart
// mid-load holds them again; and at the end the store equals the writing PC's.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const ONE_CHUNK = { historyBudgetMs: 0 }

/** A's store: `settled` complaints (closed, so their customers are not named by the working set),
 *  one open complaint, and `plain` customers with no complaint at all (a member card each). */
async function storeOnA(share: RealShare, settled: number, plain: number, chunkRecords: number) {
  const a = await pc('pcA', 'A1')
  for (let i = 0; i < settled; i++) {
    const c = await registerComplaint(
      a,
      '1001',
      intake({ customerPhone: `1380013${8000 + i}`, customerName: `历史客户${i}` })
    )
    await a.writer.transact('1001', (tx) =>
      tx.update('complaints', c.id, { status: 'closed', closedAt: a.time.value })
    )
  }
  const open = await registerComplaint(
    a,
    '1001',
    intake({ customerPhone: '13700137000', customerName: '在办客户' })
  )
  const plainOnes: StoredCustomer[] = []
  for (let i = 0; i < plain; i++)
    plainOnes.push(
      await createCustomer(a, '1001', {
        name: `会员${['张', '李', '王', '赵'][i % 4]}${i}`,
        phone: `1590015${9000 + i}`,
        phones: [`1590015${9000 + i}`],
        memberNo: `VIP${7000 + i}`,
        tier: 'regular',
        tags: []
      })
    )
  await syncOnce(a, share)
  const store = await openStore(a.db, share, a.now())
  if (!isStoreAccess(store)) throw new Error('A has no store')
  await writeSnapshot(a, share, store, { chunkRecords })
  return { a, open, plainOnes }
}

/** Every kind of key for a customer: name, pinyin initials, phone, last 4, member card. */
function queriesFor(c: StoredCustomer): string[] {
  return [c.name, pinyinInitials(c.name), c.phone, c.phone.slice(-4), ...(c.memberNo ? [c.memberNo] : [])]
}

async function untilLoaded(c: Pc, share: RealShare): Promise<void> {
  for (let i = 0; i < 300; i++) if (!(await syncOnce(c, share, ONE_CHUNK)).history) return
  throw new Error('history never finished loading')
}

const ids = async (ctx: Pc, q: string): Promise<string[]> =>
  (await searchCustomers(ctx, q)).map((h) => h.customer.id)

describe('a joining PC holds its customers until they are stored', () => {
  it('finds every customer by every key, as the table will, before they are stored; intake and opening store the one used', async () => {
    const share = await shares.make()
    const { a, open, plainOnes } = await storeOnA(share, 5, 12, 3)
    const c = await pc('pcC', 'C1')
    await syncOnce(c, share, ONE_CHUNK)
    expect(joiningCustomersHeld(c.db)).toBe(true)
    // before the desk is usable exactly the customers the stored working set names are stored: the
    // open complaint's, and those of 回访 tasks (a new customer's task is sampled by id, ~1 in 10)
    const stored = (await c.db.customers.toArray()).map((r) => r.id).sort()
    const named = new Set<string>()
    for (const table of ['complaints', 'revisitTasks', 'returns', 'consultations'] as const)
      for (const r of (await c.db.table(table).toArray()) as { customerId?: unknown }[])
        if (typeof r.customerId === 'string') named.add(r.customerId)
    expect(stored).toEqual([...named].sort())
    expect(stored).toContain(open.customerId)
    const heldOnes = plainOnes.filter((p) => !named.has(p.id))
    expect(heldOnes.length).toBeGreaterThanOrEqual(4)
    expect(await customersStillLoading(c)).toBe(true)

    // search answers the same customers, in the same order, as A's table does
    const everyone = (await a.db.customers.toArray()) as StoredCustomer[]
    for (const customer of everyone)
      for (const q of queriesFor(customer)) {
        expect(await ids(c, q), q).toEqual(await ids(a, q))
        // (initials of a name with digits in it are not a key of it, here or on A)
        if (q !== pinyinInitials(customer.name)) expect(await ids(c, q), q).toContain(customer.id)
      }
    expect(await ids(c, 'hyz')).toContain((plainOnes[0] as StoredCustomer).id)
    for (const q of ['会员', 'hy', '1590015', 'VIP70', '历史'])
      expect(await ids(c, q), q).toEqual(await ids(a, q))

    // whole-archive work waits for the rest, with a reason
    await expect(allCustomers(c, {})).rejects.toThrow('customer.stillLoading')
    await expect(importCustomers(c, '2001', { create: [], update: [] })).rejects.toThrow(
      'customer.stillLoading'
    )

    // intake with the phone of a customer not stored yet links that archive: no second one
    const member = heldOnes[0] as StoredCustomer
    const complaint = await registerComplaint(
      c,
      '2001',
      intake({ customerPhone: member.phone, customerName: member.name })
    )
    expect(complaint.customerId).toBe(member.id)
    expect(await c.db.customers.get(member.id)).toMatchObject({
      name: member.name,
      memberNo: member.memberNo
    })
    expect(await findCustomerByPhone(c, (heldOnes[1] as StoredCustomer).phone)).toMatchObject({
      id: (heldOnes[1] as StoredCustomer).id
    })

    // shown on a page (a live query, where Dexie refuses every write) it is answered as held: no
    // ReadOnlyError (it blanked the whole window), and nothing is stored from there
    const shown = heldOnes[3] as StoredCustomer
    const seen = await new Promise<StoredCustomer | undefined>((resolve, reject) => {
      const sub = liveQuery(() => getCustomer(c, shown.id)).subscribe({
        next: (value) => {
          sub.unsubscribe()
          resolve(value)
        },
        error: reject
      })
    })
    expect(seen).toMatchObject({ id: shown.id, name: shown.name })
    expect(await c.db.customers.get(shown.id)).toBeUndefined()

    // opening one stores it, and an edit of it is what search finds from then on
    const other = heldOnes[2] as StoredCustomer
    const opened = (await getCustomer(c, other.id)) as StoredCustomer
    expect(await c.db.customers.get(other.id)).toBeDefined()
    await updateCustomer(c, '2001', other.id, { ...opened, name: '改名客户' })
    expect(await ids(c, '改名客户')).toEqual([other.id])
    expect(await ids(c, other.name)).not.toContain(other.id)

    await untilLoaded(c, share)
    expect(joiningCustomersHeld(c.db)).toBe(false)
    expect(await customersStillLoading(c)).toBe(false)
    expect(await allCustomers(c, {})).toHaveLength(everyone.length)
    await syncOnce(c, share)
    await syncOnce(a, share)
    expect(await syncedState(c)).toEqual(await syncedState(a))
    // from the table now: the same answers as A's
    for (const customer of everyone)
      for (const q of queriesFor(customer)) expect(await ids(c, q), q).toEqual(await ids(a, q))
  })

  it('a peer’s edit of a customer not stored yet, and a restart mid-load: held again, nothing lost', async () => {
    const share = await shares.make()
    const { a, plainOnes } = await storeOnA(share, 4, 8, 2)
    let c = await pc('pcC', 'C1')
    const dbName = c.db.name
    await syncOnce(c, share, ONE_CHUNK)
    await syncOnce(c, share, ONE_CHUNK)
    // A renames the last customer, which C has not stored yet
    const last = plainOnes[plainOnes.length - 1] as StoredCustomer
    a.time.value += 60_000
    await updateCustomer(a, '1001', last.id, { ...last, name: '甲改的名' })
    await syncOnce(a, share)
    await syncOnce(c, share, ONE_CHUNK)
    expect(await ids(c, '甲改的名')).toEqual([last.id])
    expect(await ids(c, last.name)).toEqual([])

    // the renderer dies and comes back: nothing is held until the next round holds it again
    c.db.close()
    c = await reopen(c.time, 'pcC', dbName, 'C1')
    expect(joiningCustomersHeld(c.db)).toBe(false)
    expect(await customersStillLoading(c)).toBe(true)
    await syncOnce(c, share, ONE_CHUNK)
    expect(await pendingHistory(c)).not.toBeNull()
    expect(joiningCustomersHeld(c.db)).toBe(true)
    for (const customer of plainOnes.slice(0, -1))
      for (const q of queriesFor(customer)) expect(await ids(c, q), q).toEqual(await ids(a, q))
    expect(await ids(c, '甲改的名')).toEqual([last.id])

    await untilLoaded(c, share)
    expect(joiningCustomersHeld(c.db)).toBe(false)
    // the customers the load stored went into packs (packedCustomers.ts), read as rows would be
    expect(await c.db.customerPacks.count()).toBeGreaterThan(0)
    expect((await allCustomerIds(c.db)).length).toBe(await a.db.customers.count())
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a 回访 sweep over customers waits for them: switched on mid-load, every new customer gets its task once they are stored', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const s = await getRevisitSettings(a)
    const off = { ...s, rules: { ...s.rules, newCustomer: { ...s.rules.newCustomer, enabled: false } } }
    await saveRevisitSettings(a, '9001', { ...off, newCustomerSamplePercent: 100 })
    for (let i = 0; i < 9; i++)
      await createCustomer(a, '1001', {
        name: `新客${i}`,
        phone: `1590015${9000 + i}`,
        phones: [`1590015${9000 + i}`],
        tier: 'regular',
        tags: []
      })
    await syncOnce(a, share)
    const store = await openStore(a.db, share, a.now())
    if (!isStoreAccess(store)) throw new Error('A has no store')
    await writeSnapshot(a, share, store, { chunkRecords: 2 })

    const c = await pc('pcC', 'C1')
    await syncOnce(c, share, ONE_CHUNK)
    expect(await customersStillLoading(c)).toBe(true)
    const switchedOn = await saveRevisitSettings(c, '9001', {
      ...(await getRevisitSettings(c)),
      rules: { ...off.rules, newCustomer: { ...off.rules.newCustomer, enabled: true } }
    })
    expect(switchedOn).toEqual(['newCustomer'])
    // swept now it would see only the customers stored so far (none of these): it waits instead
    expect(await generateRevisitTasks(c, switchedOn)).toBe(0)
    expect((await c.db.meta.get(SWEEP_WAITING_KEY))?.value).toEqual(['newCustomer'])

    await untilLoaded(c, share)
    // the next sweep (the hourly one, or the one at the end of the load) makes them all
    expect(await generateRevisitTasks(c, ['keyAccount'])).toBe(9)
    expect(await c.db.meta.get(SWEEP_WAITING_KEY)).toBeUndefined()
    expect(await generateRevisitTasks(c, ['keyAccount'])).toBe(0)
  })
})
