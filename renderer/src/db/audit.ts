import Dexie from 'dexie'
import {
  auditEntryHash,
  auditEntryId,
  verifyAuditChain,
  type AuditCheck,
  type AuditEntry,
  type AuditEntryBody,
  type AuditKind,
  type AuditParams
} from '@shared/domain/desk/audit'
import type { DataContext } from './context'
import type { WriteTx } from './writer'
import { deskIsManager, managerRefusal, RoleRefusedError } from './roles'

// 操作日志 (issue 17 point 3, docs/security.md §6). An entry is written in the SAME transaction as
// the action it records (auditedTransact), so an action without its entry cannot exist. Each PC's
// entries are a hash chain (shared/domain/desk/audit.ts): the next number and the previous hash are
// read, and the SHA-256 taken (WebCrypto: not IndexedDB, so it may not be awaited inside the
// transaction), BEFORE the transaction; inside it the chain head is read again and, should another
// write have taken that number meanwhile, the transaction writes nothing and the whole is tried again.
// The table is synced and append-only (shared/sync/merge.ts appendOnly); no function here edits or
// removes an entry.

const ATTEMPTS = 5

/** This PC's last entry (its chain head). */
async function chainHead(ctx: DataContext): Promise<AuditEntry | undefined> {
  const device = ctx.writer.deviceId
  return ctx.db.auditLog.where('[device+seq]').between([device, Dexie.minKey], [device, Dexie.maxKey]).last()
}

async function nextEntry(
  ctx: DataContext,
  head: AuditEntry | undefined,
  staffNo: string,
  kind: AuditKind,
  params: AuditParams
): Promise<AuditEntry> {
  const device = ctx.writer.deviceId
  const seq = (head?.seq ?? 0) + 1
  const body: AuditEntryBody = {
    id: auditEntryId(device, seq),
    device,
    deviceName: ctx.device.deviceName,
    seq,
    prevHash: head?.hash ?? '',
    kind,
    staffNo,
    at: ctx.now(),
    params
  }
  return { ...body, hash: await auditEntryHash(body) }
}

/** `record()` writes the prepared 操作日志 entry into the running transaction; the work calls it once
 *  the action is sure to happen (a refusal returned instead writes no entry). */
export type RecordAudit = () => Promise<void>

/**
 * Runs `work` in one write transaction (writer.transact) with its 操作日志 entry prepared: the entry
 * is written only if `work` calls `record`, and then commits or rolls back with the action.
 */
export async function auditedTransact<R>(
  ctx: DataContext,
  staffNo: string,
  audit: { kind: AuditKind; params: AuditParams },
  work: (tx: WriteTx, record: RecordAudit) => Promise<R>
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const head = await chainHead(ctx)
    const entry = await nextEntry(ctx, head, staffNo, audit.kind, audit.params)
    const outcome = await ctx.writer.transact(staffNo, async (tx) => {
      const now = await chainHead(ctx)
      if (now?.id !== head?.id) return { stale: true as const }
      let recorded = false
      const result = await work(tx, async () => {
        if (recorded) return
        recorded = true
        await tx.create('auditLog', entry)
      })
      return { stale: false as const, result }
    })
    if (!outcome.stale) return outcome.result
    if (attempt >= ATTEMPTS) throw new Error('audit log: chain head kept moving')
  }
}

/** One 操作日志 entry as its own transaction, for actions whose writes are not in IndexedDB (a backup
 *  or restore written by main, issue 17 point 4): call it right after the action succeeded. */
export async function recordOperation(
  ctx: DataContext,
  staffNo: string,
  kind: AuditKind,
  params: AuditParams
): Promise<void> {
  await auditedTransact(ctx, staffNo, { kind, params }, (_tx, record) => record())
}

/** A print or a PDF (打印 / 保存为PDF) of a form: which form, which record. */
export async function recordPrint(
  ctx: DataContext,
  staffNo: string,
  what: { form: string; record: string; to: 'print' | 'pdf' }
): Promise<void> {
  await recordOperation(ctx, staffNo, 'printed', what)
}

export interface AuditFilter {
  staffNo?: string
  kind?: AuditKind
  /** from this instant (ms, inclusive) */
  from?: number
  /** to this instant (ms, inclusive) */
  to?: number
}

/** An entry as the page lists it. */
export type AuditRow = AuditEntry

