import { z } from 'zod'
import type { DeskMethodName } from './methods'
import type { DeskResult } from './errors'
import { pdfFileNameSchema } from './fileName'
import { hasInvisibleChars } from './invisibleChars'
import { isSharePath } from './sharePath'
import type { BackupReason } from '../backup/generations'

/** A PC's identity. Owned by the main process (a file in the app's data folder), not by IndexedDB,
 *  because it belongs to the machine: wiping the browser storage must not mint a new device. */
export interface DeviceInfo {
  /** stable random id, never shown; used in HLC stamps and sync file names */
  deviceId: string
  /** human name shown in the UI, defaults to the computer's host name */
  deviceName: string
  /** two characters in complaint numbers (TS-20261122-A3-007) so PCs never collide offline */
  deviceCode: string
  hostname: string
}

export interface AppInfo {
  appVersion: string
  platform: string
  /** 'electron' in the app, 'test-host' behind the Chromium harness */
  host: 'electron' | 'test-host'
}

/** 电脑名称: shown to staff on every PC of the store — nothing invisible (NUL, bidi controls …) */
export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(40, 'validation.tooLong')
  .refine((name) => !hasInvisibleChars(name), 'validation.invisibleChars')
export const deviceCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9A-Z]$/, 'validation.deviceCode')

const sharePathSchema = z
  .string()
  .max(800)
  .refine((p) => isSharePath(p), 'validation.sharePath')
const shareDirSchema = z
  .string()
  .max(800)
  .refine((p) => isSharePath(p, true), 'validation.sharePath')
/** The largest file a share call carries (a snapshot chunk is far smaller). */
export const SHARE_FILE_MAX_BYTES = 64 * 1024 * 1024
/** File contents as raw bytes: Electron's IPC structured-clones a Uint8Array (a Buffer arrives as one). */
const shareBytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'validation.invalid')
  .refine((bytes) => bytes.byteLength <= SHARE_FILE_MAX_BYTES, 'validation.tooLong')

const storeKeyRef = {
  storeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'validation.invalid'),
  keyCheck: z.string().min(1).max(200)
}
const storeKeyBytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'validation.invalid')
  .refine((bytes) => bytes.byteLength === 32, 'validation.invalid')

export interface ShareConfig {
  /** the folder main chose, for display only: no method takes a folder from the renderer */
  root: string | null
  /** a folder: whether it can be reached now; a WebDAV share is not tried here (always true) */
  reachable: boolean
  /** a WebDAV share instead of a folder: its address and user name — never the password */
  webdav?: { url: string; user: string } | null
}

/** Why main refused a WebDAV address (an i18n key under share.webdav): the address itself, or what
 *  the server answered when main tried it (nothing is created on it). */
export const WEBDAV_REFUSALS = [
  'malformed',
  'insecure',
  'credentialsInAddress',
  'unauthorized',
  'forbidden',
  'notWebdav',
  'notFound',
  'unreachable',
  'certificate',
  'timeout',
  'quotaFull',
  'io'
] as const
export type WebdavRefusal = (typeof WEBDAV_REFUSALS)[number]

/** What came of 连接 (a WebDAV address): chosen, or refused (nothing changed). */
export type WebdavChoice = ShareConfig & {
  outcome: 'chosen' | 'refused'
  refusal?: WebdavRefusal
}

/** Why main refused a folder picked as the share (an i18n key under share.root). */
export const SHARE_ROOT_REFUSALS = [
  'notAbsolute',
  'devicePath',
  'driveRoot',
  'systemFolder',
  'profileFolder',
  'reservedName'
] as const
export type ShareRootRefusal = (typeof SHARE_ROOT_REFUSALS)[number]

/** What came of 选择文件夹: chosen, cancelled (nothing changed) or refused (nothing changed). */
export type ShareChoice = ShareConfig & {
  outcome: 'chosen' | 'cancelled' | 'refused'
  refusal?: ShareRootRefusal
}

/** 数据备份 (issue 17 point 4): one backup file as main lists it. */
export interface BackupEntry {
  id: string
  createdAt: number
  reason: BackupReason
  size: number
  counts: Record<string, number>
  encrypted: boolean
  /** read back and checked whole after writing; null while not yet checked */
  verified: boolean | null
  sha256: string
  /** true: an identical copy is in the second folder; false: it could not be written; null: none set */
  secondCopy: boolean | null
}

