import { compute, spent, type ComputeRequest } from './reportsCompute'

// 统计报表's counting off the UI thread: a year of complaints takes a second or more to count, and
// the clerk keeps typing meanwhile (issue 16). Pure code only; no database here.

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

scope.onmessage = (event) => {
  const { id, request } = event.data
  try {
    const result = compute(request)
    scope.postMessage({ id, ok: true, result, spent })
  } catch (e) {
    scope.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) })
  }
}
