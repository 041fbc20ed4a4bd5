import type { DeviceInfo } from '@shared/ipc/contract'
import type { TimeRuleSettings } from '@shared/domain/timeRules'
import { openDataLayer, type DataContext } from './context'
import { inStoreShare, makeBackup, mayRestore, previewBackup } from './backup'
import { restoreBackup } from './backupRestore'
import { isSetupDone, getStoreName, completeSetup, updateStoreName } from './setup'
import {
  getDeskLocked,
  getLocalePref,
  getSessionStaffNo,
  setDeskLocked,
  setLocale,
  setSessionStaff
} from './prefs'
import { loadDraft, saveDraft, stashDraft, clearDraft } from './drafts'
import { listStaff, getStaffByNo, addStaff, updateStaff } from './staff'
import { checkStaffPin, setStaffPin, clearStaffPin } from './staffPin'
import { checkPinGuarded, unlockPinWithManager, pinLockState } from './pinLockout'
import { getDeskLockSettings, saveDeskLockSettings, switchNeeds } from './deskLock'
import { diagnosticsCounts } from './diagnostics'
import {
  getComplaint,
  getTimeline,
  countComplaintsOfCustomer,
  dashboardCounts,
  registerComplaint,
  editComplaint
} from './complaints'
import { listComplaints, countComplaints, listUnfedBack } from './complaintQuery'
import { getWorkflowConfig, applyWorkflow, saveWorkflowConfig } from './workflow'
import { recordDueEscalations } from './escalations'
import { getTimeRules, saveTimeRules } from './timeRules'
import { getClosedDays, saveClosedDays } from './closedDays'
import {
  complaintTime,
  getComplaintClockState,
  mayPauseClock,
  pauseComplaintClock,
  resumeComplaintClock,
  type ComplaintTime
} from './complaintClockWrite'
import type { Complaint } from '@shared/domain/complaint'
import { getWordingRules, getCannedReplies, saveWordingRules, saveCannedReplies } from './customerTexts'
import {
  listReturns,
  listReturnsOfComplaint,
  complaintNumbers,
  registerReturn,
  changeReturnStatus
} from './returns'
import {
  findCustomerByPhone,
  customersStillLoading,
  getLiveCustomer,
  getCustomer,
  keyAccountsAmong,
  createCustomer,
  updateCustomer,
  addCustomerNote,
  revealPhone
} from './customers'
import {
  searchCustomers,
  listCustomers,
  countCustomers,
  allCustomers,
  prepareCustomerSearch
} from './customerQuery'
import { getCustomerTimeline } from './customerTimeline'
import { findPossibleDuplicates, linkedRecordCounts, describeDuplicates } from './customerDuplicates'
import { mergeCustomers } from './customerMerge'
import { clerkLoads, assignUnassigned, reassign } from './customerAssignment'
import { getUnmaskRoles, saveUnmaskRoles } from './privacy'
import { customersHoldingPhones, importCustomers, recordExport, listAuditEvents } from './customerImport'
import { getShifts, saveShifts } from './shifts'
import {
  getHandover,
  handoverEvents,
  listHandovers,
  openHandovers,
  startHandover,
  changeHandoverShift,
  refreshHandoverPrefill,
  addHandoverItem,
  setHandoverItemDone,
  removeHandoverItem,
  saveHandoverNotes,
  submitHandover,
  acknowledgeHandover,
  addHandoverRemark
} from './handovers'
import { listPromisedCallbacks, promiseCallback, completeCallback } from './callbacks'
import {
  getRevisitSettings,
  getRevisitScripts,
  saveRevisitSettings,
  saveRevisitScript
} from './revisitSettings'
import {
  listRevisitQueue,
  revisitQueueCounts,
  getRevisitCall,
  revisitTasksOfCustomer,
  revisitTasksOfComplaint
} from './revisitQueue'
import { recordRevisitAttempt, setNoRevisit } from './revisitAttempts'
import { generateRevisitTasks } from './revisitSweep'
import { revisitStats, revisitStatsTasks } from './revisitStats'
import {
  countCampaignCustomers,
  createRevisitCampaign,
  getRevisitCampaign,
  listRevisitCampaigns
} from './revisitCampaigns'
import {
  registerConsultation,
  convertConsultation,
  promiseConsultationCallback,
  completeConsultationCallback,
  turnConsultationIntoComplaint,
  listConsultations,
  getConsultation
} from './consultations'
import {
  logProblem,
  decideProblem,
  getRewardRules,
  saveRewardRules,
  listProblems,
  countOpenProblems,
  problemsLoggedIn
} from './problems'
import { getServiceStats, getWeeklySummary, isWeeklySummaryRead, markWeeklySummaryRead } from './counterStats'
import { inspectShare, createStoreOnShare, joinStoreOnShare, unlockJoinedStore } from './sync/storeChoice'
import { listConflicts, listAllConflicts } from './sync/conflicts'
import { listQuarantine } from './sync/quarantine'
import { lastClockOffset } from './sync/presence'
import { lastDeviceRenewal } from './sync/renewDevice'
import { listRetiredDevices, retireDevice } from './sync/retired'
import { listNumberClashes, renumberClash } from './sync/numberClash'
import { startSyncLoop } from './sync/loop'
import { reportOverview, reportPareto, reportStaffReview, reportTimeliness } from './reports'
import { reportDrillDown, reportDrillPage, reportStaffDrill } from './reportDrill'
import { drillDownRows } from './drillRows'
import { reportFeedback } from './reportFeedback'
import { getWorkDay, listWorkDay, submitWorkReport } from './workReports'
import {
  figuresToReplace,
  getServedFrom,
  importDailyFigures,
  listDailyFigures,
  saveDailyFigure,
  saveServedFrom
} from './dailyFigures'
import {
  allAuditLog,
  checkAuditLog,
  listAuditLog,
  recordAuditExport,
  recordOperation,
  recordPrint
} from './audit'
import { deskIsManager } from './roles'
import { anomalyTaskIds, getAnomalySettings, reportAnomalies, saveAnomalySettings } from './reportAnomalies'

