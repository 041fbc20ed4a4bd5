import { unpackComplaints } from './packedHistory'
import { unpackCustomers } from './packedCustomers'
import { packHistorySlice } from './sync/historyPacking'
import { packSliceCustomers, unpackSliceCustomers } from './sync/customerPacking'
import { CUSTOMER_STORES } from './customerReads'
import Dexie from 'dexie'
import { formatHlc, HlcClock, parseHlc } from '@shared/sync/hlc'
import type { DeskDatabase } from './database'
import { adjustTallies, tallyMoves } from './tallies'
import { applyDayRowMoves, dayRowMoves } from './dayRows'
import { loadCustomerSearch, searchKeysReady, withDerived, type Derive } from './derived'
import type { Change } from '@shared/sync/change'
import type { MergeRecord } from '@shared/sync/merge'
import { refreshPauses } from './complaintPauses'
import {
  mergeBatch,
  mergeSnapshotRecords,
  snapshotRow,
  type KnownAbsent,
  type MergeOutcome,
  type SnapshotRecordEntry
} from './sync/mergeBatch'
import { toSnapshotRecord } from '@shared/sync/snapshot'
import { joiningCustomer, joiningCustomerUnstored } from './joiningCustomers'
import {
  IMMUTABLE_TABLES,
  type OutboxEntry,
  type Stamp,
  type SyncedRecords,
  type SyncedTable
} from './schema'

/** What an outbox entry is, for tests that read the outbox (the schema module is the data layer's own). */
export type { OutboxEntry } from './schema'

// The single writer. Every mutation of a synced table goes through a WriteTx, which, in the SAME
// IndexedDB transaction: stamps the record (HLC, device, 工号), records per-field clocks, and
// appends one outbox entry per changed field (createMany: one per record, see ALL_FIELDS). If
// anything throws, all of it rolls back together.

/** Omit that keeps union members apart (settings records are a union). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
type DomainFields<T extends SyncedTable> = DistributiveOmit<
  SyncedRecords[T],
  '_clock' | '_created' | '_updated' | '_deleted'
>
type Patch<T extends SyncedTable> = Partial<DistributiveOmit<DomainFields<T>, 'id'>>

const HLC_META_KEY = 'hlc'
const KEPT_COST_ENTRIES = 500

/** The `field` of an outbox entry that carries a whole new record: `value` maps each of its fields to
 *  its value, all changed at the entry's HLC (createMany). It says exactly what one entry per field
 *  would, in one IndexedDB row instead of ~9: each row written costs ~60 µs in Chromium whatever
 *  its size, so a 50 000-row roster would spend ~30 s on its outbox alone. Read entries with
 *  outboxFieldChanges(), which gives the per-field view of both shapes. */
export const ALL_FIELDS = '*'

/** An outbox entry as per-field changes (one for a field entry, one per field for an ALL_FIELDS entry). */
export function outboxFieldChanges(entry: OutboxEntry): OutboxEntry[] {
  if (entry.field !== ALL_FIELDS) return [entry]
  return Object.entries(entry.value as Record<string, unknown>).map(([field, value]) => ({
    ...entry,
    field,
    value
  }))
}

function isBookkeeping(field: string): boolean {
  return field === 'id' || field.startsWith('_')
}

function sameValue(a: unknown, b: unknown): boolean {
  return (
    a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))
  )
}

export class WriteTx {
  private readonly costs = new Map<string, number>()
  private readonly startedAt = performance.now()

  constructor(
    private readonly db: DeskDatabase,
    private readonly stampNext: () => Stamp,
    private readonly derive: Derive
  ) {}

  /** A derived write (a 回访 task made from the record being written) and the record's own next write
   *  (its timeline event), asked together: they touch different stores, so the transaction waits for
   *  the slower instead of their sum. Awaited at once, in one flow: Dexie keeps the transaction's zone
   *  only for promises awaited where they were made. The time the write waited for `derived` after
   *  `own` was done counts as `cost` (see addCost). */
  async together(
    cost: string,
    derived: Promise<unknown>,
    own: Promise<unknown> = Promise.resolve()
  ): Promise<void> {
    let ownDone = performance.now()
    await Promise.all([derived, own.then(() => void (ownDone = performance.now()))])
    this.addCost(cost, Math.max(0, performance.now() - ownDone))
  }

