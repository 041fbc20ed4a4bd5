import { useEffect } from 'react'
import { type Data } from '@/db'
import { useSync } from './syncStore'

const SWEEP_EVERY_MS = 60 * 60_000
/** Marked when a sweep ends: the benchmark measures the desk once start-up's background work is done. */
export const SWEEP_DONE_MARK = 'desk:revisit-sweep-done'

/** 回访 (docs/revisits.md §3): tasks that come due by the calendar — a key account's next period —
 *  are derived at start and hourly; ids are deterministic, so a sweep repeated (or run on two PCs)
 *  makes nothing twice. Batched in the data layer, so the desk stays responsive. On a joining PC, once
 *  its history is stored: a sweep over customers put off while they were loading runs then. */
export function useRevisitSweep(data: Data): void {
  useEffect(() => {
    let running = false
    const sweep = async () => {
      if (running) return
      running = true
      try {
        await data.write.generateRevisitTasks(['keyAccount'])
      } catch (e) {
        console.error('[desk] follow-up sweep failed', e)
      } finally {
        running = false
        performance.mark(SWEEP_DONE_MARK)
      }
    }
    // After start-up has settled: never in the way of the first screen.
    const first = setTimeout(() => void sweep(), 10_000)
    const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS)
    const loaded = useSync.subscribe((s, before) => {
      if (before.status.history && !s.status.history) void sweep()
    })
    return () => {
      clearTimeout(first)
      clearInterval(timer)
      loaded()
    }
  }, [data])
}
