import {
  applyMapping,
  cellText,
  customersToXlsx,
  exportFileName,
  parseRoster,
  problemRowsToXlsx,
  type ExistingCustomer,
  type ParsedRoster
} from '@shared/import'
import type { RosterView, WorkerRequest, WorkerResponse, WorkerResults } from './workerProtocol'

// 导入客户 / 导出Excel off the UI thread: reading a 50 000-row workbook, checking every row and
// writing an .xlsx take seconds, which would freeze the page. Pure shared/import code runs here.

/** The worker's global scope (typed here: the renderer's tsconfig has the DOM lib, not the webworker one). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; request: WorkerRequest }>) => void) | null
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void
}

/** The roster being imported (one per worker; a new file replaces it). */
let roster: ParsedRoster | undefined

/** How far below the header a column's sample value is looked for. */
const SAMPLE_ROWS = 50
/** A sample is cut to this many characters (a 10 000-character cell need not cross to the page). */
const SAMPLE_CHARS = 60

function view(r: ParsedRoster, checked: boolean): RosterView {
  const { table, preview, ...rest } = r
  const samples = r.headers.map((_, c) => {
    for (let i = r.headerRow; i < Math.min(table.length, r.headerRow + SAMPLE_ROWS); i++) {
      const text = cellText(table[i]?.[c]).trim()
      if (text) return text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS)}…` : text
    }
    return ''
  })
  const phones = new Set<string>()
  for (const row of preview.rows) for (const p of row.record?.phones ?? []) phones.add(p)
  return {
    ...rest,
    dataRows: preview.counts.total,
    blankRows: preview.counts.blank,
    linesRead: preview.counts.lines,
    samples,
    phones: [...phones],
    ...(checked ? { preview } : {})
  }
}

async function handle(
  req: WorkerRequest
): Promise<{ result: WorkerResults[keyof WorkerResults]; transfer?: Transferable[] }> {
  switch (req.kind) {
    case 'parse': {
      roster = undefined
      // Without owners yet: this pass only finds the phones to look up (see RosterView.phones).
      const parsed = await parseRoster(new Uint8Array(req.bytes), req.fileName, { today: req.today })
      if (!parsed.ok) return { result: parsed }
      roster = parsed
      return { result: { ok: true, roster: view(parsed, false) } }
    }
    case 'validate': {
      if (!roster) throw new Error('no roster loaded')
      const owners = new Map<string, ExistingCustomer>(req.existing)
      const change: { mapping?: typeof roster.mapping; headerRow?: number } = {}
      if (req.mapping) change.mapping = req.mapping
      if (req.headerRow) change.headerRow = req.headerRow
      roster = applyMapping(roster, change, {
        today: req.today,
        lookupExisting: (p) => owners.get(p),
        withoutPhone: req.withoutPhone
      })
      return { result: view(roster, true) }
    }
    case 'export': {
      const bytes = await customersToXlsx(req.rows, req.options)
      return { result: { bytes, fileName: exportFileName(req.day) }, transfer: [bytes.buffer] }
    }
    case 'problemRows': {
      if (!roster) throw new Error('no roster loaded')
      const table = roster.table
      const rows = req.reasons.map(([row, reason]) => ({ cells: table[row - 1] ?? [], reason }))
      const bytes = await problemRowsToXlsx(roster.headers, rows, req.reasonHeader)
      return { result: { bytes }, transfer: [bytes.buffer] }
    }
  }
}

scope.onmessage = (event) => {
  const { id, request } = event.data
  handle(request).then(
    ({ result, transfer }) =>
      scope.postMessage({ id, ok: true, result } satisfies WorkerResponse, transfer ?? []),
    (e: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        error: e instanceof Error ? e.message : String(e)
      } satisfies WorkerResponse)
  )
}