  /** Time spent on this write's own path on behalf of `name` (a derivation); one performance entry
   *  per transaction and name, so a benchmark can read the cost a write paid for it. */
  addCost(name: string, ms: number): void {
    this.costs.set(name, (this.costs.get(name) ?? 0) + ms)
  }

  /** Records the costs as performance entries (at the end of the transaction's work). */
  settle(): void {
    for (const [name, duration] of this.costs) {
      // The browser keeps every entry: a day of writes stays within a few hundred.
      if (performance.getEntriesByName(name).length >= KEPT_COST_ENTRIES) performance.clearMeasures(name)
      performance.measure(name, { start: this.startedAt, duration })
    }
  }

  /** A settled complaint or a customer stored in a pack becomes a row before it is written
   *  (packedHistory.ts, packedCustomers.ts). */
  private async unpacked(table: SyncedTable, id: string): Promise<void> {
    if (table === 'complaints') await unpackComplaints(this.db, [id])
    else if (table === 'customers') await unpackCustomers(this.db, [id])
  }

  private derived<T extends object>(table: SyncedTable, record: T): T {
    return withDerived(record, this.derive(table, record as Record<string, unknown>))
  }

  /** Recomputes a record's index keys in place (after the rules they depend on changed); no outbox entry, as nothing synced changes. */
  async rederive(table: SyncedTable, id: string): Promise<void> {
    await this.unpacked(table, id)
    const current = await this.db.table(table).get(id)
    if (current) await this.db.table(table).put(this.derived(table, current as object))
  }

  /** Folds the complaints' clock events (暂停计时 / 恢复计时) into their local `_pauses` and re-derives
   *  their keys (complaintPauses.ts); after writing a clock event. Nothing synced changes. */
  async refreshPauses(complaintIds: Iterable<string>): Promise<void> {
    await refreshPauses(this.db, this.derive, complaintIds)
  }

  /** Local, never-synced state (drafts, prefs, counters) is written here too, inside the same transaction. */
  get local(): Pick<DeskDatabase, 'meta' | 'drafts'> {
    return this.db
  }

  async create<T extends SyncedTable>(table: T, record: DomainFields<T>): Promise<void> {
    const stamp = this.stampNext()
    const fields = Object.keys(record).filter(
      (f) => !isBookkeeping(f) && (record as Record<string, unknown>)[f] !== undefined
    )
    const clock = Object.fromEntries(fields.map((f) => [f, stamp.hlc]))
    const stored = this.derived(table, { ...record, _clock: clock, _created: stamp, _updated: stamp })
    // add() (not put) so an existing id fails the whole transaction instead of overwriting.
    // Four stores, no order between them: asked together, the write waits for the slowest one instead
    // of their sum (a derived task is written inside its record's write). A refused add() still aborts all.
    await Promise.all([
      (this.db.table(table) as Dexie.Table<unknown, string>).add(stored),
      adjustTallies(this.db, table, undefined, stored),
      applyDayRowMoves(this.db, dayRowMoves(table, undefined, stored)),
      this.appendOutbox(
        table,
        record.id,
        stamp,
        fields.map((f) => [f, (record as Record<string, unknown>)[f]])
      )
    ])
  }

