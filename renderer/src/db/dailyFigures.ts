import {
  checkDailyFigure,
  figuresReplaced,
  isValidFigure,
  parseDailyFigures,
  type Cell,
  type DailyFigure,
  type DailyFigureForm,
  type FigureColumn,
  type FigureProblem
} from '@shared/domain/metrics/dailyFigures'
import { SERVED_SOURCES, type ServedSource } from '@shared/domain/metrics/rates'
import type { ServedFigures } from '@shared/domain/metrics/report'
import type { DataContext } from './context'
import type { SyncedRecords } from './schema'
import { getStaffByNo } from './staff'
import { REPORT_SETTINGS_ID } from './reportAnomalies'

// 客流数据 (issue 16, docs/metrics.md §6a): the daily 客流 / 成交笔数 figures and the setting that says
// whether 服务投诉率's customers served come from them. Decisions:
// - One synced record per date in the table `dailyFigures` (schema v13): id = the date, fields
//   `date`, `footfall`, `transactions` (null = not entered). Per-field merge, so one PC entering a
//   day's 客流 and another its 成交笔数 keep both; reading a month is a key range of ~31 records.
// - The setting is the field `servedFrom` of the synced settings record 'reports' (the anomaly
//   thresholds' record; one field each, so the two edits merge). Absent = the counter log.
// - Entering, importing and the setting are an active 客服经理's: refused in the data layer for anyone
//   else ('reports.figuresPage.managerOnly'), nothing written.
// - A file is parsed again here with the pure parser (the screen's preview used the same): any
//   problem refuses the whole file and nothing is written. A day whose stored figure would change is
//   written only when the caller names it in `replaceDates` (the user confirmed it); otherwise the
//   whole write is refused with those dates ('reports.figuresPage.unconfirmed'), so a stale preview
//   never overwrites a figure another PC entered meanwhile.
// - An empty figure is "not entered": it is no field of the write, so the stored one stays as it is
//   (mergeFigure), here and on the other PCs.

export class DailyFiguresRefusedError extends Error {
  constructor(
    message: string,
    /** the file's or the form's problems (per row and column) */
    readonly problems: readonly FigureProblem[] = [],
    /** the days a write would change without confirmation */
    readonly dates: readonly string[] = []
  ) {
    super(message)
  }
}

type StoredFigure = SyncedRecords['dailyFigures']

function figureOf(r: StoredFigure | undefined): DailyFigure | null {
  if (!r || r._deleted) return null
  const f = { date: r.date, footfall: r.footfall ?? null, transactions: r.transactions ?? null }
  return isValidFigure(f) ? f : null
}

/** The stored figures of the dates first..last (YYYY-MM-DD, inclusive), by date. */
export async function listDailyFigures(
  ctx: DataContext,
  first: string,
  last: string
): Promise<DailyFigure[]> {
  if (last < first) return []
  const rows = await ctx.db.dailyFigures.where('id').between(first, last, true, true).toArray()
  return rows.flatMap((r) => {
    const f = figureOf(r)
    return f ? [f] : []
  })
}

export function readServedFrom(stored: SyncedRecords['settings'] | undefined): ServedSource {
  if (stored?.id !== REPORT_SETTINGS_ID || stored._deleted) return 'counterLog'
  const v = (stored as { servedFrom?: unknown }).servedFrom
  return SERVED_SOURCES.find((s) => s === v) ?? 'counterLog'
}

export async function getServedFrom(ctx: DataContext): Promise<ServedSource> {
  return readServedFrom(await ctx.db.settings.get(REPORT_SETTINGS_ID))
}

/** What 服务投诉率 counts customers served from for the dates first..last: the figures when the setting
 *  says so, else undefined (the counter log). */
export async function servedFigures(
  ctx: DataContext,
  first: string,
  last: string
): Promise<ServedFigures | undefined> {
  const from = await getServedFrom(ctx)
  if (from === 'counterLog') return undefined
  return { from, figures: await listDailyFigures(ctx, first, last) }
}

async function mustBeManager(ctx: DataContext, staffNo: string): Promise<void> {
  const who = await getStaffByNo(ctx, staffNo)
  if (!who?.active || who.role !== 'manager')
    throw new DailyFiguresRefusedError('reports.figuresPage.managerOnly')
}

