import { setReportsWorkerStart } from '@/db'

/** 统计报表 count in a worker off the UI thread (renderer/src/db/reportsWorker.ts, bundled by Vite). */
export function startReportsWorker(): void {
  setReportsWorkerStart(
    () => new Worker(new URL('../db/reportsWorker.ts', import.meta.url), { type: 'module' })
  )
}
