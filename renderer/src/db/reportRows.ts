import type { RawReportInput, ServiceRow } from './reportInput'

// The reports worker reads a report's day rows itself, read-only, over its own IndexedDB connection:
// a year's rows (~50 MB of text) then never pass through the UI thread — no copy to the worker, and
// no garbage for the UI thread to collect while the figures are drawn. The writer (writer.ts, the UI
// thread) stays the only one that writes them; the UI thread's report still reads the rows' keys, so
// a live 总览 is told of every change to them (reports.ts).

/** Which rows a report reads: local dates (YYYY-MM-DD), inclusive. */
export interface RowSpec {
  db: string
  complaints: readonly [string, string]
  services: readonly [string, string]
  tasks: readonly [string, string]
}

type Stored = { day: string; lines: string }

/** The key range of the days from `first` to `last` (split days' parts included, dayRows.ts). */
export function dayRange(first: string, last: string): IDBKeyRange {
  return IDBKeyRange.bound(first, `${last}#\uffff`)
}

/** The local date a row belongs to (dayRows.ts dayOfRow). */
const dayOf = (key: string) => (key.includes('#') ? key.slice(0, key.indexOf('#')) : key)

/** Midnight of a local date (YYYY-MM-DD). */
function startOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d).getTime()
}

const connections = new Map<string, Promise<IDBDatabase>>()

function connection(idb: IDBFactory, name: string): Promise<IDBDatabase> {
  let open = connections.get(name)
  if (!open) {
    open = new Promise<IDBDatabase>((resolve, reject) => {
      // no version: the database as the UI thread made it; never created or upgraded from here
      const request = idb.open(name)
      request.onupgradeneeded = () => request.transaction?.abort()
      request.onsuccess = () => {
        const db = request.result
        // the UI thread upgrades the schema or deletes the database: let it, open again next time
        db.onversionchange = () => {
          db.close()
          connections.delete(name)
        }
        resolve(db)
      }
      request.onerror = () => reject(request.error ?? new Error('report rows: open failed'))
      request.onblocked = () => reject(new Error('report rows: open blocked'))
    })
    connections.set(name, open)
    open.catch(() => connections.delete(name))
  }
  return open
}

/** The rows of a report, in one read-only transaction. */
export async function readReportRows(
  idb: IDBFactory,
  spec: RowSpec
): Promise<Omit<RawReportInput, 'served'>> {
  const db = await connection(idb, spec.db)
  const tx = db.transaction(['complaintDays', 'serviceDays', 'taskDays'], 'readonly')
  const all = (store: string, [first, last]: readonly [string, string]) =>
    new Promise<Stored[]>((resolve, reject) => {
      const request = tx.objectStore(store).getAll(dayRange(first, last))
      request.onsuccess = () => resolve(request.result as Stored[])
      request.onerror = () => reject(request.error ?? new Error('report rows: read failed'))
    })
  const [complaints, services, tasks] = await Promise.all([
    all('complaintDays', spec.complaints),
    all('serviceDays', spec.services),
    all('taskDays', spec.tasks)
  ])
  const serviceRows: ServiceRow[] = services.map((row) => ({ at: startOf(dayOf(row.day)), lines: row.lines }))
  return {
    complaintRows: complaints.map((row) => row.lines),
    serviceRows,
    taskRows: tasks.map((row) => row.lines)
  }
}
