import { compute, spent, type ComputeRequest } from './reportsCompute'
import { readReportRows } from './reportRows'

// 统计报表's reading and counting off the UI thread: a year of complaints takes a second or more to
// count, and the clerk keeps typing meanwhile (issue 16). The worker reads the report's day rows itself
// (read-only, reportRows.ts) and counts with pure code; it never writes.

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; request: ComputeRequest }>) => void) | null
  postMessage(message: {
    id: number
    ok: boolean
    result?: unknown
    error?: string
    spent?: typeof spent
  }): void
}

/** The request with its rows read (a fresh input names the rows, a kept one only its id). */
async function withRows(request: ComputeRequest): Promise<ComputeRequest> {
  const source = request.input.source
  if (!source) return request
  const rows = await readReportRows(indexedDB, source.spec)
  const raw = { ...rows, ...(source.served ? { served: source.served } : {}) }
  return { ...request, input: { id: request.input.id, raw } }
}

// one request at a time, in order: a drill-down asked while its report's rows are being read waits
// for them instead of finding no input
let queue: Promise<void> = Promise.resolve()

scope.onmessage = (event) => {
  const { id, request } = event.data
  queue = queue.then(async () => {
    try {
      const t0 = performance.now()
      const ready = await withRows(request)
      const read = performance.now() - t0
      const result = compute(ready)
      scope.postMessage({ id, ok: true, result, spent: { ...spent, read } })
    } catch (e) {
      scope.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) })
    }
  })
}
