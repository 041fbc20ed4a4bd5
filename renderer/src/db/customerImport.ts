import { auditedTransact } from './audit'
import { roleRefusal, RoleRefusedError } from './roles'
import { getUnmaskRoles } from './privacy'
import { ROLES } from '@shared/domain/staff'
import { nanoid } from 'nanoid'
import type { Customer } from '@shared/domain/customer'
import type { DataContext } from './context'
import { DERIVE_MEASURE, deriveKeyAccountTask, deriveNewCustomerTasks } from './revisitDerive'
import { getRevisitSettings } from './revisitSettings'
import { CustomerRefusedError, refuseWhileCustomersLoad, type StoredCustomer } from './customers'
import { mergeImported, type ImportUpdateMode } from './customerImportMerge'
import { AUDIT_SUBJECT } from './customerAssignment'
import type { TimelineEvent } from './schema'
import { newestEventsOf } from './timelineReads'
import {
  CUSTOMER_STORES,
  customerById,
  customersByIds,
  customersWithAnyKey,
  eachCustomerKeyWithPrefix
} from './customerReads'

// 导入客户 / 导出Excel in the data layer. An import is ALL-OR-NOTHING: one writer transaction creates
// the new archives (in bulk), merges the chosen updates and records one audit event; any failure,
// including a phone that reached the archive since the preview (typed on another PC, synced in),
// rolls all of it back. Imports and exports are recorded as events whose subject is 'audit'.

export { mergeImported, type ImportUpdateMode } from './customerImportMerge'

/** What listAuditEvents lists (balanced assignments share the 'audit' subject; they are not listed). */
const LISTED_TYPES: ReadonlySet<string> = new Set(['customersImported', 'customersExported'])

/** New archives are written this many at a time, so progress can be shown between the bulk writes. */
const CREATE_CHUNK = 2500
const UPDATE_PROGRESS_EVERY = 250
/** A refusal names at most this many phones. */
const LISTED = 5

export interface ImportBatch {
  create: Omit<Customer, 'id'>[]
  /** `patch`: the row's values for the columns the file has; merged by mergeImported() */
  update: { id: string; patch: Partial<Customer> }[]
  /** 'fill' (default): only empty fields are filled; 'overwrite': the file's filled values replace */
  mode?: ImportUpdateMode
  /** for the audit record */
  fileName?: string
  /** rows of the report that were not imported (for the audit record) */
  skipped?: number
}

export interface ImportOutcome {
  created: number
  updated: number
}

/** A phone of the file that an archive holds by now, and that archive's name (when it is not the row's). */
export interface TakenPhone {
  phone: string
  name?: string
}

/** The import was refused as a whole; `message` is an i18n key (customerImport.refused.*). `params`
 *  are data: how many, and up to LISTED of the phones; the UI words them. */
export class ImportRefusedError extends CustomerRefusedError {
  constructor(
    readonly code: 'phonesTaken' | 'customerGone',
    readonly params: { count: number; taken: TakenPhone[] }
  ) {
    super(`customerImport.refused.${code}`)
  }
}

const digits = (phone: string) => phone.replace(/\D/g, '')

/** Up to this many phones are looked up key by key; more are matched by one walk over the index's
 *  phone keys. A lookup by key costs an IndexedDB round trip each (~60 µs), a step of a walk a few µs:
 *  50 000 phones against 100 000 archives take ~3.5 s one way and well under a second the other. */
const LOOKUP_BY_KEY_MAX = 2000

/** Live archives holding any of these (normalised) phones, by phone: reads of the multi-entry
 *  search-key index (`p:` + digits), never of the whole archive's records. */
async function phoneOwners(ctx: DataContext, phones: Iterable<string>): Promise<Map<string, StoredCustomer>> {
  const wanted = new Set(phones)
  const owners = new Map<string, StoredCustomer>()
  if (wanted.size === 0) return owners
  const keys = new Set([...wanted].map((p) => `p:${digits(p)}`))
  let found: (StoredCustomer | undefined)[]
  if (keys.size <= LOOKUP_BY_KEY_MAX) found = await customersWithAnyKey(ctx.db, [...keys])
  else {
    const ids = new Set<string>()
    await eachCustomerKeyWithPrefix(ctx.db, 'p:', (key, id) => {
      if (keys.has(key)) ids.add(id)
    })
    found = await customersByIds(ctx.db, [...ids])
  }
  for (const c of found) {
    if (!c || c._deleted) continue
    for (const p of c.phones?.length ? c.phones : [c.phone]) if (wanted.has(p)) owners.set(p, c)
  }
  return owners
}

/** For the import preview: who already holds which of the file's phones, as [phone, {id, name}] pairs
 *  (a Map's entries, to post to the worker). Reads only these phones, never the whole archive. */
export async function customersHoldingPhones(
  ctx: DataContext,
  phones: readonly string[]
): Promise<[string, { id: string; name: string }][]> {
  const owners = await ctx.db.transaction('r', [...CUSTOMER_STORES], () => phoneOwners(ctx, phones))
  return [...owners].map(([phone, c]) => [phone, { id: c.id, name: c.name }])
}

/** 确认导入: writes the batch in one transaction, or nothing. `onProgress(done, total)` is called as
 *  records are written (total = creates + updates). */