export interface AuditPage {
  rows: AuditRow[]
  hasMore: boolean
}

const PAGE = 50

function plain(row: AuditEntry): AuditRow {
  const { id, device, deviceName, seq, prevHash, kind, staffNo, at, params, hash } = row
  return { id, device, deviceName, seq, prevHash, kind, staffNo, at, params, hash }
}

async function requireDeskManager(ctx: DataContext): Promise<void> {
  if (!(await deskIsManager(ctx))) throw new RoleRefusedError('roles.refused.managerOnly')
}

/** The filter as one index range, newest first: by person, else by kind, else by time. */
function ranged(ctx: DataContext, filter: AuditFilter): Dexie.Collection<AuditEntry, string> {
  const from = filter.from ?? -Infinity
  const to = filter.to ?? Infinity
  if (filter.staffNo !== undefined) {
    const byStaff = ctx.db.auditLog
      .where('[staffNo+at]')
      .between([filter.staffNo, from], [filter.staffNo, to], true, true)
      .reverse()
    return filter.kind ? byStaff.filter((e) => e.kind === filter.kind) : byStaff
  }
  if (filter.kind !== undefined)
    return ctx.db.auditLog
      .where('[kind+at]')
      .between([filter.kind, from], [filter.kind, to], true, true)
      .reverse()
  return ctx.db.auditLog.where('at').between(from, to, true, true).reverse()
}

/** 操作日志, newest first, `limit` rows after `offset` (managers only: the desk's person is checked). */
export async function listAuditLog(
  ctx: DataContext,
  filter: AuditFilter = {},
  page: { offset?: number; limit?: number } = {}
): Promise<AuditPage> {
  await requireDeskManager(ctx)
  const limit = page.limit ?? PAGE
  const rows = await ranged(ctx, filter)
    .offset(page.offset ?? 0)
    .limit(limit + 1)
    .toArray()
  return { rows: rows.slice(0, limit).map(plain), hasMore: rows.length > limit }
}

/** Every entry the filter selects, newest first, for 导出Excel (managers only). */
export async function allAuditLog(ctx: DataContext, filter: AuditFilter = {}): Promise<AuditRow[]> {
  await requireDeskManager(ctx)
  return (await ranged(ctx, filter).toArray()).map(plain)
}

/** The 操作日志 export itself, recorded (how many rows). */
export async function recordAuditExport(ctx: DataContext, staffNo: string, count: number): Promise<void> {
  await requireDeskManager(ctx)
  await recordOperation(ctx, staffNo, 'auditExported', { count })
}

/** 检查完整性: every PC's chain, intact or where it breaks (managers only). */
export async function checkAuditLog(ctx: DataContext): Promise<AuditCheck> {
  await requireDeskManager(ctx)
  return verifyAuditChain(await ctx.db.auditLog.toArray())
}

/** A settings change (系统设置 and the other store settings) with its 操作日志 entry `settingsChanged`
 *  { setting }, in the same transaction; `recorded` says whether the result is a change (a refusal
 *  returned out of the transaction records nothing). */
export async function settingsWrite<R>(
  ctx: DataContext,
  staffNo: string,
  setting: string,
  work: (tx: WriteTx) => Promise<R>,
  recorded: (result: R) => boolean = () => true,
  /** 'own': the caller checks the role itself, with its own refusal (停业日: managers, with the
   *  report page's message; 奖励规则: those who decide problems) */
  roles: 'manager' | 'own' = 'manager'
): Promise<R> {
  const done = await auditedTransact(
    ctx,
    staffNo,
    { kind: 'settingsChanged', params: { setting } },
    async (tx, record) => {
      // 系统设置 is a 客服经理's (design §2); refused out of the transaction, nothing written
      const refusal = roles === 'manager' ? await managerRefusal(ctx, staffNo) : undefined
      if (refusal) return { refusal }
      const result = await work(tx)
      if (recorded(result)) await record()
      return { result }
    }
  )
  if ('refusal' in done) throw new RoleRefusedError(done.refusal)
  return done.result
}

/** For auditedTransact callers whose action is recorded only in some cases: an entry never written
 *  (the work does not call `record`). */
export const NOT_AUDITED = { kind: 'settingsChanged', params: {} } as const satisfies {
  kind: AuditKind
  params: AuditParams
}
