// Why a share operation failed, as the renderer's sync engine understands it (renderer/src/db/sync/
// sharePort.ts has the same codes). Crosses IPC as DeskError { code: 'share', message: 'share.<code>' }.
//   unavailable  the root itself cannot be reached: "cannot tell", never "empty"
//   exists       writeNew found the name taken (nothing was overwritten)
//   notFound     a file under a reachable root is missing
//   outsideRoot  the path would leave the configured folder (refused before touching the disk)
//   notConfigured no share folder is set on this PC
//   notAFile     read refused: not a regular file (a folder link, a FIFO, a device), never opened
//   tooLarge     read refused: larger than its kind may be (readCaps.ts), never opened
//   io           anything else
// A WebDAV share (webdavStorage.ts) adds why the server could not be used — the engine takes each as
// "unavailable" (the round stops, touching nothing) and the sync page words it:
//   unauthorized 401 (user name or app password wrong)   forbidden   403 (no permission)
//   quotaFull    507 (the server's storage is full)       unreachable no connection / cut / 502–504
//   certificate  the https certificate is not trusted     timeout     no answer in time
//   notWebdav    the address answers, but not as a WebDAV folder
export type ShareFailure =
  | 'unavailable'
  | 'exists'
  | 'notFound'
  | 'outsideRoot'
  | 'notConfigured'
  | 'notAFile'
  | 'tooLarge'
  | 'io'
  | 'unauthorized'
  | 'forbidden'
  | 'quotaFull'
  | 'unreachable'
  | 'certificate'
  | 'timeout'
  | 'notWebdav'

export class ShareServiceError extends Error {
  constructor(
    readonly failure: ShareFailure,
    message: string
  ) {
    super(message)
    this.name = 'ShareServiceError'
  }
}
