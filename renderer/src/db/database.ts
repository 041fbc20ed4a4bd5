import Dexie, { type Table } from 'dexie'
import { watchSettingsWrites } from './settingsCache'
import { watchCustomerWrites } from './joiningCustomers'
import { watchDeskRightWrites } from './deskRightCache'
import { complaintKeys, customerKeys, loadCustomerSearch, serviceKey, withDerived } from './derived'
import { withProfileDefaults } from '@shared/domain/customer'
import { readTimeRules } from './timeRules'
import { readClosedDays } from './closedDays'
import { isClockEvent, storedPauses } from './complaintPauses'
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V12,
  SCHEMA_V13,
  SCHEMA_V15,
  SCHEMA_V16,
  SCHEMA_V18,
  type ConflictEntry,
  type DraftEntry,
  type MetaEntry,
  type OutboxEntry,
  type QuarantineEntry,
  type SyncedRecords,
  type SyncPeerEntry,
  type TallyEntry
} from './schema'
import type { DayRowEntry } from './dayRows'
import { storedPack, type ComplaintPack, type StoredComplaintPack } from '@shared/sync/complaintPacks'
import type { StoredCustomerPack } from '@shared/sync/customerPacks'

/** The IndexedDB database. Only renderer/src/db may import this (lint-enforced): writes elsewhere would bypass the outbox and never sync. */
export class DeskDatabase extends Dexie {
  staff!: Table<SyncedRecords['staff'], string>
  customers!: Table<SyncedRecords['customers'], string>
  complaints!: Table<SyncedRecords['complaints'], string>
  events!: Table<SyncedRecords['events'], string>
  settings!: Table<SyncedRecords['settings'], string>
  returns!: Table<SyncedRecords['returns'], string>
  handovers!: Table<SyncedRecords['handovers'], string>
  revisitTasks!: Table<SyncedRecords['revisitTasks'], string>
  consultations!: Table<SyncedRecords['consultations'], string>
  problems!: Table<SyncedRecords['problems'], string>
  workReports!: Table<SyncedRecords['workReports'], string>
  dailyFigures!: Table<SyncedRecords['dailyFigures'], string>
  auditLog!: Table<SyncedRecords['auditLog'], string>
  outbox!: Table<OutboxEntry, number>
  meta!: Table<MetaEntry, string>
  drafts!: Table<DraftEntry, string>
  tallies!: Table<TallyEntry, string>
  serviceDays!: Table<DayRowEntry, string>
  taskDays!: Table<DayRowEntry, string>
  taskMade!: Table<DayRowEntry, string>
  complaintDays!: Table<DayRowEntry, string>
  conflicts!: Table<ConflictEntry, string>
  quarantine!: Table<QuarantineEntry, string>
  syncPeers!: Table<SyncPeerEntry, string>
  complaintPacks!: Table<StoredComplaintPack, string>
  customerPacks!: Table<StoredCustomerPack, string>

  constructor(name: string) {
    super(name)
    watchSettingsWrites(this)
    watchCustomerWrites(this)
    watchDeskRightWrites(this)
    this.version(1).stores(SCHEMA_V1)
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const rules = readTimeRules(await tx.table('settings').get('timeRules'))
        await tx
          .table('complaints')
          .toCollection()
          .modify((c: SyncedRecords['complaints'], ref: { value: unknown }) => {
            ref.value = withDerived(c, complaintKeys(c, rules))
          })
      })
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        // Archives made at intake before profiles existed: give them the profile defaults and search keys
        // (loaded lazily; Dexie.waitFor keeps the upgrade transaction alive meanwhile).
        await Dexie.waitFor(loadCustomerSearch())
        await tx
          .table('customers')
          .toCollection()
          .modify((c: SyncedRecords['customers'], ref: { value: unknown }) => {
            const full = withProfileDefaults(c)
            ref.value = withDerived(full, customerKeys(full))
          })
      })
    this.version(4).stores(SCHEMA_V4)
    this.version(5).stores(SCHEMA_V5)
    this.version(6).stores(SCHEMA_V6)
    this.version(8)
      .stores(SCHEMA_V8)
      .upgrade(async (tx) => {
        // Complaints and returns made before 柜台登记 count as services too: give them their key.
        for (const table of ['complaints', 'returns'] as const)
          await tx
            .table(table)
            .toCollection()
            .modify((r: Record<string, unknown>, ref: { value: unknown }) => {
              ref.value = withDerived(r, serviceKey(table, r))
            })
      })
    this.version(9).stores(SCHEMA_V9)
    this.version(10)
      .stores(SCHEMA_V10)
      .upgrade(async (tx) => {
        // Clock events (暂停计时, issue 16) synced here before this version folded them: give their
        // complaints `_pauses` and time keys in counted time (complaintPauses.ts).
        const clockEvents = (await tx
          .table('events')
          .filter((e: SyncedRecords['events']) => isClockEvent(e.type))
          .toArray()) as SyncedRecords['events'][]
        if (clockEvents.length === 0) return
        const rules = readTimeRules(await tx.table('settings').get('timeRules'))
        const closedDays = readClosedDays(await tx.table('settings').get('closedDays'))
        const bySubject = new Map<string, SyncedRecords['events'][]>()
        for (const e of clockEvents) bySubject.set(e.subjectId, [...(bySubject.get(e.subjectId) ?? []), e])
        await tx
          .table('complaints')
          .where('id')
          .anyOf([...bySubject.keys()])
          .modify((c: SyncedRecords['complaints'], ref: { value: unknown }) => {
            const withPauses = withDerived(c, { _pauses: storedPauses(bySubject.get(c.id) ?? []) as never })
            ref.value = withDerived(withPauses, complaintKeys(withPauses, rules, closedDays))
          })
      })
    this.version(11).stores(SCHEMA_V11)
    this.version(12).stores(SCHEMA_V12)
    this.version(13).stores(SCHEMA_V13)
    this.version(15).stores(SCHEMA_V15)
    this.version(16).stores(SCHEMA_V16)
    this.version(17)
      .stores({})
      .upgrade(async (tx) => {
        // v16 stored a pack's complaints as objects, v17 as two texts (StoredComplaintPack): copied into
        // IndexedDB as blocks. Same keys, so no index changes.
        await tx
          .table('complaintPacks')
          .toCollection()
          .modify((p: Record<string, unknown>, ref: { value: unknown }) => {
            if (Array.isArray(p.complaints)) ref.value = storedPack(p as unknown as ComplaintPack)
          })
      })
    this.version(18).stores(SCHEMA_V18)
  }
}

export const DEFAULT_DB_NAME = 'service-desk'
