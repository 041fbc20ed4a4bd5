import type { WorkReportRecord } from '@shared/domain/workReport'
import type { ServedSource } from '@shared/domain/metrics/rates'
import type { Complaint } from '@shared/domain/complaint'
import type { Customer, CustomerEventType } from '@shared/domain/customer'
import type { Role, Staff } from '@shared/domain/staff'
import type { TimelineEventType } from '@shared/domain/workflow'
import type { WordingRule } from '@shared/domain/wording'
import type { CannedReply } from '@shared/domain/cannedReplies'
import type { TimeRuleSettings } from '@shared/domain/timeRules'
import type { ReturnRequest } from '@shared/domain/returns'
import type { Handover, HandoverEventType } from '@shared/domain/handover'
import type { ShiftDef } from '@shared/domain/shifts'
import type {
  RevisitCampaign,
  RevisitRule,
  RevisitScript,
  RevisitSettings,
  StoredTaskFields,
  TaskStatus
} from '@shared/domain/revisit'
import type { SegmentHeader } from '@shared/sync/segment'
import type { Change } from '@shared/sync/change'
import type { SyncMessageCode } from './sync/problems'
import type { Consultation, CounterEventType } from '@shared/domain/counter/consultation'
import type { Problem, RewardRules } from '@shared/domain/counter/problem'
import type { AuditEntry } from '@shared/domain/desk/audit'

// Record shapes and Dexie index declarations. Synced tables hold domain records plus bookkeeping
// (underscore fields) that the data layer alone maintains; local tables never leave this PC.

/** Who wrote, from which PC, at which hybrid-logical time. */
export interface Stamp {
  hlc: string
  device: string
  staffNo: string
}

export interface Versioned {
  id: string
  /** field name → HLC of its last change: per-field last-writer-wins for sync */
  _clock: Record<string, string>
  _created: Stamp
  _updated: Stamp
  /** tombstone; records are never physically removed so a delete can sync */
  _deleted?: 1
}

export type Stored<T extends { id: string }> = T & Versioned

export type { Customer } from '@shared/domain/customer'

/** One immutable step on a timeline (complaint or customer). */
export interface TimelineEvent {
  id: string
  /** the complaint/customer the event belongs to */
  subjectId: string
  type: TimelineEventType | CustomerEventType | HandoverEventType | CounterEventType
  at: number
  staffNo: string
  data: Record<string, unknown>
}

/** Store-wide settings shared by every PC, one record per id. */
export interface StoreSettings {
  id: 'store'
  storeName: string
}

export interface WorkflowSettingsRecord {
  id: 'workflow'
  managerApprovalAbove: number
  maxAmount: number
  departments: string[]
}

export interface WordingSettingsRecord {
  id: 'wording'
  rules: WordingRule[]
}

export interface CannedRepliesRecord {
  id: 'cannedReplies'
  replies: CannedReply[]
}

export interface TimeRulesRecord extends TimeRuleSettings {
  id: 'timeRules'
}

/** Who sees full phone numbers in lists and may export them unmasked (客户信息不得泄露). */
export interface PrivacySettingsRecord {
  id: 'privacy'
  unmaskRoles: Role[]
}

/** 班次 (交接班): the store's shifts. */
export interface ShiftSettingsRecord {
  id: 'shifts'
  shifts: ShiftDef[]
}

/** 回访规则 (docs/revisits.md §2). */
export interface RevisitSettingsRecord extends RevisitSettings {
  id: 'revisit'
}

/** 回访话术, per rule, versioned (docs/revisits.md §5). */
export interface RevisitScriptsRecord {
  id: 'revisitScripts'
  scripts: Partial<Record<RevisitRule, RevisitScript>>
}

/** 问题登记 rewards per kind and decision (柜台登记, docs/counter-log.md). */
export interface CounterRewardsRecord {
  id: 'counterRewards'
  rules: RewardRules
}

/** 停业日 (系统设置, issue 16): one field `day:YYYY-MM-DD` per date, true while the store is closed that
 *  day, false once removed — so two PCs adding different dates both keep theirs (per-field merge), and a
 *  removal travels like any change. Only a 客服经理 changes it (clock.ts). */
