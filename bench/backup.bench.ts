import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test, expect } from '../tests/e2e/fixtures'
import { finishSetup } from '../tests/e2e/flows'
import { seedRows } from './seed'
import { generateComplaints } from './generate'
import { generateCustomers } from './generateCustomers'
import { serviceKey, withDerived } from '@/db/derived'
import { BACKUP_MEASURES } from '@/db/backup'

// Issue 17 point 4 (数据备份) at store scale, in Chromium with main's real backup service behind the
// bridge: 100 000 customers + 200 000 complaints. Targets: 立即备份 ≤ 30 s from the click to the
// verified backup in the list (fullBackupMs), typing in another field meanwhile p95 key → next frame
// ≤ 100 ms (inputLatencyP95Ms), the read-back check ≤ 15 s (verifyMs), the restore ≤ 60 s with its
// progress shown (restoreMs: 恢复备份 of that backup after a day's worth of changes — a few thousand
// records changed, added and removed since it was made; the restore step itself, after the preview's
// check and the pre-restore backup, which restoreWithPreBackupMs includes). The same backup restored on
// a PC with no data (从备份恢复, every record written) is restoreOnEmptyPcMs, reported next to the part
// of it that is IndexedDB's own puts (restoreOnEmptyPcPutsMs, the floor no restore code can go below).
// What each figure measures: docs/backup.md §8.
// bench/results/backup.json is read, these keys replaced, and written back: auditFirstPageMs (操作日志,
// another slice) survives.
const SCALE = Number(process.env.BENCH_SCALE ?? 1)
const COUNTS = {
  customers: Math.round(100_000 * SCALE),
  complaints: Math.round(200_000 * SCALE)
}
const TARGETS = { fullBackupMs: 30_000, inputLatencyP95Ms: 100, verifyMs: 15_000, restoreMs: 60_000 }
const CHUNK = 20_000
/** Changed since the backup was made, before it is restored (a busy day or two at the counter). */
const SINCE_BACKUP = {
  complaintsChanged: Math.max(20, Math.round(2_000 * SCALE)),
  complaintsAdded: Math.max(10, Math.round(1_000 * SCALE)),
  complaintsRemoved: Math.max(10, Math.round(1_000 * SCALE)),
  customersChanged: Math.max(10, Math.round(1_000 * SCALE))
}
const RESULT = 'bench/results/backup.json'

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] as number
const round = (x: number) => Math.round(x * 10) / 10

test.setTimeout(40 * 60_000)

