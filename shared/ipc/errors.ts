// Errors cross the process boundary as plain data: Electron does not preserve Error subclasses.
export type DeskErrorCode =
  | 'invalid-argument' // the argument failed the method's zod schema
  | 'unknown-method'
  | 'forbidden-sender' // the call did not come from the app's own main frame
  | 'internal' // the service threw
  | 'backup' // a backup file operation failed; message is backup.<failure> (notFound, notAFile, tooLarge, io)
  | 'share' // a share-folder operation failed; message is share.<failure> (unavailable, exists, notFound, outsideRoot, notConfigured, io)

export interface DeskIssue {
  /** dotted path into the argument, e.g. "name" */
  path: string
  /** i18n key of the message (see renderer i18n catalogue `validation.*` / `ipc.*`) */
  message: string
}

export interface DeskError {
  code: DeskErrorCode
  /** i18n key describing the error for the user */
  message: string
  issues?: DeskIssue[]
}

export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskError }
