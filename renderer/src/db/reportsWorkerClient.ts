import { RowMirror } from './rowMirror'
import { compute, INPUT_GONE, spent, type ComputeRequest, type InputRef } from './reportsCompute'
import type { RawReportInput, SentReportInput } from './reportInput'

// One worker for the reports, made on first use. Where there is none (tests in Node) or it fails to
// load, the counting runs inline: the same code, only on this thread.
let worker: Worker | null | undefined
let nextId = 1
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()

// How to start it is the app's (renderer/src/app/reportsWorker.ts): the data layer names no module URL,
// so it also loads where `import.meta` cannot be used (Node: the benchmarks' CommonJS loader).
let startWorker: (() => Worker) | null = null

/** The app's way to start the reports worker; until it is given, reports count inline. */
export function setReportsWorkerStart(start: () => Worker): void {
  startWorker = start
  worker = undefined
}

function reportsWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (!startWorker) return null
  try {
    const w = startWorker()
    w.onmessage = (
      event: MessageEvent<{ id: number; ok: boolean; result?: unknown; error?: string; spent?: typeof spent }>
    ) => {
      if (event.data.spent) Object.assign(spent, event.data.spent)
      const call = waiting.get(event.data.id)
      if (!call) return
      waiting.delete(event.data.id)
      if (event.data.ok) call.resolve(event.data.result)
      else call.reject(new Error(event.data.error))
    }
    w.onerror = (event) => {
      event.preventDefault()
      worker = null
      for (const call of waiting.values()) call.reject(new Error('reports worker failed'))
      waiting.clear()
    }
    return (worker = w)
  } catch {
    return (worker = null)
  }
}

// what crossed to the worker, per row key (rowMirror.ts)
const mirrors = { complaints: new RowMirror(), services: new RowMirror(), tasks: new RowMirror() }

/** A fresh input as it crosses to the worker: rows it already holds as null. */
function crossing(raw: RawReportInput): SentReportInput | RawReportInput {
  const keys = raw.rowKeys
  if (!keys) return raw
  const services = mirrors.services.encode(
    keys.services,
    raw.serviceRows.map((row) => row.lines)
  )
  return {
    ...raw,
    complaintRows: mirrors.complaints.encode(keys.complaints, raw.complaintRows),
    serviceRows: raw.serviceRows.map((row, i) => ({ at: row.at, lines: services[i] ?? null })),
    taskRows: mirrors.tasks.encode(keys.tasks, raw.taskRows)
  }
}

export async function run(request: ComputeRequest): Promise<ReturnType<typeof compute>> {
  const w = reportsWorker()
  if (!w) return compute(request)
  const id = nextId++
  const raw = request.input.raw
  try {
    const wire = raw
      ? { ...request, input: { ...request.input, raw: crossing(raw as RawReportInput) } }
      : request
    return await new Promise((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      w.postMessage({ id, request: wire })
    })
  } catch (e) {
    if (e instanceof Error && e.message === INPUT_GONE) throw e
    // the worker lacks rows, could not count or failed to load: start the crossing afresh, and count
    // here rather than show nothing
    for (const mirror of Object.values(mirrors)) mirror.reset()
    return compute(request)
  }
}

let inputSerial = 0
/** A fresh input, sent with its rows. */
export function sent(raw: RawReportInput): InputRef {
  return { id: `${Date.now()}-${++inputSerial}`, raw }
}

/** Where a report's time went (read from IndexedDB / counted in the worker), as performance entries
 *  for the benchmark; a few dozen kept. */
export const REPORT_READ_MEASURE = 'desk:report-read'
export const REPORT_COUNT_MEASURE = 'desk:report-count'
export const REPORT_DRILL_MEASURE = 'desk:report-drill'
export function timing(kind: string, start: number, read: number, raw: RawReportInput): void {
  for (const name of [REPORT_READ_MEASURE, REPORT_COUNT_MEASURE, REPORT_DRILL_MEASURE])
    if (performance.getEntriesByName(name).length > 50) performance.clearMeasures(name)
  const detail = {
    kind,
    complaintRows: raw.complaintRows.length,
    serviceRows: raw.serviceRows.length,
    taskRows: raw.taskRows.length,
    // of the count: parsing the rows and counting in the worker (the rest: crossing to it and back)
    prepareMs: Math.round(spent.prepare),
    countMs: Math.round(spent.count)
  }
  performance.measure(REPORT_READ_MEASURE, { start, end: read, detail })
  performance.measure(REPORT_COUNT_MEASURE, { start: read, end: performance.now(), detail })
}

/** A drill-down answered from a kept input: its time, for the benchmark. */
export function drillTiming(asked: number, refs: number): void {
  performance.measure(REPORT_DRILL_MEASURE, {
    start: asked,
    end: performance.now(),
    detail: { refs, prepareMs: Math.round(spent.prepare), countMs: Math.round(spent.count) }
  })
}
