import type { Page } from '@playwright/test'

// Generated rows put straight into the app's IndexedDB, behind the writer's back, in one transaction
// per call; the callers then delete the built marks of what the writer derives (tallies, day rows) so
// the app rebuilds them at its next start.

export async function seedRows(page: Page, table: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    ([name, chunk]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction(name as string, 'readwrite')
          const store = tx.objectStore(name as string)
          for (const row of chunk as unknown[]) store.put(row)
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
      }),
    [table, rows] as const
  )
}
