// The data layer's public face. The rest of the renderer imports from here only ('@/db', lint-enforced)
// and reaches the data through the handle of ./api: `data.read.*` queries and `data.write.*`
// mutations. What else is listed here is what callers need to name: types, constants, typed refusals.

export { openData, type Data, type DataReader, type DataWriter } from './api'

// records as stored
export type { Stored, TimelineEvent } from './schema'
export type { StoredCustomer } from './customers'

// this PC and drafts
export type { Locale } from './prefs'
export { NEW_COMPLAINT_DRAFT } from './complaints'

// staff, roles, 操作日志
export { RoleRefusedError } from './roles'
export type { AuditFilter, AuditPage, AuditRow } from './audit'
export { DuplicateStaffNoError } from './staff'
export { StaffPinRefusedError, staffHasPin } from './staffPin'
export { BackupRefusedError } from './backup'
export type { BackupStorePort, BackupPreview, BackupProgress, MadeBackup } from './backup'
export type { RestoreOutcome } from './backupRestore'
export { DeskLockRefusedError, type DeskLockSettings } from './deskLock'

// complaints
export { COUNT_CAP, isCountCapped, type ComplaintFilter } from './complaintQuery'
export { prepareCustomerSearch } from './customerQuery'
export { WorkflowRefusedError, type WorkflowConfig } from './workflow'
export { SYSTEM_STAFF_NO } from './escalations'
export { ClockRefusedError, type ComplaintTime } from './complaintClockWrite'
export { ClosedDaysRefusedError } from './closedDays'
export { AnomalySettingsRefusedError } from './reportAnomalies'
export type { AnomalyResult } from './reportAnomalies'
export type { FeedbackResult } from './reportFeedback'
export { WorkReportRefusedError } from './workReports'
export { DailyFiguresRefusedError, type FiguresWritten } from './dailyFigures'
export type { WorkDay, WorkDayRow } from './workReports'
export { isClockPaused } from './complaintClock'
export { CallbackRefusedError } from './callbacks'
export { ReturnRefusedError, type ReturnFilter } from './returns'

// counter log
export {
  CounterRefusedError,
  todayFilter,
  type ConsultationFilter,
  type StoredConsultation
} from './consultations'
export type { ProblemFilter, StoredProblem } from './problems'

// customers
export { CustomerRefusedError } from './customers'
export type { CustomerFilter, CustomerHit } from './customerQuery'
export type { CustomerTimelineEntry } from './customerTimeline'
export type { ArchiveSummary, DuplicatePair } from './customerDuplicates'
export { MergeRefusedError } from './customerMerge'
export { AssignmentRefusedError, type ClerkLoadRow, type ClerkLoads } from './customerAssignment'
export { ImportRefusedError, type ImportBatch, type ImportOutcome } from './customerImport'
export type { ImportUpdateMode } from './customerImportMerge'

// handover
export { HandoverRefusedError, type HandoverFilter } from './handovers'

// 回访 (follow-ups)
export { RevisitRefusedError } from './revisitAttempts'
export { RevisitSettingsRefusedError } from './revisitSettings'
export type { QueueFilter, QueueRow, RevisitCall, TaskWithState } from './revisitQueue'
export type { RevisitStats, StatsScope } from './revisitStats'
export type { OverviewResult, ReportQuery } from './reports'
export { setReportsWorkerStart } from './reportsWorkerClient'
export type { DrillRow } from './drillRows'
export type { SweepProgress } from './revisitSweep'
export type { CampaignProgress } from './revisitCampaigns'

// sync: the share port main provides, the loop's status, store choice
export {
  ShareError,
  isShareError,
  type SharePort,
  type ShareEntry,
  type ShareUnavailableReason
} from './sync/sharePort'
export type { SyncReport } from './sync/syncOnce'
export type { SyncProblem, SyncMessageCode } from './sync/problems'
export { seqRanges } from './sync/problems'
export type { ListedQuarantine } from './sync/quarantine'
export {
  IDLE_STATUS,
  statusAfter,
  type SyncState,
  type SyncStatusValue,
  type SyncStatusSink
} from './sync/status'
export { DEFAULT_TIMING, type SyncLoop, type SyncLoopOptions, type SyncTiming } from './sync/loop'
export { StoreChoiceError, type ShareInspection } from './sync/storeChoice'
export type { KeyVault, StoreKeyRef } from './sync/storeKey'
export { CLOCK_WARN_MS, readPeers, type PeerPresence, type PresenceInfo } from './sync/presence'
export { shareUsage, type ShareUsage } from './sync/retention'
export { RetireRefusedError, stillRetired } from './sync/retired'
export { NumberClashRefusedError, type NumberClash } from './sync/numberClash'
