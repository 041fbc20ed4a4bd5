// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { NEW_COMPLAINT_DRAFT, dashboardCounts, getTimeline, registerComplaint } from '@/db/complaints'
import { completeSetup, isSetupDone } from '@/db/setup'
import { countComplaints, listComplaints } from '@/db/complaintQuery'
import { loadDraft, saveDraft } from '@/db/drafts'
import { openDataLayer } from '@/db/context'
import { TALLIES_BUILT_KEY } from '@/db/tallies'
import { failAddsTo, failDeletesFrom } from './failWrites'
import { device, freshData } from './helpers'
import { addStaff } from '@/db/staff'
import { setSessionStaff } from '@/db/prefs'

afterEach(() => vi.restoreAllMocks())

const intake = (over: Record<string, string> = {}) =>
  complaintIntakeSchema('2026-11-22').parse({
    ...emptyIntakeForm,
    customerPhone: '13800138000',
    customerName: '张三',
    content: '电饭煲不加热',
    ...over
  })

describe('complaint intake', () => {
  it('registers customer, complaint and a timeline event in one go; the receiving clerk is first responder', async () => {
    const ctx = await freshData()
    const c = await registerComplaint(ctx, '1001', intake())
    expect(c.no).toBe('TS-20261122-A3-001')
    expect(c.firstResponder).toBe('1001')
    expect(c.status).toBe('registered')
    expect(await ctx.db.customers.count()).toBe(1)
    const timeline = await getTimeline(ctx, c.id)
    expect(timeline).toHaveLength(1)
    expect(timeline[0]).toMatchObject({ type: 'registered', staffNo: '1001' })
    const stored = await ctx.db.complaints.get(c.id)
    expect(stored?._created.staffNo).toBe('1001')
  })

  it('reuses the existing customer found by phone', async () => {
    const ctx = await freshData()
    const a = await registerComplaint(ctx, '1001', intake())
    const b = await registerComplaint(
      ctx,
      '1001',
      intake({ customerPhone: '138 0013 8000', customerName: '张三' })
    )
    expect(b.customerId).toBe(a.customerId)
    expect(await ctx.db.customers.count()).toBe(1)
  })

  it('numbers per device per day, restarting each day', async () => {
    const ctx = await freshData()
    expect((await registerComplaint(ctx, '1001', intake())).no).toBe('TS-20261122-A3-001')
    expect((await registerComplaint(ctx, '1001', intake())).no).toBe('TS-20261122-A3-002')
    ctx.time.value += 24 * 3_600_000
    expect((await registerComplaint(ctx, '1001', intake())).no).toBe('TS-20261123-A3-001')
  })

  it('two PCs registering offline on the same day never produce the same number', async () => {
    const pcA = await freshData({ dev: device('dev-a', 'A3') })
    const pcB = await freshData({ dev: device('dev-b', 'B7') })
    const numbers = new Set<string>()
    for (let i = 0; i < 5; i++) {
      numbers.add((await registerComplaint(pcA, '1001', intake())).no)
      numbers.add((await registerComplaint(pcB, '1002', intake())).no)
    }
    expect(numbers.size).toBe(10)
  })

  it('removes the intake draft in the same transaction as the save', async () => {
    const ctx = await freshData()
    await saveDraft(ctx, NEW_COMPLAINT_DRAFT, { customerName: '张' })
    const nothingSaved = async () => ({
      complaints: await ctx.db.complaints.count(),
      customers: await ctx.db.customers.count(),
      outbox: await ctx.db.outbox.count()
    })
    const before = await nothingSaved()

    // The save fails: the draft is still there for the clerk.
    failAddsTo(ctx.db.complaints, 'disk full')
    await expect(registerComplaint(ctx, '1001', intake())).rejects.toThrow('disk full')
    vi.restoreAllMocks()
    expect(await loadDraft(ctx, NEW_COMPLAINT_DRAFT)).toBeDefined()
    expect(await nothingSaved()).toEqual(before)

    // Removing the draft fails: the complaint is not saved either.
    failDeletesFrom(ctx.db.drafts, 'disk full')
    await expect(registerComplaint(ctx, '1001', intake())).rejects.toThrow('disk full')
    vi.restoreAllMocks()
    expect(await nothingSaved()).toEqual(before)

    await registerComplaint(ctx, '1001', intake())
    expect(await loadDraft(ctx, NEW_COMPLAINT_DRAFT)).toBeUndefined()
    expect(await ctx.db.complaints.count()).toBe(1)
  })

  it('lists newest first, filters by status, and finds by number, name and phone', async () => {
    const ctx = await freshData()
    // A 客服经理 at the desk: phone-prefix search is theirs (phonePrivacy.test.ts has the others).
    await addStaff(ctx, '1001', { staffNo: '1001', name: '王经理', role: 'manager' })
    await setSessionStaff(ctx, '1001')
    const first = await registerComplaint(
      ctx,
      '1001',
      intake({ customerName: '王五', customerPhone: '13900139000' })
    )
    ctx.time.value += 60_000
    const second = await registerComplaint(ctx, '1001', intake())
    const all = { status: 'all' as const, search: '' }
    expect((await listComplaints(ctx, all, 0, 10)).map((c) => c.no)).toEqual([second.no, first.no])
    expect(await countComplaints(ctx, all)).toBe(2)
    expect(await countComplaints(ctx, { status: 'closed', search: '' })).toBe(0)
    expect(await listComplaints(ctx, { status: 'registered', search: '' }, 0, 10)).toHaveLength(2)
    expect((await listComplaints(ctx, { status: 'all', search: '王' }, 0, 10)).map((c) => c.id)).toEqual([
      first.id
    ])
    expect((await listComplaints(ctx, { status: 'all', search: '1390013' }, 0, 10)).map((c) => c.id)).toEqual(
      [first.id]
    )
    expect(
      (await listComplaints(ctx, { status: 'all', search: second.no.toLowerCase() }, 0, 10)).map((c) => c.id)
    ).toEqual([second.id])
    expect(await countComplaints(ctx, { status: 'closed', search: '王' })).toBe(0)
  })
})