test('数据备份 at 100 000 customers and 200 000 complaints', async ({
  page,
  restartApp,
  dataDir,
  openSecondPc
}) => {
  await finishSetup(page)
  // Seeding 300 000 records takes longer than the desk's idle minutes (10): the desk would lock while
  // nobody types, and open locked after the restart (as it should: a locked desk stays locked) — the
  // earlier full-scale runs then waited for 工作台 behind 已锁定 until they were stopped. This run
  // measures backups, not the idle lock: 0 = never by itself.
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const lockCard = page.getByTestId('desk-lock-settings')
  await lockCard.getByLabel('无操作自动锁定（分钟）').fill('0')
  await lockCard.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('error-idleMinutes')).toHaveCount(0)
  await expect(lockCard.getByLabel('无操作自动锁定（分钟）')).toHaveValue('0')
  await page.getByRole('menuitem', { name: '工作台' }).click()
  process.env.TZ = 'Asia/Shanghai'
  const now = Date.now()
  const customers = generateCustomers(COUNTS.customers, { deviceId: 'bench', staffNo: '8001', nowMs: now })
  const complaints = generateComplaints(COUNTS.complaints, {
    endMs: now,
    deviceId: 'bench',
    staffNo: '8001'
  }).map((c, i) =>
    withDerived(
      { ...c, customerId: `bc-${(i * 7919) % COUNTS.customers}` },
      serviceKey('complaints', c as unknown as Record<string, unknown>)
    )
  )
  for (const [table, rows] of [
    ['customers', customers],
    ['complaints', complaints]
  ] as const)
    for (let i = 0; i < rows.length; i += CHUNK) await seedRows(page, table, rows.slice(i, i + CHUNK))
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          // The rows were put behind the writer's back: its tallies and day rows are rebuilt at start.
          const tx = open.result.transaction('meta', 'readwrite')
          tx.objectStore('meta').delete('tallies.built.v3')
          for (const family of ['serviceDays', 'taskDays', 'complaintDays'])
            tx.objectStore('meta').delete(IDBKeyRange.bound(`${family}.built.`, `${family}.built.\uffff`))
          tx.oncomplete = () => (open.result.close(), resolve())
        }
      })
  )
  const app = await restartApp()
  // (the tallies and day rows of 300 000 records are rebuilt at this start: minutes on a loaded machine)
  const started = await app.waitForFunction(
    () =>
      performance.getEntriesByName('desk:ready').length > 0
        ? 'ready'
        : document.querySelector('h1,h2,h3,h4')?.textContent === '已锁定'
          ? 'locked'
          : false,
    undefined,
    { timeout: 900_000 }
  )
  // a locked desk never reaches 工作台: said at once instead of waiting out the timeout
  expect(await started.jsonValue(), 'the restarted desk').toBe('ready')

  await app.getByRole('menuitem', { name: '系统设置' }).click()
  const card = app.getByTestId('backup-settings')
  await card.scrollIntoViewIfNeeded()
  // Key → next frame for every keystroke typed while a backup runs (its progress bar is on screen).
  await app.evaluate(() => {
    const w = window as unknown as { __lat: number[] }
    w.__lat = []
    document.addEventListener(
      'input',
      (e) => {
        if (!document.querySelector('[data-testid=backup-settings] .ant-progress')) return
        const at = e.timeStamp
        requestAnimationFrame(() => w.__lat.push(performance.now() - at))
      },
      true
    )
  })
  const t0 = Date.now()
  await card.getByRole('button', { name: '立即备份' }).click()
  const storeName = app.getByLabel('门店名称', { exact: true })
  await storeName.click()
  // Type (unsaved) while the progress bar shows; stop when it is gone.
  while ((await card.locator('.ant-progress').count()) > 0) await app.keyboard.type('x', { delay: 20 })
  await expect(card.getByTestId('backup-list')).toContainText('✓ 已校验', { timeout: 300_000 })
  const fullBackupMs = Date.now() - t0
  const latencies = await app.evaluate(() => (window as unknown as { __lat: number[] }).__lat)
  // (a tiny run may finish before a key is typed; at store scale there are many)
  if (SCALE >= 0.1) expect(latencies.length).toBeGreaterThan(3)

  // Then work goes on: records changed, added and removed since the backup (put behind the writer's
  // back, as the seeding was; the restore compares stored rows with the backup's, whoever wrote them).
  const sample = await app.evaluate(
    ([since, nComplaints, nCustomers]) =>
      new Promise<{ changedComplaint: string; changedCustomer: string; removed: string; added: string }>(
        (resolve, reject) => {
          const open = indexedDB.open('service-desk')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction(['complaints', 'customers'], 'readwrite')
            const complaints = tx.objectStore('complaints')
            const customers = tx.objectStore('customers')
            // spread over the whole table (every 97th record from a start), not one batch
            const pick = (n: number, count: number, from: number) =>
              Array.from({ length: count }, (_, i) => (from + i * 97) % n)
            for (const i of pick(nComplaints, since.complaintsChanged, 0)) {
              const get = complaints.get(`bench-${i}`)
              get.onsuccess = () => {
                const row = get.result as { content: string }
                complaints.put({ ...row, content: `${row.content}（顾客来电补充）` })
              }
            }
            for (const i of pick(nComplaints, since.complaintsRemoved, 50)) complaints.delete(`bench-${i}`)
            for (const [k, i] of pick(nComplaints, since.complaintsAdded, 30).entries()) {
              const get = complaints.get(`bench-${i}`)
              get.onsuccess = () => {
                const row = get.result as { id: string; no: string } | undefined
                if (row) complaints.put({ ...row, id: `bench-new-${k}`, no: `${row.no}-N${k}` })
              }
            }
            for (const i of pick(nCustomers, since.customersChanged, 10)) {
              const get = customers.get(`bc-${i}`)
              get.onsuccess = () => {
                const row = get.result as { tags: string[] }
                customers.put({ ...row, tags: [...row.tags, '已回访'] })
              }
            }
            tx.oncomplete = () => {
              db.close()
              resolve({
                changedComplaint: 'bench-0',
                changedCustomer: 'bc-10',
                removed: 'bench-50',
                added: 'bench-new-0'
              })
            }
            tx.onerror = () => reject(tx.error)
          }
        }
      ),
    [SINCE_BACKUP, COUNTS.complaints, COUNTS.customers] as const
  )
  const rowsOf = (keys: typeof sample) =>
    app.evaluate(
      (k) =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('service-desk')
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction(['complaints', 'customers'])
            const out: string[] = []
            const read = (store: string, key: string, i: number) => {
              const get = tx.objectStore(store).get(key)
              get.onsuccess = () => (out[i] = JSON.stringify(get.result ?? null))
            }
            read('complaints', k.changedComplaint, 0)
            read('customers', k.changedCustomer, 1)
            read('complaints', k.removed, 2)
            read('complaints', k.added, 3)
            tx.oncomplete = () => (db.close(), resolve(out))
          }
        }),
      keys
    )
  const changed = await rowsOf(sample)
  expect(changed[0]).toContain('顾客来电补充')
  expect(changed[1]).toContain('已回访')
  expect(changed[2]).toBe('null')
  expect(changed[3]).not.toBe('null')

  // 恢复备份 of that backup: the preview checks it, then the current data is backed up and it is restored.
  await card.getByTestId('backup-list').getByRole('button', { name: '恢复备份' }).click()
  const preview = app.getByRole('dialog', { name: '恢复备份？' })
  await expect(preview.getByTestId('backup-preview-facts')).toContainText(
    `客户 ${COUNTS.customers}，投诉 ${COUNTS.complaints}`,
    { timeout: 300_000 }
  )
  const r0 = Date.now()
  await preview.getByRole('button', { name: '恢复', exact: true }).click()
  await expect(preview.locator('.ant-progress')).toBeVisible({ timeout: 300_000 })
  await expect(preview).toHaveCount(0, { timeout: 600_000 })
  const restoreWithPreBackupMs = Date.now() - r0
  // the data is the backup's again: what changed since is undone, what was added gone, what was removed back
  const restored = await rowsOf(sample)
  expect(restored[0]).not.toContain('顾客来电补充')
  expect(restored[1]).not.toContain('已回访')
  expect(restored[2]).not.toBe('null')
  expect(restored[3]).toBe('null')

  const measures = await app.evaluate((names) => {
    const out: Record<string, number[]> = {}
    for (const [key, name] of Object.entries(names))
      out[key] = performance.getEntriesByName(name).map((e) => Math.round(e.duration))
    return out
  }, BACKUP_MEASURES)
  console.log(JSON.stringify(measures))
  const steps = (p: typeof app) =>
    p.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((e) => e.name.startsWith('desk:restore') || e.name.startsWith('desk:backup'))
        .map((e) => {
          const detail = (e as PerformanceMeasure).detail as unknown
          return `${e.name} ${Math.round(e.duration)}${detail ? ` ${JSON.stringify(detail)}` : ''}`
        })
    )
  console.log(JSON.stringify(await steps(app)))
  // the restore's steps (desk:restore-*, backup.ts): reading the file, deleting, comparing and putting
  const restoreSteps = (p: typeof app) =>
    p.evaluate(() => {
      const out = { readMs: 0, deleteMs: 0, putsMs: 0, rowsWritten: 0, tailMs: 0 }
      for (const e of performance.getEntriesByType('measure')) {
        if (e.name === 'desk:restore-read') out.readMs += e.duration
        else if (e.name === 'desk:restore-clear') out.deleteMs += e.duration
        else if (e.name === 'desk:restore-tail') out.tailMs += e.duration
        else if (e.name.startsWith('desk:restore-put:')) {
          out.putsMs += e.duration
          out.rowsWritten += ((e as PerformanceMeasure).detail as { written?: number } | null)?.written ?? 0
        }
      }
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]))
    })
  const restoreParts = await restoreSteps(app)
  const fileSize = await app.evaluate(async () => {
    const listed = (await (
      window.desk as unknown as {
        backupList: (a: undefined) => Promise<{ value: { entries: { size: number }[] } }>
      }
    ).backupList(undefined)) as { value: { entries: { size: number }[] } }
    return listed.value.entries[0]?.size ?? 0
  })

  const figures = {
    ...COUNTS,
    fullBackupMs,
    inputLatencyP95Ms: latencies.length ? round(p95(latencies)) : 0,
    verifyMs: measures.verify?.[0] ?? -1,
    restoreMs: measures.restore?.[0] ?? -1,
    buildMs: measures.build?.[0] ?? -1,
    storeMs: measures.store?.[0] ?? -1,
    restoreWithPreBackupMs,
    restoreParts,
    changedSinceBackup: SINCE_BACKUP,
    backupBytes: fileSize,
    keystrokes: latencies.length,
    targets: TARGETS,
    measuredAt: new Date().toISOString()
  }
  const save = (extra: Record<string, unknown>) => {
    console.log(JSON.stringify({ ...figures, ...extra }, null, 2))
    if (SCALE !== 1) return
    // read-modify-write: keys of other slices (auditFirstPageMs) stay
    const previous = existsSync(RESULT)
      ? (JSON.parse(readFileSync(RESULT, 'utf8')) as Record<string, unknown>)
      : {}
    const previousTargets = (previous.targets as Record<string, number> | undefined) ?? {}
    mkdirSync('bench/results', { recursive: true })
    writeFileSync(
      RESULT,
      JSON.stringify(
        { ...previous, ...figures, ...extra, targets: { ...previousTargets, ...TARGETS } },
        null,
        2
      ) + '\n'
    )
  }
  // saved before the last part, so a run stopped there keeps its figures
  save({})

  // The same backup restored on a PC with no data (从备份恢复 on a replacement PC's first run): every
  // record is written, nothing can be skipped — the restore's worst case.
  const listed = (await app.evaluate(() =>
    (
      window.desk as unknown as {
        backupList: (a: undefined) => Promise<{ value: { entries: { id: string; reason: string }[] } }>
      }
    ).backupList(undefined)
  )) as { value: { entries: { id: string; reason: string }[] } }
  const manual = listed.value.entries.find((e) => e.reason === 'manual')
  const b = await openSecondPc()
  await expect(b.page.getByText('欢迎使用门店客服台')).toBeVisible({ timeout: 60_000 })
  b.desk.pickFileNext(path.join(dataDir.servicesDir, 'backups', `${manual?.id}.sdbak`))
  await b.page.getByRole('button', { name: '从备份恢复' }).click()
  const firstRun = b.page.getByRole('dialog', { name: '恢复备份？' })
  await expect(firstRun.getByTestId('backup-preview-facts')).toContainText(
    `客户 ${COUNTS.customers}，投诉 ${COUNTS.complaints}`,
    { timeout: 300_000 }
  )
  await firstRun.getByRole('button', { name: '恢复', exact: true }).click()
  await expect(b.page.getByText('欢迎使用门店客服台')).toHaveCount(0, { timeout: 900_000 })
  const emptyMeasures = await b.page.evaluate(
    (name) => performance.getEntriesByName(name).map((e) => Math.round(e.duration)),
    BACKUP_MEASURES.restore
  )
  console.log(JSON.stringify(await steps(b.page)))

  const emptyParts = await restoreSteps(b.page)
  save({
    restoreOnEmptyPcMs: emptyMeasures[0] ?? -1,
    restoreOnEmptyPcPutsMs: emptyParts.putsMs ?? -1,
    restoreOnEmptyPcParts: emptyParts
  })
  for (const [key, target] of Object.entries(TARGETS))
    expect(figures[key as keyof typeof TARGETS], key).toBeLessThanOrEqual(target)
})
