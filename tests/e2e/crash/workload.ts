// Test-only page (never bundled into the app) for tests/e2e/sync-crash.spec.ts: the app's real data
// layer (IndexedDB in this Chromium profile) and sync engine, with the share reached through
// window.desk exactly as in the app. It writes and syncs in a loop until the test kills the browser.
import { addCustomerNote } from '@/db/customers'
import { createStoreOnShare, joinStoreOnShare } from '@/db/sync/storeChoice'
import { STORE_ID_KEY } from '@/db/sync/storeAccess'
import { openDataLayer, type DataContext } from '@/db/context'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { callDesk } from '@/ipc/desk'
import { createIpcShare } from '@/ipc/ipcShare'
import { complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { canonicalJson } from '@shared/sync/json'
import { prng } from '../../support/prng'

const SYNCED = ['staff', 'customers', 'complaints', 'events', 'settings', 'returns', 'handovers'] as const
const STAFF = '1001'

export interface CrashWorkload {
  /** opens the data layer (as the app does at start); says whether the PC knows its store and whether
   *  this open created the database */
  open(): Promise<string>
  /** 新建门店共享 (first PC) or 加入已有门店 */
  join(create: boolean): Promise<void>
  /** writes and syncs until the page dies; logs "committed <marker>" after each write commits */
  run(tag: string, seed: number): Promise<void>
  /** one sync round: its state, and each problem's kind, code and detail (so a failure says why) */
  syncRound(): Promise<{ state: string; problems: string[] }>
  /** every synced record minus per-PC stamps, and the outbox left unpublished */
  dump(): Promise<{ records: Record<string, string[]>; unpublished: number }>
}

declare global {
  interface Window {
    crashWorkload?: CrashWorkload
  }
}

let ctx: DataContext | undefined
const share = createIpcShare()
const data = (): DataContext => {
  if (!ctx) throw new Error('open() first')
  return ctx
}

// Whether an open created the database, and what Chromium said about it: a database that comes back
// empty after a kill is told apart from one that lost only its membership, with Chromium's reason
// (IDBVersionChangeEvent.dataLoss / dataLossMessage, set when it deleted a database it found damaged).
let created: string | null = null
const openDatabase = IDBFactory.prototype.open
IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
  const request = openDatabase.apply(this, args)
  request.addEventListener('upgradeneeded', (e) => {
    const event = e as IDBVersionChangeEvent & { dataLoss?: string; dataLossMessage?: string }
    if (event.oldVersion === 0)
      created = `dataLoss=${event.dataLoss ?? '?'} ${event.dataLossMessage ?? ''}`.trim()
  })
  return request
}

window.crashWorkload = {
  async open() {
    created = null
    ctx = await openDataLayer(await callDesk('getDevice', undefined))
    const joined = (await ctx.db.meta.get(STORE_ID_KEY)) !== undefined
    return `joined=${joined}${created === null ? '' : ` created (${created})`}`
  },
  async join(create) {
    if (create) await createStoreOnShare(data(), share)
    else await joinStoreOnShare(data(), share)
  },
  async run(tag, seed) {
    const ctx = data()
    const r = prng(seed)
    // Markers go on from the highest this PC has stored (numbers taken by edits leave gaps).
    let own = 0
    await ctx.db.complaints.each((c) => {
      const m = new RegExp(`^crash-${tag}-(\\d+)$`).exec(c.content)
      if (m) own = Math.max(own, Number(m[1]))
    })
    const today = new Date().toISOString().slice(0, 10)
    for (let n = own + 1; ; n++) {
      const pick = r()
      if (pick < 0.6) {
        const marker = `crash-${tag}-${n}`
        const phone = `13${tag === 'A' ? 7 : 8}${String(n).padStart(8, '0')}`
        await registerComplaint(
          ctx,
          STAFF,
          complaintIntakeSchema(today).parse({
            ...emptyIntakeForm,
            customerPhone: phone,
            customerName: `客户${tag}${n}`,
            content: marker
          })
        )
        console.log(`committed ${marker}`)
      } else {
        // edits of what either PC made: the same fields meet from both sides
        const ids = (await ctx.db.complaints.toCollection().primaryKeys()) as string[]
        const id = ids[Math.floor(r() * ids.length)]
        if (id && pick < 0.8) {
          await ctx.writer.transact(STAFF, (tx) =>
            tx.update('complaints', id, { demand: `${tag} 第 ${n} 次修改` })
          )
        } else if (id) {
          const complaint = await ctx.db.complaints.get(id)
          if (complaint) await addCustomerNote(ctx, STAFF, complaint.customerId, `${tag} 备注 ${n}`)
        }
      }
      // A clerk's pace, roughly: the point is where the kills land, not how much piles up.
      await new Promise((resolve) => setTimeout(resolve, 100))
      if (n % 4 === 0) {
        console.log('sync start')
        await syncOnce(ctx, share)
        console.log('sync end')
      }
    }
  },
  async syncRound() {
    const ctx = data()
    const report = await syncOnce(ctx, share)
    const problems = report.problems.map((p) => `${p.kind}/${p.code}: ${p.detail}`)
    // A round that fails says what this PC's database holds (session 7 saw 'notJoined' after the kills:
    // was the membership lost alone, or the whole database?).
    if (report.state !== 'synced') {
      // Each PC's markers run 1, 2, 3…: the lowest one still held tells a database that was emptied and
      // started again (its early markers gone, unless synced back) from one that kept its records.
      const markers = new Map<string, number[]>()
      await ctx.db.complaints.each((c) => {
        const m = /^crash-([AB])-(\d+)$/.exec(c.content)
        if (m) markers.set(m[1] as string, [...(markers.get(m[1] as string) ?? []), Number(m[2])])
      })
      const spans = [...markers].map(
        ([tag, ns]) => `${tag}:${Math.min(...ns)}..${Math.max(...ns)}(${ns.length})`
      )
      problems.push(
        `census: complaints=${await ctx.db.complaints.count()} outbox=${await ctx.db.outbox.count()} ` +
          `markers=[${spans.join(' ')}] peers=${await ctx.db.syncPeers.count()} ` +
          `meta=[${(await ctx.db.meta.toCollection().primaryKeys()).join(',')}]`
      )
    }
    return { state: report.state, problems }
  },
  async dump() {
    const ctx = data()
    const records: Record<string, string[]> = {}
    for (const table of SYNCED) {
      const rows = (await ctx.db.table(table).toArray()) as Record<string, unknown>[]
      records[table] = rows
        .map((row) =>
          canonicalJson(
            Object.fromEntries(Object.entries(row).filter(([k]) => k !== '_created' && k !== '_updated'))
          )
        )
        .sort()
    }
    const exported =
      ((await ctx.db.meta.get('sync.export'))?.value as { outboxSeq: number } | undefined)?.outboxSeq ?? 0
    return { records, unpublished: await ctx.db.outbox.where('seq').above(exported).count() }
  }
}