  /** Many new records at once (a roster import): each gets its own stamp, per-field clocks and
   *  derived keys exactly as create() gives it, and its changes go to the outbox as ONE ALL_FIELDS
   *  entry (the same fields, values and HLC as create()'s per-field entries). The table and the outbox
   *  are written with one bulkAdd each. An existing id fails the bulkAdd and so the whole transaction. */
  async createMany<T extends SyncedTable>(table: T, records: readonly DomainFields<T>[]): Promise<void> {
    const stored: object[] = []
    const entries: OutboxEntry[] = []
    for (const record of records) {
      const stamp = this.stampNext()
      const values = record as Record<string, unknown>
      const fields = Object.keys(values).filter((f) => !isBookkeeping(f) && values[f] !== undefined)
      const clock = Object.fromEntries(fields.map((f) => [f, stamp.hlc]))
      stored.push(this.derived(table, { ...record, _clock: clock, _created: stamp, _updated: stamp }))
      const value = Object.fromEntries(fields.map((f) => [f, values[f]]))
      entries.push({
        hlc: stamp.hlc,
        device: stamp.device,
        staffNo: stamp.staffNo,
        table,
        recordId: record.id,
        field: ALL_FIELDS,
        value
      })
    }
    await (this.db.table(table) as Dexie.Table<unknown, string>).bulkAdd(stored)
    // Tallies: each record's moves summed in memory, then one read and write per tally key — instead
    // of a read and a write per record.
    const counted = new Map<string, number>()
    for (const record of stored)
      for (const [key, delta] of tallyMoves(table, undefined, record))
        counted.set(key, (counted.get(key) ?? 0) + delta)
    for (const [key, n] of counted) {
      const row = await this.db.tallies.get(key)
      await this.db.tallies.put({ key, n: (row?.n ?? 0) + n })
    }
    await applyDayRowMoves(
      this.db,
      stored.flatMap((record) => dayRowMoves(table, undefined, record))
    )
    await this.db.outbox.bulkAdd(entries)
  }

  /** For records whose id is derived from their meaning (an escalation of case X to level N): the
   *  first writer wins, here or on another PC, and evaluating the rule again writes nothing. */
  async createIfAbsent<T extends SyncedTable>(table: T, record: DomainFields<T>): Promise<boolean> {
    await this.unpacked(table, record.id)
    if (await this.db.table(table).get(record.id)) return false
    await this.create(table, record)
    return true
  }

  /** Applies only the fields that really change; returns how many did. */
  async update<T extends SyncedTable>(table: T, id: string, patch: Patch<T>): Promise<number> {
    if (IMMUTABLE_TABLES.has(table)) throw new Error(`${table} records are immutable`)
    await this.unpacked(table, id)
    const current = (await this.db.table(table).get(id)) as SyncedRecords[T] | undefined
    if (!current) throw new Error(`${table}/${id} does not exist`)
    const before = current as unknown as Record<string, unknown>
    const changes = Object.entries(patch).filter(
      ([f, v]) => !isBookkeeping(f) && v !== undefined && !sameValue(before[f], v)
    )
    if (changes.length === 0) return 0
    const stamp = this.stampNext()
    const clock = { ...current._clock }
    for (const [f] of changes) clock[f] = stamp.hlc
    const next = this.derived(table, {
      ...current,
      ...Object.fromEntries(changes),
      _clock: clock,
      _updated: stamp
    })
    await this.db.table(table).put(next)
    await adjustTallies(this.db, table, before, next)
    await applyDayRowMoves(this.db, dayRowMoves(table, before, next))
    await this.appendOutbox(table, id, stamp, changes)
    return changes.length
  }

  /** Tombstone: the record stays so the delete can reach the other PCs. */
  async remove(table: SyncedTable, id: string): Promise<void> {
    if (IMMUTABLE_TABLES.has(table)) throw new Error(`${table} records are immutable`)
    await this.unpacked(table, id)
    const current = (await this.db.table(table).get(id)) as SyncedRecords[SyncedTable] | undefined
    if (!current || current._deleted) return
    const stamp = this.stampNext()
    const next = this.derived(table, {
      ...current,
      _deleted: 1 as const,
      _clock: { ...current._clock, _deleted: stamp.hlc },
      _updated: stamp
    })
    await this.db.table(table).put(next)
    await adjustTallies(this.db, table, current, next)
    await applyDayRowMoves(this.db, dayRowMoves(table, current, next))
    await this.appendOutbox(table, id, stamp, [['_deleted', 1]])
  }