export type ClosedDaysRecord = { id: 'closedDays' } & { [field: `day:${string}`]: boolean }

/** 移除电脑 (issue 18): PCs a 客服经理 removed from the store, one field `device:<deviceId>` each (so two
 *  managers removing different PCs both keep theirs). A removal holds while the PC's newest status
 *  on the share is not newer than the `lastSeen` recorded with it (sync/retired.ts). */
export interface RetiredDevice {
  /** when the manager removed it (ms) */
  removedAt: number
  /** its status file's lastSeen at that moment (ms): a newer one means it came back */
  lastSeen: number
  /** its name then, for the sync page */
  name: string
}
export type RetiredDevicesRecord = { id: 'retiredDevices' } & { [field: `device:${string}`]: RetiredDevice }

/** 专项回访: one field `campaign:<id>` per campaign, so two PCs' campaigns merge (docs/revisits.md §3a). */
export type RevisitCampaignsRecord = { id: 'revisitCampaigns' } & {
  [field: `campaign:${string}`]: RevisitCampaign
}

/** 统计报表 settings (issue 16): the 质量异常分析日报表 thresholds and 服务投诉率's source of customers
 *  served (dailyFigures.ts), one field each (per-field merge); a field never saved is absent. */
export interface ReportSettingsRecord {
  id: 'reports'
  spikePercent?: number
  spikeMinCount?: number
  repeatWindowDays?: number
  servedFrom?: ServedSource
}

/** 客流数据 (issue 16): one day's 客流 / 成交笔数, id = the date (dailyFigures.ts); null = not entered. */
export interface DailyFigureRecord {
  id: string
  date: string
  /** absent until entered (a field is written only when entered, so two PCs' figures merge) */
  footfall?: number | null
  transactions?: number | null
}

/** 锁定与PIN (issue 17 point 1, deskLock.ts): one field each; a field never saved is absent. */
export interface DeskLockSettingsRecord {
  id: 'deskLock'
  idleMinutes?: number
  pinForEveryone?: boolean
}

export type SettingsRecord =
  | DeskLockSettingsRecord
  | ReportSettingsRecord
  | ClosedDaysRecord
  | RetiredDevicesRecord
  | RevisitCampaignsRecord
  | RevisitSettingsRecord
  | RevisitScriptsRecord
  | CounterRewardsRecord
  | ShiftSettingsRecord
  | PrivacySettingsRecord
  | StoreSettings
  | WorkflowSettingsRecord
  | WordingSettingsRecord
  | CannedRepliesRecord
  | TimeRulesRecord

export interface OutboxEntry {
  seq?: number
  hlc: string
  device: string
  staffNo: string
  table: SyncedTable
  recordId: string
  field: string
  value: unknown
}

export interface MetaEntry {
  key: string
  value: unknown
}

export interface TallyEntry {
  key: string
  n: number
}

export interface DraftEntry {
  key: string
  value: unknown
  savedAt: number
}

/** Derived, local index keys of a complaint (derived.ts); absent when they do not apply. */
export interface ComplaintIndexKeys {
  _openAt?: number
  _overdueAt?: number
  _escalateAt?: number
  /** the case's paused intervals folded from its clockPaused / clockResumed events (clock/pauses.ts);
   *  `to` null = still paused. Not an index: the input the other keys are derived from, kept on the
   *  record because derivation is synchronous (complaintPauses.ts). Absent when never paused. */
  _pauses?: StoredPause[]
}

export interface StoredPause {
  from: number
  to: number | null
}

/** Derived, local index keys of a customer (derived.ts). */
export interface CustomerIndexKeys {
  /** search keys: name, pinyin initials and full pinyin, phones, last 4 digits, member card */
  _keys?: string[]
  /** 工号 of the assigned clerk, '' when unassigned (so "unassigned" is an index read too) */
  _clerk?: string
}

/** Derived, local index keys of a 回访任务, computed from its attempts (derived.ts, docs/revisits.md §4). */
export interface RevisitTaskIndexKeys {
  /** dueAt while the task is open: the 今日回访 queue reads this sparse index in due order */
  _open?: number
  _status?: TaskStatus
  /** when it ended (done, unreachable, refused) */
  _endedAt?: number
}

