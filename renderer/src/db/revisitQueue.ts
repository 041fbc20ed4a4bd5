import dayjs from 'dayjs'
import {
  attemptsOf,
  callAllowedFrom,
  queueBucket,
  taskState,
  type QueueBucket,
  type RevisitAttempt,
  type RevisitRule,
  type RevisitScript,
  type TaskState
} from '@shared/domain/revisit'
import type { Tier } from '@shared/domain/customer'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { getRevisitScripts, getRevisitSettings } from './revisitSettings'
import { getStoreName } from './setup'
import { getRevisitCampaign } from './revisitCampaigns'
import { complaintById } from './complaintReads'
import { customerById, customersByIds } from './customerReads'

// 今日回访 and what a call needs (docs/revisits.md §4). The queue reads the sparse `_open` index in
// due order (overdue first, then due today, then upcoming), a chunk at a time, joining the live
// customers of the chunk for the tier filter and their current name; it stops at a full page.

type StoredTask = SyncedRecords['revisitTasks']
type StoredCustomer = SyncedRecords['customers']

export interface QueueFilter {
  rule?: RevisitRule
  /** 我负责的客户: the 工号 of the 负责客服 */
  clerk?: string
  tier?: Tier
  bucket?: QueueBucket
}

export interface QueueRow {
  task: StoredTask
  state: TaskState
  bucket: QueueBucket
  /** when it may be called (quiet hours, retry, 改约); ≤ now: now */
  callableAt: number
  /** not callable yet (retry, 改约, quiet hours) */
  waiting: boolean
  customer: Pick<StoredCustomer, 'id' | 'name' | 'phone' | 'tier' | 'assignedClerk'> | undefined
}

const CHUNK = 200

export async function listRevisitQueue(
  ctx: DataContext,
  filter: QueueFilter = {},
  limit = 50
): Promise<QueueRow[]> {
  const now = ctx.now()
  const end = dayjs(now).endOf('day').valueOf()
  // The bucket narrows the index range itself: overdue = due before now, today = up to midnight.
  const lower = filter.bucket === 'today' ? now : filter.bucket === 'upcoming' ? end : -Infinity
  const upper = filter.bucket === 'overdue' ? now : filter.bucket === 'today' ? end : Infinity
  const readChunk = (offset: number, size: number) =>
    ctx.db.revisitTasks
      .where('_open')
      .between(lower, upper, filter.bucket !== 'upcoming', filter.bucket !== 'overdue')
      .offset(offset)
      .limit(size)
      .toArray()
  // The settings and the first chunk together; the first chunk no bigger than the page asked for
  // (unfiltered, it is the page), later ones bigger because a filter is thinning them.
  const [{ quietHours }, first] = await Promise.all([
    getRevisitSettings(ctx),
    readChunk(0, Math.min(CHUNK, limit))
  ])
  const rows: QueueRow[] = []
  let offset = 0
  let chunk = first
  for (;;) {
    if (offset > 0) chunk = await readChunk(offset, CHUNK)
    const size = offset === 0 ? Math.min(CHUNK, limit) : CHUNK
    offset += chunk.length
    const candidates = chunk.filter(
      (t) =>
        (!filter.rule || t.rule === filter.rule) && (filter.clerk === undefined || t.clerk === filter.clerk)
    )
    const customers = await customersByIds(
      ctx.db,
      candidates.map((t) => t.customerId)
    )
    candidates.forEach((task, i) => {
      if (rows.length >= limit) return
      const c = customers[i]
      if (filter.tier && c?.tier !== filter.tier) return
      const state = taskState(task, attemptsOf(task))
      const from = callAllowedFrom(state.nextAt ?? task.windowStart, quietHours, state.chosenByCustomer)
      rows.push({
        task,
        state,
        bucket: queueBucket(task.dueAt, now),
        callableAt: Math.max(from, now),
        waiting: from > now,
        customer: c && !c._deleted ? c : undefined
      })
    })
    if (rows.length >= limit || chunk.length < size) return rows
  }
}

/** 工作台: open tasks overdue and due today, all or one clerk's. */
export async function revisitQueueCounts(
  ctx: DataContext,
  clerk?: string
): Promise<{ overdue: number; today: number }> {
  const now = ctx.now()
  const end = dayjs(now).endOf('day').valueOf()
  const mine = (t: StoredTask) => clerk === undefined || t.clerk === clerk
  const [overdue, today] = await Promise.all([
    ctx.db.revisitTasks.where('_open').below(now).filter(mine).count(),
    ctx.db.revisitTasks.where('_open').between(now, end, true, true).filter(mine).count()
  ])
  return { overdue, today }
}

export interface RevisitCall {
  task: StoredTask
  state: TaskState
  attempts: RevisitAttempt[]
  customer: StoredCustomer | undefined
  /** the complaint a 投诉回访 / 维修回访 comes from */
  complaint: SyncedRecords['complaints'] | undefined
  /** the script of the task's rule (a campaign: the rule it names) */
  script: RevisitScript
  storeName: string
  callableAt: number
}

/** Everything 开始回访 shows; undefined when the task is not there. */
export async function getRevisitCall(ctx: DataContext, id: string): Promise<RevisitCall | undefined> {
  const task = await ctx.db.revisitTasks.get(id)
  if (!task || task._deleted) return undefined
  const [customer, complaint, scripts, settings, storeName, campaign] = await Promise.all([
    customerById(ctx.db, task.customerId),
    task.rule === 'complaint' || task.rule === 'repair' ? complaintById(ctx.db, task.sourceId) : undefined,
    getRevisitScripts(ctx),
    getRevisitSettings(ctx),
    getStoreName(ctx),
    task.rule === 'campaign' ? getRevisitCampaign(ctx, task.sourceId) : undefined
  ])
  const attempts = attemptsOf(task)
  const state = taskState(task, attempts)
  return {
    task,
    state,
    attempts,
    customer,
    complaint,
    // a campaign's own script, else the store's script of the rule it names
    script: campaign?.script ?? scripts[task.campaign?.scriptRule ?? task.rule],
    storeName,
    callableAt: callAllowedFrom(state.nextAt ?? task.windowStart, settings.quietHours, state.chosenByCustomer)
  }
}

export interface TaskWithState {
  task: StoredTask
  state: TaskState
  attempts: RevisitAttempt[]
}

function withState(task: StoredTask): TaskWithState {
  const attempts = attemptsOf(task)
  return { task, state: taskState(task, attempts), attempts }
}

/** A customer's tasks (and of archives merged into it), newest window first. */
export async function revisitTasksOfCustomer(ctx: DataContext, customerId: string): Promise<TaskWithState[]> {
  const customer = await customerById(ctx.db, customerId)
  const ids = [customerId, ...(customer?.mergedFrom ?? [])]
  const rows = await ctx.db.revisitTasks.where('customerId').anyOf(ids).toArray()
  return rows
    .filter((t) => !t._deleted)
    .map(withState)
    .sort((a, b) => b.task.windowStart - a.task.windowStart)
}

/** The tasks a complaint made (投诉回访, 维修回访), newest first. */
export async function revisitTasksOfComplaint(
  ctx: DataContext,
  complaintId: string
): Promise<TaskWithState[]> {
  const rows = await ctx.db.revisitTasks.where('sourceId').equals(complaintId).toArray()
  return rows
    .filter((t) => !t._deleted)
    .map(withState)
    .sort((a, b) => b.task.windowStart - a.task.windowStart)
}