/** 服务投诉率口径: where customers served come from (客服经理 only). */
export async function saveServedFrom(ctx: DataContext, staffNo: string, from: ServedSource): Promise<void> {
  if (!SERVED_SOURCES.includes(from)) throw new DailyFiguresRefusedError('reports.figuresPage.badSource')
  await ctx.writer.transact(staffNo, async (tx) => {
    await mustBeManager(ctx, staffNo)
    if (await ctx.db.settings.get(REPORT_SETTINGS_ID))
      await tx.update('settings', REPORT_SETTINGS_ID, { servedFrom: from } as never)
    else await tx.create('settings', { id: REPORT_SETTINGS_ID, servedFrom: from })
  })
}

export interface FiguresWritten {
  /** days written */
  written: number
  /** days whose stored figure was replaced */
  replaced: string[]
}

/** Writes the figures (already checked) in the caller's transaction, after the manager and the
 *  replacement checks; throws before the first write. */
async function writeFigures(
  ctx: DataContext,
  staffNo: string,
  figures: readonly DailyFigure[],
  replaceDates: readonly string[]
): Promise<FiguresWritten> {
  return ctx.writer.transact(staffNo, async (tx) => {
    await mustBeManager(ctx, staffNo)
    const stored = await ctx.db.dailyFigures.bulkGet(figures.map((f) => f.date))
    const before = stored.flatMap((r) => {
      const f = figureOf(r)
      return f ? [f] : []
    })
    const replaced = figuresReplaced(before, figures)
    const confirmed = new Set(replaceDates)
    const unconfirmed = replaced.filter((d) => !confirmed.has(d))
    if (unconfirmed.length > 0)
      throw new DailyFiguresRefusedError('reports.figuresPage.unconfirmed', [], unconfirmed)
    for (const [i, f] of figures.entries()) {
      // only the figures entered are written: an empty one is no field at all, so another PC's
      // figure of the same day (per-field merge) is never overwritten by a "not entered"
      const entered = {
        ...(f.footfall !== null ? { footfall: f.footfall } : {}),
        ...(f.transactions !== null ? { transactions: f.transactions } : {})
      }
      const record = stored[i]
      if (record)
        await tx.update('dailyFigures', f.date, {
          ...entered,
          ...(record._deleted ? { _deleted: 0 } : {})
        } as never)
      else await tx.create('dailyFigures', { id: f.date, date: f.date, ...entered })
    }
    return { written: figures.length, replaced }
  })
}

/** One day typed by hand. Refused with the form's problems (each with its column), for anyone but a
 *  manager, and when it would change a stored figure without `replace`. */
export async function saveDailyFigure(
  ctx: DataContext,
  staffNo: string,
  form: DailyFigureForm,
  replace: boolean
): Promise<FiguresWritten> {
  const checked = checkDailyFigure(form)
  if (!checked.ok)
    throw new DailyFiguresRefusedError(
      checked.problems[0]?.code ?? 'reports.figures.badDate',
      checked.problems.map((p) => ({ row: 1, column: p.column as FigureColumn | null, code: p.code }))
    )
  return writeFigures(ctx, staffNo, [checked.figure], replace ? [checked.figure.date] : [])
}

/** A file's rows (as read from the sheet), all or nothing: parsed with the pure parser; any problem
 *  refuses the whole file ('reports.figuresPage.fileRefused' with the problems). */
export async function importDailyFigures(
  ctx: DataContext,
  staffNo: string,
  rows: readonly (readonly Cell[])[],
  replaceDates: readonly string[]
): Promise<FiguresWritten> {
  const parsed = parseDailyFigures(rows)
  if (!parsed.ok) throw new DailyFiguresRefusedError('reports.figuresPage.fileRefused', parsed.problems)
  return writeFigures(ctx, staffNo, parsed.figures, replaceDates)
}

/** The days of a parsed file whose stored figure an import would change (for the preview). */
export async function figuresToReplace(ctx: DataContext, figures: readonly DailyFigure[]): Promise<string[]> {
  const stored = await ctx.db.dailyFigures.bulkGet(figures.map((f) => f.date))
  return figuresReplaced(
    stored.flatMap((r) => {
      const f = figureOf(r)
      return f ? [f] : []
    }),
    figures
  )
}