/** Derived, local key of a service to a customer (derived.ts serviceKey): [time, 工号, customer key,
 *  consultation outcome or ''], so 服务统计表 reads a period as index keys alone, no records. */
export interface ServiceIndexKeys {
  _svc?: [number, string, string, string]
}

export interface SyncedRecords {
  staff: Stored<Staff>
  customers: Stored<Customer> & CustomerIndexKeys
  complaints: Stored<Complaint> & ComplaintIndexKeys & ServiceIndexKeys
  events: Stored<TimelineEvent>
  settings: Stored<SettingsRecord>
  returns: Stored<ReturnRequest> & ServiceIndexKeys
  handovers: Stored<Handover>
  revisitTasks: Stored<StoredTaskFields> & RevisitTaskIndexKeys
  consultations: Stored<Consultation> & ServiceIndexKeys
  problems: Stored<Problem>
  workReports: Stored<WorkReportRecord>
  dailyFigures: Stored<DailyFigureRecord>
  auditLog: Stored<AuditEntry>
}
export type SyncedTable = keyof SyncedRecords
/** Timeline events are immutable: created once, never updated. */
export const IMMUTABLE_TABLES: ReadonlySet<SyncedTable> = new Set(['events', 'auditLog'])

/** Dexie schema, version by version. Never edit a published version: add a new one. */
export const SCHEMA_V1 = {
  staff: 'id, &staffNo',
  customers: 'id, phone, name',
  complaints:
    'id, &no, receivedAt, [status+receivedAt], customerId, customerPhone, customerName, [firstResponder+status]',
  events: 'id, [subjectId+at]',
  settings: 'id',
  returns: 'id, createdAt, [status+createdAt], complaintId, customerId',
  outbox: '++seq',
  meta: 'key',
  drafts: 'key',
  tallies: 'key'
} as const

/** v2: sparse index keys derived from the time rules (see derived.ts) so 已超时 lists and counts and the
 *  escalation sweep read only the cases concerned. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  complaints: `${SCHEMA_V1.complaints}, _openAt, _overdueAt, _escalateAt`
} as const

/** v3: the customer archive's search keys (multi-entry) and assigned-clerk index. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  customers: `${SCHEMA_V2.customers}, *_keys, _clerk`
} as const

/** v4: shift handover notes (交接记录), listed newest first and by status for 工作台. */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  handovers: 'id, createdAt, status, date, outgoingStaffNo, incomingStaffNo'
} as const

/** A long text that lost to another PC's text (shared/sync/merge.ts Conflict), kept for review.
 *  id = table, record, field and the losing HLC, so the same conflict seen twice is stored once. */
export interface ConflictEntry {
  id: string
  table: SyncedTable
  recordId: string
  field: string
  losingValue: unknown
  losingHlc: string
  winningHlc: string
  /** local wall time it was found */
  at: number
}

/** A share file (or one change in it) this PC could not use: kept aside with the codec's zh-CN message. */
export interface QuarantineEntry {
  /** `${peer}/${seq}` for a whole file, `${peer}/${seq}#${index}` for one invalid change,
   *  `${peer}/${seq}/${table}/${recordId}` for a record held back by a unique clash */
  id: string
  peer: string
  seq: number
  /** the codec's FileProblem, or 'foreignFile' / 'invalidChange' / 'uniqueClash' from the engine */
  problem: string
  /** what the sync page says (syncPage.problem.<code>); absent on rows stored before codes, which
   *  held a zh-CN sentence in `message` instead (listQuarantine words those by `problem`) */
  code?: SyncMessageCode
  /** rows stored before codes only; never shown (it is one language) */
  message?: string
  detail: string
  /** the file's bytes as read (absent for a single invalid change) */
  bytes?: Uint8Array
  /** problem 'uniqueClash': the record's valid changes, held back and retried every round */
  changes?: Change[]
  at: number
}

/** How far this PC has read one peer's segments: every seq ≤ upTo is applied except `gaps`. */
export interface SyncPeerEntry {
  device: string
  upTo: number
  gaps: number[]
  /** header and hash of segment `upTo`, to check the next one's prevHash (absent when upTo is a gap) */
  prev?: { header: SegmentHeader; fileHash: string }
}