export interface BackupListing {
  /** newest first */
  entries: BackupEntry[]
  /** for display only: no method takes a folder from the renderer */
  secondFolder: string | null
  intervalHours: number
  /** where main keeps the backups (display only) */
  dataFolder: string
}

/** Why main refused a folder picked as the second backup folder (an i18n key under backupPage.folder). */
export const BACKUP_FOLDER_REFUSALS = ['isShare', 'notWritable', 'systemFolder'] as const
export type BackupFolderRefusal = (typeof BACKUP_FOLDER_REFUSALS)[number]

export interface BackupFolderChoice {
  outcome: 'chosen' | 'cancelled' | 'refused'
  refusal?: BackupFolderRefusal
  secondFolder: string | null
}

export interface OpenedBackupFile {
  /** the file's own name (display only) */
  name: string
  bytes: Uint8Array
}

export interface BackupWriteInput {
  bytes: Uint8Array
  reason: BackupReason
  createdAt: number
  counts: Record<string, number>
  encrypted: boolean
}

/** A backup file's size limit over IPC. */
export const BACKUP_FILE_MAX_BYTES = 1024 * 1024 * 1024
const backupIdSchema = z.string().regex(/^backup-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$/, 'validation.invalid')

export interface ShareFileEntry {
  name: string
  size: number
  mtimeMs: number
}

/** A code as the app writes them (a table, a sync state, a problem kind): never free text. */
const codeSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,59}$/, 'validation.invalid')

/** 导出诊断信息 (issue 17 point 5): what the renderer adds to main's logs and versions — counts and codes
 *  only, so no customer data can travel in it. */
export const diagnosticsSummarySchema = z.strictObject({
  schemaVersion: z.number().int().min(0).max(10_000),
  /** records per table */
  counts: z
    .record(codeSchema, z.number().int().min(0))
    .refine((c) => Object.keys(c).length <= 80, 'validation.tooLong'),
  sync: z.strictObject({
    state: codeSchema,
    shareSet: z.boolean(),
    encrypted: z.boolean(),
    lastSyncedAt: z.number().int().nullable(),
    /** own changes not yet published */
    pending: z.number().int().min(0),
    peers: z.number().int().min(0),
    problems: z.array(codeSchema).max(50)
  })
})
export type DiagnosticsSummary = z.infer<typeof diagnosticsSummarySchema>

export interface AboutInfo {
  appVersion: string
  /** the app's data folder (userData) and its log folder, for display */
  dataDir: string
  logDir: string
}

/** One zod schema per method validates the single argument main receives. */
export const deskInputs = {
  getAppInfo: z.undefined(),
  getDevice: z.undefined(),
  updateDevice: z.strictObject({ deviceName: deviceNameSchema, deviceCode: deviceCodeSchema }),
  /** a new device id for this PC (sync found another PC using the same one); the current id must be given */
  renewDeviceId: z.strictObject({
    formerDeviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'validation.deviceId')
  }),
  /** the OS print dialog for the calling window; title names the print job in logs */
  printPage: z.strictObject({ title: z.string().max(80, 'validation.tooLong') }),
  /** save dialog (default: Documents/<suggestedName>), then the calling window rendered to an A4 PDF */
  savePdf: z.strictObject({ suggestedName: pdfFileNameSchema }),
  /** the share folder this PC syncs through (系统设置), and whether it can be reached now */
  shareGetConfig: z.undefined(),
  /** main's own folder dialog picks the share folder (the renderer never names one); creates nothing on it */
  shareChooseRoot: z.undefined(),
  /** forgets the share folder */
  shareClearRoot: z.undefined(),
  /** a WebDAV address as the share: main checks the address, tries it with the user name and app
   *  password (PROPFIND, nothing written), and keeps the password wrapped by the OS key store */
  shareSetWebdav: z.strictObject({
    url: z.string().max(2000, 'validation.tooLong'),
    user: z.string().max(200, 'validation.tooLong'),
    password: z.string().max(1000, 'validation.tooLong')
  }),
  shareList: z.strictObject({ dir: shareDirSchema }),
  shareRead: z.strictObject({ path: sharePathSchema }),
  /** write-once: fails with share.exists when the name is taken */
  shareWriteNew: z.strictObject({ path: sharePathSchema, bytes: shareBytesSchema }),
  shareRemove: z.strictObject({ path: sharePathSchema }),
  /** keeps an encrypted store's key in main, wrapped by the OS key store (never in IndexedDB) */
  storeKeySave: z.strictObject({ ...storeKeyRef, key: storeKeyBytesSchema }),
  /** the key kept for exactly this store and key check, or null */
  storeKeyLoad: z.strictObject(storeKeyRef),
  storeKeyForget: z.undefined(),
  /** 数据备份: the backups main keeps, the second folder and the interval */
  backupList: z.undefined(),
  /** stores a backup built by the data layer; main names the file and decides the folders */
  backupWrite: z.strictObject({
    bytes: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, 'validation.invalid')
      .refine((bytes) => bytes.byteLength <= BACKUP_FILE_MAX_BYTES, 'validation.tooLong'),
    reason: z.enum(['scheduled', 'manual', 'quit', 'upgrade', 'preRestore', 'preJoin']),
    createdAt: z.number().int().nonnegative(),
    counts: z.record(z.string().max(40), z.number().int().nonnegative()),
    encrypted: z.boolean()
  }),
  backupRead: z.strictObject({ id: backupIdSchema }),
  backupSetVerified: z.strictObject({ id: backupIdSchema, verified: z.boolean() }),
  /** main's own folder dialog picks the second folder (never the share; must be writable) */
  backupChooseFolder: z.undefined(),
  backupClearFolder: z.undefined(),
  /** 自动备份间隔 in hours */
  backupSetInterval: z.strictObject({ hours: z.number().int().min(1).max(24) }),
  /** main's open dialog for a backup file (从备份恢复); null = cancelled */
  backupOpenFile: z.undefined(),
  /** a renderer error or unhandled rejection, written to main's log (redacted there) */
  logRenderer: z.strictObject({
    level: z.enum(['error', 'warn']),
    source: z.enum(['error', 'unhandledrejection']),
    message: z.string().max(4_000, 'validation.tooLong'),
    stack: z.string().max(16_000, 'validation.tooLong').optional()
  }),
  /** 系统设置 → 关于 */
  getAboutInfo: z.undefined(),
  /** main's save dialog, then one zip: logs, versions, this summary */
  exportDiagnostics: diagnosticsSummarySchema
} satisfies Record<DeskMethodName, z.ZodType>

export interface DeskOutputs {
  getAppInfo: AppInfo
  getDevice: DeviceInfo
  updateDevice: DeviceInfo
  renewDeviceId: DeviceInfo
  /** false when the user cancelled the print dialog */
  printPage: { printed: boolean }
  /** saved: false, path: null when the user cancelled the save dialog */
  savePdf: { saved: boolean; path: string | null }
  shareGetConfig: ShareConfig
  shareChooseRoot: ShareChoice
  shareClearRoot: ShareConfig
  shareSetWebdav: WebdavChoice
  shareList: ShareFileEntry[]
  shareRead: { bytes: Uint8Array }
  shareWriteNew: { written: true }
  shareRemove: { removed: true }
  /** kept: false when the OS has no key store (the key then lives for this run only) */
  storeKeySave: { kept: boolean }
  storeKeyLoad: { key: Uint8Array | null }
  storeKeyForget: { forgotten: true }
  backupList: BackupListing
  backupWrite: { id: string }
  backupRead: { bytes: Uint8Array }
  backupSetVerified: BackupEntry
  backupChooseFolder: BackupFolderChoice
  backupClearFolder: BackupListing
  backupSetInterval: BackupListing
  backupOpenFile: OpenedBackupFile | null
  logRenderer: { logged: true }
  getAboutInfo: AboutInfo
  /** saved: false, path: null when the user cancelled the save dialog */
  exportDiagnostics: { saved: boolean; path: string | null }
}

export type DeskInput<M extends DeskMethodName> = z.input<(typeof deskInputs)[M]>
export type DeskParsedInput<M extends DeskMethodName> = z.output<(typeof deskInputs)[M]>

/** The whole window.desk API: built by the preload in Electron and by an init script in tests. */
export type DeskApi = {
  [M in DeskMethodName]: (input: DeskInput<M>) => Promise<DeskResult<DeskOutputs[M]>>
}

/** What a service implements: validated input in, plain value out (throwing means 'internal'). */
export type DeskHandlers = {
  [M in DeskMethodName]: (input: DeskParsedInput<M>) => Promise<DeskOutputs[M]>
}
