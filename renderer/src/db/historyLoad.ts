import type { DeskDatabase } from './database'

// The history a usable-first join has still to store (sync/historyLoader.ts loadHistory). Its own module
// so the day-row families (complaintDays.ts, serviceDays.ts) can ask without importing the sync code.

/** meta key of the history still to load (sync/historyLoader.ts HistoryLoad); absent once all is stored */
export const HISTORY_KEY = 'sync.historyLoad'

/** Whether settled history is still being stored: the day rows are not rebuilt meanwhile (the
 *  history's records file no lines as they arrive; the rows are rebuilt once at its end). */
export async function historyPending(db: DeskDatabase): Promise<boolean> {
  return (await db.meta.get(HISTORY_KEY)) !== undefined
}

/** Whether a join still has customers to store (sync/historyLoader.ts HistoryLoad.customersUntil): work on the
 *  whole archive waits for them (customers.ts refuseWhileCustomersLoad). */
export async function customersPending(db: DeskDatabase): Promise<boolean> {
  return customersLeftIn((await db.meta.get(HISTORY_KEY))?.value as HistoryChunks | undefined)
}

/** The part of sync/historyLoader.ts HistoryLoad this needs. */
interface HistoryChunks {
  chunks?: readonly number[]
  customersUntil?: number
}

/** Whether this history list still has customers to store: the chunks are stored in order, so while
 *  the first one left is at or before the last chunk that held customers. */
export function customersLeftIn(history: HistoryChunks | null | undefined): boolean {
  const first = history?.chunks?.[0]
  return history?.customersUntil !== undefined && first !== undefined && first <= history.customersUntil
}
