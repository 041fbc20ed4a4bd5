// The sync engine's public face (re-exported by renderer/src/db/index.ts).
export { ShareError, isShareError, type SharePort, type ShareEntry, type ShareErrorCode } from './sharePort'
export { syncOnce, type SyncReport, type SyncRoundState, type SyncOptions } from './syncOnce'
export { SyncStatus, type SyncState, type SyncStatusValue, type SyncStatusListener } from './status'
export { syncTracked } from './syncTracked'
export type { SyncProblem, SyncProblemKind } from './problems'
export { listConflicts, type ConflictEntry } from './conflicts'
export { listQuarantine } from './quarantine'
export { cursorsForDeviceJson } from './peerCursor'