export async function importCustomers(
  ctx: DataContext,
  staffNo: string,
  batch: ImportBatch,
  onProgress?: (done: number, total: number) => void
): Promise<ImportOutcome> {
  const total = batch.create.length + batch.update.length
  await refuseWhileCustomersLoad(ctx)
  return ctx.writer.transact(staffNo, async (tx) => {
    // The archives to update, as they are now: an archive merged since the preview answers with its survivor.
    const ids = [...new Set(batch.update.map((u) => u.id))]
    /** requested id → the live archive's id */
    const liveId = new Map<string, string>()
    /** live id → the archive as this transaction has left it so far */
    const latest = new Map<string, StoredCustomer>()
    let gone = 0
    for (const [i, found] of (await customersByIds(ctx.db, ids)).entries()) {
      let live = found
      for (let hops = 0; live?.mergedInto && hops < 10; hops++)
        live = await customerById(ctx.db, live.mergedInto)
      if (!live || live._deleted) gone++
      else {
        liveId.set(ids[i] as string, live.id)
        latest.set(live.id, live)
      }
    }
    if (gone) throw new ImportRefusedError('customerGone', { count: gone, taken: [] })

    // Re-checked here, inside the transaction: phones on file now, whatever the preview saw.
    const owners = await phoneOwners(ctx, [
      ...batch.create.flatMap((r) => r.phones),
      ...batch.update.flatMap((u) => u.patch.phones ?? [])
    ])
    const taken: TakenPhone[] = []
    const inBatch = new Set<string>()
    for (const r of batch.create) {
      for (const p of r.phones) {
        if (owners.has(p)) taken.push({ phone: p, name: owners.get(p)?.name })
        else if (inBatch.has(p)) taken.push({ phone: p }) // twice among the new rows: the report would have caught it
        inBatch.add(p)
      }
    }
    for (const u of batch.update) {
      for (const p of u.patch.phones ?? []) {
        const owner = owners.get(p)
        if (owner && owner.id !== liveId.get(u.id)) taken.push({ phone: p, name: owner.name })
      }
    }
    if (taken.length)
      throw new ImportRefusedError('phonesTaken', { count: taken.length, taken: taken.slice(0, LISTED) })

    let done = 0
    // 回访 (docs/revisits.md §3): imported customers are new customers too.
    const revisitSettings = await getRevisitSettings(ctx)
    for (let i = 0; i < batch.create.length; i += CREATE_CHUNK) {
      const chunk = batch.create.slice(i, i + CREATE_CHUNK).map((r) => ({ ...r, id: nanoid() }))
      await tx.createMany('customers', chunk)
      await tx.together(DERIVE_MEASURE, deriveNewCustomerTasks(ctx, tx, chunk, revisitSettings))
      done += chunk.length
      onProgress?.(done, total)
    }

    const updated = new Set<string>()
    const mode = batch.mode ?? 'fill'
    for (const u of batch.update) {
      const target = latest.get(liveId.get(u.id) as string) as StoredCustomer
      const patch = mergeImported(target, u.patch, mode)
      if ((await tx.update('customers', target.id, patch)) > 0) updated.add(target.id)
      await tx.together(DERIVE_MEASURE, deriveKeyAccountTask(ctx, tx, target, { ...target, ...patch }))
      // Two rows may update one archive: the second merges into the first one's result.
      latest.set(target.id, { ...target, ...patch })
      if (++done % UPDATE_PROGRESS_EVERY === 0 || done === total) onProgress?.(done, total)
    }

    const outcome = { created: batch.create.length, updated: updated.size }
    await tx.create('events', {
      id: nanoid(),
      subjectId: AUDIT_SUBJECT,
      type: 'customersImported',
      at: ctx.now(),
      staffNo,
      data: { ...outcome, skipped: batch.skipped ?? 0, fileName: batch.fileName ?? '', mode }
    })
    return outcome
  })
}

/** 导出Excel is recorded: who, when, how many, masked or not. Call it before handing the file over. */
export async function recordExport(
  ctx: DataContext,
  staffNo: string,
  what: { count: number; masked: boolean }
): Promise<void> {
  // Full numbers only for the roles of the privacy setting (系统设置 → 隐私); masked for any active 工号.
  const refusal = await roleRefusal(ctx, staffNo, what.masked ? ROLES : await getUnmaskRoles(ctx))
  if (refusal)
    throw new RoleRefusedError(refusal === 'roles.refused.managerOnly' ? 'roles.refused.fullPhones' : refusal)
  await auditedTransact(
    ctx,
    staffNo,
    {
      kind: 'customersExported',
      params: { what: 'customers', count: what.count, masked: what.masked }
    },
    async (tx, record) => {
      await tx.create('events', {
        id: nanoid(),
        subjectId: AUDIT_SUBJECT,
        type: 'customersExported',
        at: ctx.now(),
        staffNo,
        data: { count: what.count, masked: what.masked }
      })
      await record()
    }
  )
}

/** Recent imports and exports, newest first: one index range of the 'audit' subject (events about the
 *  archive as a whole rather than one customer). 查看完整号码
 *  (phoneRevealed) is not listed here: it is recorded on the customer's own timeline, and finding
 *  every reveal store-wide would mean reading all events (there is no index by type). */
export async function listAuditEvents(ctx: DataContext, limit = 20): Promise<TimelineEvent[]> {
  return newestEventsOf(ctx.db, AUDIT_SUBJECT, (e) => LISTED_TYPES.has(e.type), limit)
}