/** v5: sync engine's local state — conflicts to review, quarantined files, per-peer cursors. */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  conflicts: 'id, [table+recordId]',
  quarantine: 'id, peer',
  syncPeers: 'device'
} as const

/** v6: complaints by 投诉类别 in time order, so a category filter reads its own rows (about one in
 *  eight) instead of testing every row, and counts them exactly from the index. */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  complaints: `${SCHEMA_V5.complaints}, [category+receivedAt]`
} as const

/** v8 (issue 15, 柜台登记; v7 was set aside for issue 14, which landed after it as v9): consultations and the problem log, and the derived service
 *  key (_svc) on the three records that count as serving a customer. Only the tables that change are
 *  listed (Dexie keeps the others as the earlier versions declared them); complaints' list builds on
 *  the latest complaints declaration before it. */
export const SCHEMA_V8 = {
  complaints: `${SCHEMA_V6.complaints}, _svc`,
  returns: `${SCHEMA_V1.returns}, _svc`,
  consultations: 'id, createdAt, [staffNo+createdAt], customerId, complaintId, _svc',
  problems: 'id, createdAt, [status+createdAt], decidedAt',
  // local, derived (serviceDays.ts): each day's services, so 服务统计表 for a year reads ~365 rows
  serviceDays: 'day'
} as const

/** v9: 回访任务 (issue 14, docs/revisits.md): the queue by due date of open tasks, statistics by due
 *  date and window start, a customer's and a complaint's tasks; customers by tier (大客户回访 sweeps).
 *  Only the tables that change are listed; customers build on their latest declaration (v3). */
export const SCHEMA_V9 = {
  customers: `${SCHEMA_V6.customers}, tier`,
  revisitTasks: 'id, _open, dueAt, windowStart, customerId, sourceId',
  // local, derived (taskDays.ts): each day's tasks due, and made, so 回访统计 for a year reads ~2 × 365 rows
  taskDays: 'day',
  taskMade: 'day'
} as const

/** v10 (issue 16): no index changes. Its upgrade gives complaints paused on another PC before this PC
 *  understood pauses their `_pauses` and time keys (database.ts). */
export const SCHEMA_V10 = {} as const

/** v11 (issue 16, 统计报表): local, derived (complaintDays.ts): each day's complaints as lines of the
 *  fields the reports read, so 总览 for a year reads ~365 rows instead of every complaint. */
export const SCHEMA_V11 = {
  complaintDays: 'day'
} as const

/** v12 (issue 16, 工作报表): one synced record per clerk per day (workReports.ts), listed by day for the
 *  manager's "who has submitted". */
export const SCHEMA_V12 = {
  workReports: 'id, day, staffNo'
} as const

/** v13 (issue 16, 客流数据): one synced record per date of the daily 客流 / 成交笔数 figures
 *  (dailyFigures.ts), read by a key range of dates. */
export const SCHEMA_V13 = {
  dailyFigures: 'id'
} as const

/** v15 (issue 17, 操作日志; v14 is another slice's): one synced, append-only entry per sensitive action
 *  (audit.ts). Read newest first, by person, by kind; a PC's chain by its numbers. */
export const SCHEMA_V15 = {
  auditLog: 'id, at, [device+seq], [staffNo+at], [kind+at]'
} as const

/** v16 (issue 18, packed history): settled complaints with their timeline events, PACK_SIZE to a record
 *  (shared/sync/complaintPacks.ts, packedHistory.ts), looked up by the keys of history's reads. A
 *  complaint is a row or in one pack, never both; any write to it moves it back to a row first. */
export const SCHEMA_V16 = {
  complaintPacks: 'id, day, dayTo, *ids, *nos, *customerIds, *phones, *names'
} as const

/** v18 (issue 18, archive packs): customers a join stored CUSTOMER_PACK_SIZE to a record, as one text
 *  with no IndexedDB index (shared/sync/customerPacks.ts, packedCustomers.ts): the data layer holds
 *  their keys. A customer is a row or in one pack, never both. */
export const SCHEMA_V18 = {
  customerPacks: 'id'
} as const