  private async appendOutbox(
    table: SyncedTable,
    recordId: string,
    stamp: Stamp,
    fields: [string, unknown][]
  ): Promise<void> {
    const entries: OutboxEntry[] = fields.map(([field, value]) => ({
      hlc: stamp.hlc,
      device: stamp.device,
      staffNo: stamp.staffNo,
      table,
      recordId,
      field,
      value
    }))
    await this.db.outbox.bulkAdd(entries)
  }
}

/** Customers a join holds (joiningCustomers.ts), as the snapshot records they came from. */
function heldEntries(rows: readonly SyncedRecords['customers'][]): SnapshotRecordEntry[] {
  return rows.map((row) => ({
    t: 'customers',
    r: toSnapshotRecord(row as unknown as Record<string, unknown>)
  }))
}

/** The held rows of customers these changes touch that are not stored yet. */
function heldUnstored(db: DeskDatabase, changes: readonly Change[]): SnapshotRecordEntry[] {
  const ids = new Set(changes.flatMap((c) => (c.table === 'customers' ? [c.recordId] : [])))
  return heldEntries(
    [...ids].flatMap((id) => (joiningCustomerUnstored(db, id) ? (joiningCustomer(db, id) ?? []) : []))
  )
}

type KnownPresent = (table: SyncedTable, id: string) => boolean

/** Tables a history slice (customers, settled complaints and their events) never writes; customers only
 *  when the slice holds some (search reads the held rows meanwhile, joiningCustomers.ts). */
const HISTORY_UNTOUCHED: ReadonlySet<string> = new Set(['staff', 'settings', 'meta'])
/** A history slice reads all of a table's keys to tell which of its ids are stored when the table
 *  holds at most this many records per id asked (a keys-only read is ~µs a key, a cursor step ~0.1 ms). */
const PRESENT_SCAN_RATIO = 4

export class Writer {
  private constructor(
    private readonly db: DeskDatabase,
    private readonly clock: HlcClock,
    readonly deviceId: string,
    private readonly derive: Derive,
    private readonly wallClock: () => number
  ) {}

  /** Restores the HLC from the last stamp persisted, so time never runs backwards across restarts. */
  static async open(
    db: DeskDatabase,
    deviceId: string,
    wallClock: () => number = Date.now,
    derive: Derive = () => null
  ): Promise<Writer> {
    const saved = await db.meta.get(HLC_META_KEY)
    const last = typeof saved?.value === 'string' ? parseHlc(saved.value) : undefined
    return new Writer(db, new HlcClock(deviceId, wallClock, last), deviceId, derive, wallClock)
  }

  /** Set while a restore writes in several transactions (backup.ts): every write waits for its end. */
  private held: Promise<void> | null = null

  /** Runs `work` (which must not write through this writer) while no write of this writer starts: a
   *  restore's transactions then never interleave with the desk's or the sync's writes. */
  async exclusive<R>(work: () => Promise<R>): Promise<R> {
    if (this.held) await this.turn()
    let release = () => {}
    this.held = new Promise<void>((resolve) => (release = resolve))
    try {
      return await work()
    } finally {
      this.held = null
      release()
    }
  }

  private async turn(): Promise<void> {
    while (this.held) await this.held
  }

  /** Runs `work` in one read-write transaction over every table; the staff number is stamped on every change. */
  async transact<R>(staffNo: string, work: (tx: WriteTx) => Promise<R>): Promise<R> {
    if (!staffNo) throw new Error('a write needs the staff no. of who makes it')
    if (this.held) await this.turn()
    // A customer's search keys load lazily (derived.ts), and nothing but IndexedDB may be awaited
    // inside the transaction: load them first (once; no await at all after that).
    if (!searchKeysReady()) await loadCustomerSearch()
    return this.db.transaction('rw', this.db.tables, async () => {
      let lastHlc: string | undefined
      const tx = new WriteTx(
        this.db,
        () => {
          lastHlc = formatHlc(this.clock.tick())
          return { hlc: lastHlc, device: this.deviceId, staffNo }
        },
        this.derive
      )
      const result = await work(tx)
      tx.settle()
      if (lastHlc) await this.db.meta.put({ key: HLC_META_KEY, value: lastHlc })
      return result
    })
  }