// The data layer's whole surface for the rest of the renderer, typed in one place (the models:
// Signal-Desktop's DataReader / DataWriter, Actual Budget's per-feature handler maps). Features
// hold a `Data`: `data.read.listComplaints(filter)`, `data.write.registerComplaint(staffNo, input)`.
// The Dexie database and the writer stay inside renderer/src/db: a write that bypassed them would
// never be stamped or reach the other PCs. A new query or mutation is added to its capability here.

/** Queries, per capability. None of them writes. */
const reads = {
  // setup, this PC's preferences, drafts
  isSetupDone,
  getStoreName,
  getLocalePref,
  getSessionStaffNo,
  getDeskLocked,
  // staff
  listStaff,
  getStaffByNo,
  checkStaffPin,
  getDeskLockSettings,
  switchNeeds,
  diagnosticsCounts,
  pinLockState,
  // complaints
  getComplaint,
  getTimeline,
  countComplaintsOfCustomer,
  dashboardCounts,
  listComplaints,
  countComplaints,
  listUnfedBack,
  complaintNumbers,
  getWorkflowConfig,
  getTimeRules,
  getClosedDays,
  getComplaintClockState,
  mayPauseClock,
  getWordingRules,
  getCannedReplies,
  listPromisedCallbacks,
  // returns
  listReturns,
  listReturnsOfComplaint,
  // counter log: consultations, problems, statistics
  listConsultations,
  getConsultation,
  listProblems,
  countOpenProblems,
  problemsLoggedIn,
  getRewardRules,
  getServiceStats,
  getWeeklySummary,
  isWeeklySummaryRead,
  // customers
  findCustomerByPhone,
  customersStillLoading,
  getLiveCustomer,
  getCustomer,
  keyAccountsAmong,
  searchCustomers,
  prepareCustomerSearch,
  listCustomers,
  countCustomers,
  allCustomers,
  getCustomerTimeline,
  findPossibleDuplicates,
  linkedRecordCounts,
  describeDuplicates,
  clerkLoads,
  customersHoldingPhones,
  getUnmaskRoles,
  listAuditEvents,
  // handover
  getShifts,
  getHandover,
  handoverEvents,
  listHandovers,
  openHandovers,
  // 回访 (follow-ups)
  getRevisitSettings,
  getRevisitScripts,
  listRevisitQueue,
  revisitQueueCounts,
  getRevisitCall,
  revisitTasksOfCustomer,
  revisitTasksOfComplaint,
  revisitStats,
  revisitStatsTasks,
  // 专项回访
  countCampaignCustomers,
  getRevisitCampaign,
  listRevisitCampaigns,
  // 统计报表
  reportOverview,
  reportPareto,
  reportDrillDown,
  reportDrillPage,
  drillDownRows,
  reportTimeliness,
  reportStaffReview,
  reportStaffDrill,
  reportAnomalies,
  reportFeedback,
  getWorkDay,
  listWorkDay,
  listDailyFigures,
  figuresToReplace,
  getServedFrom,
  anomalyTaskIds,
  getAnomalySettings,
  // 操作日志 (managers only: the desk's person is checked)
  listAuditLog,
  allAuditLog,
  checkAuditLog,
  deskIsManager,
  // sync
  inspectShare,
  listConflicts,
  listAllConflicts,
  listQuarantine,
  lastClockOffset,
  lastDeviceRenewal,
  // 数据备份
  previewBackup,
  mayRestore,
  inStoreShare,
  listRetiredDevices,
  listNumberClashes
}

/** Mutations, per capability: each stamps what it writes and records it for sync (writer.ts). */
const writes = {
  // 数据备份: a backup reads everything and hands it to main; a restore replaces this PC's data
  makeBackup,
  restoreBackup,
  // setup, this PC's preferences, drafts
  completeSetup,
  updateStoreName,
  setSessionStaff,
  setDeskLocked,
  setLocale,
  saveDraft,
  stashDraft,
  clearDraft,
  // staff
  addStaff,
  updateStaff,
  setStaffPin,
  clearStaffPin,
  // a PIN typed to become someone counts toward that 工号's lockout (local meta)
  checkPinGuarded,
  unlockPinWithManager,
  saveDeskLockSettings,
  // complaints
  registerComplaint,
  editComplaint,
  applyWorkflow,
  saveWorkflowConfig,
  recordDueEscalations,
  saveTimeRules,
  saveClosedDays,
  saveAnomalySettings,
  submitWorkReport,
  saveDailyFigure,
  importDailyFigures,
  saveServedFrom,
  retireDevice,
  renumberClash,
  pauseComplaintClock,
  resumeComplaintClock,
  saveWordingRules,
  saveCannedReplies,
  promiseCallback,
  completeCallback,
  // returns
  registerReturn,
  changeReturnStatus,
  // counter log
  registerConsultation,
  convertConsultation,
  promiseConsultationCallback,
  completeConsultationCallback,
  turnConsultationIntoComplaint,
  logProblem,
  decideProblem,
  saveRewardRules,
  markWeeklySummaryRead,
  // customers
  createCustomer,
  updateCustomer,
  addCustomerNote,
  revealPhone,
  mergeCustomers,
  assignUnassigned,
  reassign,
  saveUnmaskRoles,
  importCustomers,
  recordExport,
  // handover
  saveShifts,
  startHandover,
  changeHandoverShift,
  refreshHandoverPrefill,
  addHandoverItem,
  setHandoverItemDone,
  removeHandoverItem,
  saveHandoverNotes,
  submitHandover,
  acknowledgeHandover,
  addHandoverRemark,
  // 回访 (follow-ups)
  saveRevisitSettings,
  saveRevisitScript,
  recordRevisitAttempt,
  setNoRevisit,
  generateRevisitTasks,
  // 专项回访
  createRevisitCampaign,
  // 操作日志: prints, its own export, and actions whose writes are main's (backups, restores)
  recordPrint,
  recordAuditExport,
  recordOperation,
  // sync: joining a store, and the loop that keeps this PC in step with the share
  createStoreOnShare,
  joinStoreOnShare,
  unlockJoinedStore,
  startSyncLoop
}

/** A data-layer function with the open context bound: the caller passes only its own arguments. */
type Bound<F> = F extends (ctx: DataContext, ...args: infer A) => infer R ? (...args: A) => R : never
type BoundMap<M> = { readonly [K in keyof M]: Bound<M[K]> }

export type DataReader = BoundMap<typeof reads> & {
  /** the draft kept under `key`, typed by the caller (drafts are this PC's own, never synced) */
  loadDraft<T>(key: string): Promise<{ value: T; savedAt: number } | undefined>
}
export type DataWriter = BoundMap<typeof writes>

/** What features hold: queries, mutations, and the facts every screen reads. */
export interface Data {
  readonly read: DataReader
  readonly write: DataWriter
  /** this PC, as the session has it now */
  readonly device: DeviceInfo
  /** the time rules in force */
  readonly timeRules: TimeRuleSettings
  /** the store's 停业日 in force */
  readonly closedDays: readonly string[]
  /** a complaint's limits at `now` in counted time (its pauses and the 停业日 do not count): what
   *  the 已超时 marks and deadlines on every screen show */
  timeOf(complaint: Complaint, now: number): ComplaintTime
  /** the data layer's clock (driven in tests) */
  now(): number
}

function bind<M extends Record<string, (ctx: DataContext, ...args: never[]) => unknown>>(
  ctx: DataContext,
  map: M
): BoundMap<M> {
  return Object.fromEntries(
    Object.entries(map).map(([name, fn]) => [name, (...args: never[]) => fn(ctx, ...args)])
  ) as BoundMap<M>
}

/** The features' handle on an open data layer. */
export function dataApi(ctx: DataContext): Data {
  const read: DataReader = {
    ...bind(ctx, reads),
    loadDraft: <T>(key: string) => loadDraft<T>(ctx, key)
  }
  return {
    read,
    write: bind(ctx, writes),
    get device() {
      return ctx.device
    },
    get timeRules() {
      return ctx.timeRules
    },
    get closedDays() {
      return ctx.closedDays
    },
    timeOf: (complaint, now) => complaintTime(ctx, complaint, now),
    now: () => ctx.now()
  }
}

/** Opens the data layer (once at start-up) and returns the features' handle on it. */
export async function openData(...args: Parameters<typeof openDataLayer>): Promise<Data> {
  return dataApi(await openDataLayer(...args))
}