describe('dashboard counts', () => {
  it('counts today, all open, open with me as first responder, and overdue', async () => {
    const ctx = await freshData()
    const dayStart = ctx.time.value - 3_600_000
    ctx.time.value -= 2 * 24 * 3_600_000
    await registerComplaint(ctx, '1002', intake()) // two days ago, someone else
    ctx.time.value += 2 * 24 * 3_600_000
    const mine = await registerComplaint(ctx, '1001', intake())
    await registerComplaint(ctx, '1001', intake())
    await ctx.writer.transact('1001', (tx) => tx.update('complaints', mine.id, { status: 'closed' }))
    // the one from two days ago was never answered: 已超时 (日落原则)
    expect(await dashboardCounts(ctx, dayStart, '1001')).toEqual({ today: 2, open: 2, mine: 1, overdue: 1 })
    expect(await dashboardCounts(ctx, dayStart, '1002')).toEqual({ today: 2, open: 2, mine: 1, overdue: 1 })
  })
})

describe('first-run setup', () => {
  it('creates the store and its first manager, and puts that manager at the desk', async () => {
    const ctx = await freshData()
    expect(await isSetupDone(ctx)).toBe(false)
    await completeSetup(ctx, {
      storeName: '幸福路店',
      managerStaffNo: '8001',
      managerName: '李经理',
      deviceName: 'PC1',
      deviceCode: 'A3'
    })
    expect(await isSetupDone(ctx)).toBe(true)
    expect((await ctx.db.staff.toArray()).map((s) => [s.staffNo, s.role])).toEqual([['8001', 'manager']])
    expect((await ctx.db.meta.get('session.staffNo'))?.value).toBe('8001')
    await expect(
      completeSetup(ctx, {
        storeName: 'x',
        managerStaffNo: '8002',
        managerName: 'y',
        deviceName: 'PC1',
        deviceCode: 'A3'
      })
    ).rejects.toThrow()
    expect(await ctx.db.staff.count()).toBe(1)
  })
})

describe('complaint tallies', () => {
  it('follow every create, status change and delete, and match a recount', async () => {
    const ctx = await freshData()
    const a = await registerComplaint(ctx, '1001', intake())
    const b = await registerComplaint(ctx, '1001', intake())
    await registerComplaint(ctx, '1001', intake())
    await ctx.writer.transact('1001', (tx) => tx.update('complaints', a.id, { status: 'inProgress' }))
    await ctx.writer.transact('1001', (tx) => tx.remove('complaints', b.id))
    const tallied = {
      all: await countComplaints(ctx, { status: 'all', search: '' }),
      registered: await countComplaints(ctx, { status: 'registered', search: '' }),
      inProgress: await countComplaints(ctx, { status: 'inProgress', search: '' })
    }
    expect(tallied).toEqual({ all: 2, registered: 1, inProgress: 1 })
    // Dropping the tallies makes the data layer recount from the records on the next open.
    await ctx.db.tallies.clear()
    await ctx.db.meta.delete(TALLIES_BUILT_KEY)
    ctx.db.close()
    const reopened = await openDataLayer(device(), { dbName: ctx.db.name })
    expect(await countComplaints(reopened, { status: 'all', search: '' })).toBe(2)
    expect(await countComplaints(reopened, { status: 'inProgress', search: '' })).toBe(1)
  })

  it('roll back with a failed transaction', async () => {
    const ctx = await freshData()
    await expect(
      ctx.writer.transact('1001', async (tx) => {
        await tx.create('complaints', {
          ...(await registerComplaint(ctx, '1001', intake())),
          id: 'x',
          no: 'TS-X'
        })
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    expect(await countComplaints(ctx, { status: 'all', search: '' })).toBe(0)
  })
})
