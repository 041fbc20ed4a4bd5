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
export type ShareFailure =
  'unavailable' | 'exists' | 'notFound' | 'outsideRoot' | 'notConfigured' | 'notAFile' | 'tooLarge' | 'io'

export class ShareServiceError extends Error {
  constructor(
    readonly failure: ShareFailure,
    message: string
  ) {
    super(message)
    this.name = 'ShareServiceError'
  }
}
