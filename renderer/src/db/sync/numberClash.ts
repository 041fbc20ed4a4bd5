import { nanoid } from 'nanoid'
import { formatComplaintNo, parseComplaintNo } from '@shared/domain/complaintNo'
import { fieldChanges, type Change } from '@shared/sync/change'
import type { DataContext } from '../context'
import { retryHeldRecords } from './quarantine'
import { complaintById, complaintByNo, complaintsWithNoPrefix } from '../complaintReads'

// 投诉编号冲突 (issue 18 point 3): two PCs given the same 电脑代码 by hand number their complaints alike
// (TS-day-code-seq), so a peer's complaint can arrive with a number a complaint here already has. The
// unique index holds it back (uniqueClash.ts, quarantine 'uniqueClash'); this screen's action settles
// it: THIS PC's complaint takes the next free number of its day and code, the held one then fits and
// is merged at once. Both cases' timelines say so — 'renumbered' (from → to) on the one renumbered,
// 'numberClashResolved' (the number it kept, the other's new one) on the other — and both events sync,
// so every PC shows the same history. The PCs' 电脑代码 should then be made different (系统设置 → 本机信息).

export interface NumberClash {
  /** the quarantine row holding the peer's complaint */
  heldId: string
  peer: string
  /** the number both complaints carry */
  no: string
  /** the peer's complaint (held) */
  incomingId: string
  incomingCustomer: string
  /** this PC's complaint with that number */
  localId: string
  localCustomer: string
}

export class NumberClashRefusedError extends Error {}

function heldComplaint(
  changes: readonly Change[]
): { id: string; no?: string; customerName?: string } | null {
  const mine = changes.filter((c) => c.table === 'complaints')
  if (mine.length === 0) return null
  const out: { id: string; no?: string; customerName?: string } = { id: mine[0]?.recordId as string }
  for (const c of mine.flatMap(fieldChanges)) {
    if (c.recordId !== out.id) continue
    if (c.field === 'no' && typeof c.value === 'string') out.no = c.value
    if (c.field === 'customerName' && typeof c.value === 'string') out.customerName = c.value
  }
  return out
}

/** Complaints held back because a complaint here already has their number. */
export async function listNumberClashes(ctx: DataContext): Promise<NumberClash[]> {
  const out: NumberClash[] = []
  for (const row of await ctx.db.quarantine.toArray()) {
    if (row.problem !== 'uniqueClash' || !row.changes) continue
    const incoming = heldComplaint(row.changes)
    if (!incoming?.no) continue
    const local = await complaintByNo(ctx.db, incoming.no)
    if (!local || local.id === incoming.id) continue
    out.push({
      heldId: row.id,
      peer: row.peer,
      no: incoming.no,
      incomingId: incoming.id,
      incomingCustomer: incoming.customerName ?? '',
      localId: local.id,
      localCustomer: local.customerName
    })
  }
  return out
}

/** The next number of `no`'s day and code that no complaint here and no held one uses. */
async function nextFreeNo(ctx: DataContext, no: string): Promise<string> {
  const parsed = parseComplaintNo(no)
  if (!parsed) throw new NumberClashRefusedError('syncPage.clash.badNumber')
  const prefix = `TS-${parsed.day}-${parsed.deviceCode}-`
  const taken = new Set(
    (await complaintsWithNoPrefix(ctx.db, prefix)).map((c) => parseComplaintNo(c.no)?.seq ?? 0)
  )
  for (const row of await ctx.db.quarantine.toArray()) {
    const held = row.changes ? heldComplaint(row.changes) : null
    const seq = held?.no ? parseComplaintNo(held.no)?.seq : undefined
    if (held?.no?.startsWith(prefix) && seq !== undefined) taken.add(seq)
  }
  let seq = Math.max(parsed.seq, ...taken) + 1
  while (taken.has(seq)) seq++
  return formatComplaintNo(parsed.day, parsed.deviceCode, seq)
}

/** 改号: this PC's complaint takes a new number, the held one is merged; both timelines record it. */
export async function renumberClash(
  ctx: DataContext,
  staffNo: string,
  heldId: string
): Promise<{ from: string; to: string }> {
  const clash = (await listNumberClashes(ctx)).find((c) => c.heldId === heldId)
  if (!clash) throw new NumberClashRefusedError('syncPage.clash.gone')
  const to = await nextFreeNo(ctx, clash.no)
  const from = clash.no
  await ctx.writer.transact(staffNo, async (tx) => {
    const local = await complaintById(ctx.db, clash.localId)
    if (local?.no !== from) throw new NumberClashRefusedError('syncPage.clash.gone')
    await tx.update('complaints', clash.localId, { no: to })
    const at = ctx.now()
    await tx.create('events', {
      id: nanoid(),
      subjectId: clash.localId,
      type: 'renumbered',
      at,
      staffNo,
      data: { field: 'complaintNo', from, to }
    })
    await tx.create('events', {
      id: nanoid(),
      subjectId: clash.incomingId,
      type: 'numberClashResolved',
      at,
      staffNo,
      data: { no: from, otherTo: to, other: clash.localId }
    })
  })
  // The held complaint fits now.
  await retryHeldRecords(ctx)
  return { from, to }
}
