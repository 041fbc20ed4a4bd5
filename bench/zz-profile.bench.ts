import type { Page } from '@playwright/test'
import { test } from '../tests/e2e/fixtures'
import { finishSetup } from '../tests/e2e/flows'
import { generateComplaints } from './generate'

async function seed(page: Page, rows: unknown[]): Promise<void> {
  await page.evaluate(
    (chunk) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const tx = open.result.transaction(['complaints', 'meta'], 'readwrite')
          for (const row of chunk) tx.objectStore('complaints').put(row)
          tx.objectStore('meta').delete('tallies.built.v2')
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
      }),
    rows
  )
}

test('profile', async ({ page, restartApp }) => {
  await finishSetup(page)
  await seed(page, generateComplaints(20000, { endMs: Date.now(), deviceId: 'bench', staffNo: '8001' }))
  let app = await restartApp()
  await app.waitForFunction(() => performance.getEntriesByName('desk:ready')[0])
  app = await restartApp()
  await app.waitForFunction(() => performance.getEntriesByName('desk:ready')[0])
  await app.waitForTimeout(1000)
  await app.getByRole('menuitem', { name: '投诉处理' }).click()
  await app.getByTestId('status-filter').click()
  await app.getByTitle('已结案').click()
  await app.waitForTimeout(500)
  await app.getByTestId('status-filter').click()
  await app.waitForTimeout(300)
  const raw = await app.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res) => { const o = indexedDB.open('service-desk'); o.onsuccess = () => res(o.result) })
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      await new Promise<void>((res) => {
        const tx = db.transaction('complaints')
        const idx = tx.objectStore('complaints').index('[status+receivedAt]')
        const req = idx.getAll(IDBKeyRange.bound(['rejected', -Infinity], ['rejected', Infinity]), 50)
        req.onsuccess = () => res()
      })
      const t1 = performance.now()
      await new Promise<void>((res) => {
        const tx = db.transaction('complaints')
        const idx = tx.objectStore('complaints').index('[status+receivedAt]')
        const req = idx.openCursor(IDBKeyRange.bound(['rejected', -Infinity], ['rejected', Infinity]), 'prev')
        let n = 0
        req.onsuccess = () => { const c = req.result; if (c && ++n < 50) c.continue(); else res() }
      })
      times.push(t1 - t0, performance.now() - t1)
    }
    db.close()
    return times
  })
  const direct = await app.evaluate(async () => {
    const d = (window as unknown as { __d: { data: unknown; listComplaints: (...a: unknown[]) => Promise<unknown[]>; liveQuery: (f: () => unknown) => { subscribe: (o: { next: (v: unknown) => void }) => { unsubscribe: () => void } } } }).__d
    const out: string[] = []
    for (let i = 0; i < 6; i++) {
      const st = i % 2 ? 'closed' : 'rejected'
      const t0 = performance.now()
      await d.listComplaints(d.data, { status: st, search: '' }, 0, 50)
      const t1 = performance.now()
      await new Promise<void>((res) => { const sub = d.liveQuery(() => d.listComplaints(d.data, { status: st, search: '' }, 0, 50)).subscribe({ next: () => { setTimeout(() => sub.unsubscribe()); res() } }) })
      out.push(`${(t1 - t0).toFixed(1)}/${(performance.now() - t1).toFixed(1)}`)
    }
    return out.join(' ')
  })
  console.log('direct / liveQuery', direct)
  console.log('raw getAll / cursor 50', raw.map((x) => x.toFixed(1)).join(' '))
  for (let i = 0; i < 6; i++) {
    const label = i % 2 ? '已结案' : '不成立'
    await app.getByTestId('status-filter').click()
    await app.waitForTimeout(300)
    const ms = await app.evaluate(async (label) => {
      const longs: string[] = []
      const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) longs.push(`${(e.startTime).toFixed(0)}+${e.duration.toFixed(0)}`) })
      po.observe({ type: 'longtask', buffered: false } as PerformanceObserverInit)
      const t0 = performance.now()
      ;(([...document.querySelectorAll('.ant-select-item-option')].find((e) => (e as HTMLElement).title === label)) as HTMLElement | undefined)?.click()
      let tSel = 0
      while (!document.querySelector('[data-testid=complaint-list] [role=row]')?.textContent?.includes(label)) {
        if (!tSel && document.querySelector('[data-testid=status-filter]')?.textContent?.includes(label)) tSel = performance.now() - t0
        await new Promise((r) => setTimeout(r, 0))
      }
      const total = performance.now() - t0
      await new Promise((r) => setTimeout(r, 50))
      po.disconnect()
      const marks = performance.getEntriesByType('mark').filter((m) => m.startTime >= t0).map((m) => `${m.name}@${(m.startTime - t0).toFixed(1)}`).join(' ')
      return `${marks} | ${total.toFixed(1)} (select ${tSel.toFixed(1)}) t0=${t0.toFixed(0)} long: ${longs.join(' ')}`
    }, label)
    console.log('filter ms', ms)
    await app.waitForTimeout(300)
  }
})
