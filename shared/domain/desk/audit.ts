import { canonicalJson } from '../../sync/json'
import { webCrypto } from '../../sync/webcrypto'

// 操作日志 (issue 17 point 3, docs/security.md §6): one entry per sensitive action. Codes and
// parameters only; the page words them. Each PC's entries form a hash chain: entry n carries the
// SHA-256 of entry n-1 of the same PC (`prevHash`) and its own `hash` over every other field in
// canonical JSON, numbered 1, 2, 3 … per PC (`seq`). A removed entry leaves a hole in the numbers or
// a `prevHash` that matches nothing; an edited one no longer hashes to its `hash`.

export const AUDIT_KINDS = [
  'phoneRevealed',
  'customersExported',
  'auditExported',
  'printed',
  'planApproved',
  'planReturned',
  'settingsChanged',
  'staffAdded',
  'staffChanged',
  'pinSet',
  'pinCleared',
  'pinUnlocked',
  'customersMerged',
  'problemDecided',
  'backupMade',
  'backupRestored',
  'storeShareCreated',
  'storeShareJoined',
  'storeShareUnlocked',
  'storePassphraseSet'
] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === 'string' && (AUDIT_KINDS as readonly string[]).includes(value)
}

/** Parameters of an entry: plain JSON values (codes, ids, counts, flags), never a sentence. */
export type AuditParams = Record<string, string | number | boolean | null | string[]>

/** The hashed content of an entry (everything but `hash`). */
export interface AuditEntryBody {
  /** `${device}:${seq}` — one id per PC and number, so a second, different entry of the same number
   *  cannot slip in beside the first */
  id: string
  device: string
  /** the PC's name (电脑名称) when it was written, for people: `device` is the id */
  deviceName: string
  seq: number
  /** hash of this PC's previous entry; '' for its first */
  prevHash: string
  kind: AuditKind
  /** 工号 of who did it */
  staffNo: string
  at: number
  params: AuditParams
}

export interface AuditEntry extends AuditEntryBody {
  hash: string
}

export function auditEntryId(device: string, seq: number): string {
  return `${device}:${seq}`
}

/** The text an entry's hash is taken over: its body as canonical JSON (keys sorted). */
export function auditHashInput(entry: AuditEntryBody): string {
  const { id, device, deviceName, seq, prevHash, kind, staffNo, at, params } = entry
  return canonicalJson({ id, device, deviceName, seq, prevHash, kind, staffNo, at, params })
}

/** SHA-256 (WebCrypto) of the entry's body, lower-case hex. */
export async function auditEntryHash(entry: AuditEntryBody): Promise<string> {
  const bytes = new TextEncoder().encode(auditHashInput(entry))
  const digest = new Uint8Array(await webCrypto().subtle.digest('SHA-256', bytes))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Where a PC's chain breaks: `missing` — numbers before `seq` are absent (an entry removed);
 *  `edited` — the entry no longer hashes to its hash; `relinked` — its prevHash is not the hash of
 *  the entry before it (that one was replaced). */
export interface AuditBreak {
  device: string
  seq: number
  problem: 'missing' | 'edited' | 'relinked'
  /** for `missing`: the first absent number */
  missingFrom?: number
}

export type AuditCheck =
  { intact: true; entries: number } | { intact: false; entries: number; breaks: AuditBreak[] }

/** Checks every PC's chain; at most one break per PC (the first: what follows it cannot be trusted). */
export async function verifyAuditChain(entries: readonly AuditEntry[]): Promise<AuditCheck> {
  const byDevice = new Map<string, AuditEntry[]>()
  for (const entry of entries) {
    const list = byDevice.get(entry.device) ?? []
    list.push(entry)
    byDevice.set(entry.device, list)
  }
  const breaks: AuditBreak[] = []
  for (const [device, list] of [...byDevice].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((a, b) => a.seq - b.seq)
    let expected = 1
    let prevHash = ''
    for (const entry of list) {
      if (entry.seq !== expected) {
        breaks.push({ device, seq: entry.seq, problem: 'missing', missingFrom: expected })
        break
      }
      if (entry.id !== auditEntryId(device, entry.seq) || (await auditEntryHash(entry)) !== entry.hash) {
        breaks.push({ device, seq: entry.seq, problem: 'edited' })
        break
      }
      if (entry.prevHash !== prevHash) {
        breaks.push({ device, seq: entry.seq, problem: 'relinked' })
        break
      }
      prevHash = entry.hash
      expected++
    }
  }
  return breaks.length === 0
    ? { intact: true, entries: entries.length }
    : { intact: false, entries: entries.length, breaks }
}
