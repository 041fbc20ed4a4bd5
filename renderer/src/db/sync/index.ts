// The sync engine's public face (re-exported by renderer/src/db/index.ts).
export {
  ShareError,
  isShareError,
  type SharePort,
  type ShareEntry,
  type ShareErrorCode,
  type ShareUnavailableReason
} from './sharePort'
export { syncOnce, type SyncReport, type SyncRoundState, type SyncOptions } from './syncOnce'
export { IDLE_STATUS, statusAfter, type SyncState, type SyncStatusValue, type SyncStatusSink } from './status'
export { startSyncLoop, DEFAULT_TIMING, type SyncLoop, type SyncLoopOptions, type SyncTiming } from './loop'
export { syncTracked } from './syncTracked'
export type { SyncProblem, SyncProblemKind, SyncMessageCode } from './problems'
export { listConflicts, listAllConflicts, type ConflictEntry } from './conflicts'
export { listQuarantine, type ListedQuarantine } from './quarantine'
export { cursorsForDeviceJson } from './peerCursor'
export {
  inspectShare,
  createStoreOnShare,
  joinStoreOnShare,
  unlockJoinedStore,
  StoreChoiceError,
  type ShareInspection,
  type StoreChoiceRefusal,
  type NewStoreOptions
} from './storeChoice'
export { loadStoreKey, noKeyVault, type KeyVault, type StoreKeyRef } from './storeKey'
export {
  publishPresence,
  readPeers,
  lastClockOffset,
  CLOCK_WARN_MS,
  type PeerPresence,
  type PresenceInfo
} from './presence'
export { watchLocalChanges } from './watch'
export {
  writeSnapshot,
  snapshotNow,
  snapshotDue,
  bootstrapFromSnapshot,
  LAST_SNAPSHOT_KEY,
  SNAPSHOT_EVERY_MS,
  type BootstrapResult
} from './snapshots'
export { compactOwnSegments, compactNow } from './compactOwn'
export { lastDeviceRenewal, type DeviceRenewal } from './renewDevice'
export { pruneSnapshots, shareUsage, type ShareUsage } from './retention'
export { shareUpkeep, type UpkeepResult } from './upkeep'