  /** Other PCs' changes (validated by the codec), in ONE transaction: merged per field into the stored
   *  records (sync/mergeBatch.ts), with derived keys and tallies kept, long-text conflicts recorded, and
   *  NO outbox entries (these changes are not ours: their own PC publishes them). Every remote stamp is
   *  folded into our clock, so what we write next orders after everything we have seen. */
  async applyRemote(changes: readonly Change[]): Promise<MergeOutcome> {
    if (changes.length === 0) return { applied: 0, conflicts: [], held: [] }
    if (this.held) await this.turn()
    if (!searchKeysReady()) await loadCustomerSearch()
    return this.db.transaction('rw', this.db.tables, async () => {
      // A change to a customer a joining PC holds but has not stored yet merges into its row, not into
      // nothing (which would leave a partial record): the held row is stored first.
      const held = heldUnstored(this.db, changes)
      if (held.length > 0)
        await mergeSnapshotRecords(this.db, this.derive, held, this.wallClock(), () => false)
      const outcome = await mergeBatch(this.db, this.derive, changes, this.wallClock())
      await this.receive(changes.reduce((max, c) => (c.hlc > max ? c.hlc : max), ''))
      return outcome
    })
  }

  /** Records of a snapshot, merged the same way as their changes would be (applyRemote), in ONE
   *  transaction; those `knownAbsent` says are not stored yet are written without being looked up. */
  async applySnapshotRecords(
    entries: readonly SnapshotRecordEntry[],
    knownAbsent: KnownAbsent
  ): Promise<MergeOutcome> {
    if (entries.length === 0) return { applied: 0, conflicts: [], held: [] }
    if (this.held) await this.turn()
    if (!searchKeysReady()) await loadCustomerSearch()
    return this.db.transaction('rw', this.db.tables, async () => {
      const outcome = await mergeSnapshotRecords(this.db, this.derive, entries, this.wallClock(), knownAbsent)
      let newest = ''
      for (const { r } of entries) for (const hlc of Object.values(r._clock)) if (hlc > newest) newest = hlc
      await this.receive(newest)
      return outcome
    })
  }

  /** The rows these snapshot records become on a PC that holds none of them (mergeBatch.ts snapshotRow):
   *  a join holds its customers so before storing them (joiningCustomers.ts). */
  async customerRows(records: readonly MergeRecord[]): Promise<SyncedRecords['customers'][]> {
    if (!searchKeysReady()) await loadCustomerSearch()
    return records.flatMap((r) => {
      const row = snapshotRow(this.derive, 'customers', r)
      return row ? [row as unknown as SyncedRecords['customers']] : []
    })
  }

  /** Customers a join holds, stored now because they are about to be used (opened, found by phone,
   *  named by the working set): each merged into whatever is stored for it, like any snapshot record. */
  async storeJoiningCustomers(rows: readonly SyncedRecords['customers'][]): Promise<MergeOutcome> {
    return this.applySnapshotRecords(heldEntries(rows), () => false)
  }

