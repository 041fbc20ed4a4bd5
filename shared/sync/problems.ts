// Why a share file could not be used, as a code (the sync page words it through the i18n catalogue,
// syncPage.problem.*), and what the engine should do with the file. Decoders return these; they
// never throw.

export type FileProblem =
  | 'truncated'
  | 'checksum'
  | 'notASegment'
  | 'futureFormat'
  | 'needsPassphrase'
  | 'wrongPassphrase'
  | 'tampered'
  | 'invalidJson'
  /** store.json asks for fewer PBKDF2 iterations than the app has ever written (600 000) */
  | 'weakKdf'

/** pending: keep the file where it is, do not apply it, try again after the user acts (update the
 *  app, type the passphrase). quarantine: copy it aside locally, report it, skip it, retry later. */
export type Disposition = 'pending' | 'quarantine'

export interface ProblemResult {
  ok: false
  problem: FileProblem
  /** English, for logs and support */
  detail: string
  disposition: Disposition
}

const DISPOSITIONS: Readonly<Record<FileProblem, Disposition>> = {
  truncated: 'quarantine',
  checksum: 'quarantine',
  notASegment: 'quarantine',
  futureFormat: 'pending',
  needsPassphrase: 'pending',
  wrongPassphrase: 'pending',
  tampered: 'quarantine',
  invalidJson: 'quarantine',
  weakKdf: 'pending'
}

/** Every file problem (the code list the sync page's catalogue words). */
export const FILE_PROBLEMS = Object.keys(DISPOSITIONS) as FileProblem[]

export function problem(kind: FileProblem, detail: string): ProblemResult {
  return {
    ok: false,
    problem: kind,
    detail,
    disposition: DISPOSITIONS[kind]
  }
}
