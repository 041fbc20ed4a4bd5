// The names of every window.desk method. Kept free of zod so the sandboxed preload,
// which may only require('electron'), bundles nothing but this list.
export const deskMethods = [
  'getAppInfo',
  'getDevice',
  'updateDevice',
  'renewDeviceId',
  'printPage',
  'savePdf',
  'shareGetConfig',
  'shareChooseRoot',
  'shareClearRoot',
  'shareSetWebdav',
  'shareList',
  'shareRead',
  'shareWriteNew',
  'shareRemove',
  'storeKeySave',
  'storeKeyLoad',
  'storeKeyForget',
  'backupList',
  'backupWrite',
  'backupRead',
  'backupSetVerified',
  'backupChooseFolder',
  'backupClearFolder',
  'backupSetInterval',
  'backupOpenFile',
  'logRenderer',
  'getAboutInfo',
  'exportDiagnostics'
] as const

export type DeskMethodName = (typeof deskMethods)[number]

/** IPC channel for a method: one channel per method, never a generic "invoke anything". */
export const deskChannel = (method: DeskMethodName): string => `desk:${method}`