  /** History records of a usable-first bootstrap (sync/historyLoader.ts loadHistory), in ONE transaction;
   *  then the meta row saying what is left (`rest`, or the row removed when nothing is). Which records
   *  are already held (the working set, a user's or a peer's write that came first) is read inside
   *  the transaction — by key, one read per table — so those
   *  merge per field and the rest are built directly. The progress is written after the records, in
   *  its own transaction: a crash between the two stores the slice again, and a slice merged twice
   *  writes nothing (the merge rule) — so nothing is lost or doubled, and the slice's transaction
   *  leaves `meta` out: the desk's reads of it (who is signed in, for customer search) never wait. */
  async applyHistoryRecords(
    entries: readonly SnapshotRecordEntry[],
    progressKey: string,
    rest: unknown
  ): Promise<MergeOutcome> {
    if (!searchKeysReady()) await loadCustomerSearch()
    // The clock first, so nothing written here after this slice orders before one of its stamps.
    let newest = ''
    for (const { r } of entries) for (const hlc of Object.values(r._clock)) if (hlc > newest) newest = hlc
    if (newest > formatHlc(this.clock.current()))
      await this.db.transaction('rw', this.db.meta, () => this.receive(newest))
    // Not customers, staff, settings or meta: customer search (and who may see phones) reads on meanwhile.
    const withCustomers = entries.some((e) => e.t === 'customers')
    const scope = this.db.tables.filter(
      (t) => !HISTORY_UNTOUCHED.has(t.name) && (withCustomers || !CUSTOMER_STORES.includes(t.name))
    )
    const outcome = await this.db.transaction('rw', scope, async () => {
      const readPresent = async (): Promise<KnownPresent> => {
        const present = new Set<string>()
        const byTable = new Map<SyncedTable, string[]>()
        for (const { t, r } of entries) {
          const ids = byTable.get(t)
          if (ids) ids.push(r.id)
          else byTable.set(t, [r.id])
        }
        for (const [table, ids] of byTable) {
          // A slice's ids span the whole table (a snapshot lists history in receivedAt order,
          // sync-format.md §8.1), so no key range narrows them. A joining PC's table holds little
          // beside them (the working set): its keys read at once beat an `anyOf`, which steps a cursor
          // once per id (~6 s of a full-scale join, CPU profile); a full table is asked by key.
          const stored = this.db.table(table)
          const keys =
            (await stored.count()) <= ids.length * PRESENT_SCAN_RATIO
              ? await stored.toCollection().primaryKeys()
              : await stored.where(':id').anyOf(ids).primaryKeys()
          for (const id of keys) present.add(`${table}\u0000${String(id)}`)
        }
        return (table, id) => present.has(`${table}\u0000${id}`)
      }
      // Customers packed by this slice before (stored again after a crash) merge as rows.
      if (withCustomers) await unpackSliceCustomers(this.db, entries)
      // Settled complaints new here go into packs with their events (issue 18, packedHistory.ts).
      let present: KnownPresent | undefined
      const { rest: toMerge } = await packHistorySlice(this.db, this.derive, entries, async () => {
        present = await readPresent()
        return present
      })
      const known = present as KnownPresent
      // Customers new here go into packs too (packedCustomers.ts).
      const unpacked = withCustomers
        ? await packSliceCustomers(this.db, this.derive, toMerge, known)
        : toMerge
      // Records new here file no day-row lines one slice at a time: each slice of settled cases spans
      // every day of the archive, so it rewrote most day rows (quadratic in the history's size). The
      // rows count as not built while history loads and are rebuilt from the records at its end
      // (sync/snapshots.ts bootstrapFromSnapshot, sync/historyLoader.ts loadHistory; historyLoad.ts).
      return mergeSnapshotRecords(
        this.db,
        this.derive,
        unpacked,
        this.wallClock(),
        (table, id) => !known(table, id),
        { deferDayRows: true }
      )
    })
    if (rest === null) await this.db.meta.delete(progressKey)
    else await this.db.meta.put({ key: progressKey, value: rest })
    return outcome
  }

  /** Folds the largest remote stamp of a batch into the clock: it then orders after every stamp of
   *  the batch. Stamps we are already past change nothing, so a batch applied twice leaves it alone. */
  private async receive(newest: string): Promise<void> {
    if (newest > formatHlc(this.clock.current())) {
      this.clock.receive(parseHlc(newest))
      await this.db.meta.put({ key: HLC_META_KEY, value: formatHlc(this.clock.current()) })
    }
  }
}
