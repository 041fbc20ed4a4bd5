// Checks the e2e harness itself against the built renderer: window.desk shape, the real services
// behind it, persistence across an app restart, typed errors and fault injection.
import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import path from 'node:path'
import type { DeviceInfo } from '@shared/ipc/contract'
import type { DeskResult } from '@shared/ipc/errors'
import { deskMethods } from '@shared/ipc/methods'
import { expect, screenshot, test } from './fixtures'
import { startStaticServer } from './host/staticServer'

async function getDevice(page: Page): Promise<DeskResult<DeviceInfo>> {
  return page.evaluate(() => window.desk!.getDevice(undefined))
}

function valueOf<T>(result: DeskResult<T>): T {
  if (!result.ok) throw new Error(`desk call failed: ${JSON.stringify(result.error)}`)
  return result.value
}

test.describe('e2e harness', () => {
  test('window.desk exposes exactly the contract methods and nothing generic', async ({ page }) => {
    const shape = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      const desk = w.desk as Record<string, unknown>
      return {
        keys: Object.getOwnPropertyNames(desk).sort(),
        allFunctions: Object.values(desk).every((v) => typeof v === 'function'),
        frozen: Object.isFrozen(desk),
        globals: {
          ipcRenderer: typeof w.ipcRenderer,
          electron: typeof w.electron,
          require: typeof w.require,
          process: typeof w.process,
          deskInvoke: typeof w.__deskInvoke,
          deskInvokeOnDesk: typeof desk.invoke
        },
        replaceable: (() => {
          try {
            w.desk = {}
          } catch {
            // strict-mode code would throw; either way it must not change
          }
          return w.desk !== desk
        })()
      }
    })
    expect(shape.keys).toEqual([...deskMethods].sort())
    expect(shape.allFunctions).toBe(true)
    expect(shape.frozen).toBe(true)
    expect(shape.replaceable).toBe(false)
    expect(shape.globals).toEqual({
      ipcRenderer: 'undefined',
      electron: 'undefined',
      require: 'undefined',
      process: 'undefined',
      deskInvoke: 'undefined',
      deskInvokeOnDesk: 'undefined'
    })
    await screenshot(page, 'harness-app-start')
  })

  test('getDevice and getAppInfo reach the real services', async ({ page, desk }) => {
    const device = valueOf(await getDevice(page))
    expect(device.deviceId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(device.deviceName).toBe('KEFU-PC-01')
    expect(device.hostname).toBe('KEFU-PC-01')
    expect(device.deviceCode).toMatch(/^[A-Z][0-9A-Z]$/)

    const app = valueOf(await page.evaluate(() => window.desk!.getAppInfo(undefined)))
    expect(app.host).toBe('test-host')
    expect(app.platform).toBe(process.platform)
    expect(app.appVersion).toMatch(/^\d+\.\d+\.\d+/)

    expect(desk.calls.some((c) => c.method === 'getDevice' && c.ok && c.from === 'page')).toBe(true)
  })

  test('device identity and IndexedDB survive restartApp', async ({ page, restartApp, dataDir }) => {
    const before = valueOf(await getDevice(page))
    const renamed = valueOf(
      await page.evaluate(() => window.desk!.updateDevice({ deviceName: '前台一号机', deviceCode: 'b7' }))
    )
    expect(renamed).toMatchObject({ deviceId: before.deviceId, deviceName: '前台一号机', deviceCode: 'B7' })

    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('e2e-harness-scratch', 1)
        req.onupgradeneeded = () => req.result.createObjectStore('kv')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('kv', 'readwrite')
        tx.objectStore('kv').put({ text: '投诉 TS-20261122-A3-007' }, 'probe')
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    })

    const page2 = await restartApp()
    expect(page.isClosed()).toBe(true)
    expect(page2.isClosed()).toBe(false)

    const after = valueOf(await getDevice(page2))
    expect(after).toEqual({ ...before, deviceName: '前台一号机', deviceCode: 'B7' })

    const stored = await page2.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('e2e-harness-scratch', 1)
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      const value = await new Promise<unknown>((resolve, reject) => {
        const req = db.transaction('kv', 'readonly').objectStore('kv').get('probe')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      db.close()
      return value
    })
    expect(stored).toEqual({ text: '投诉 TS-20261122-A3-007' })
    expect(dataDir.servicesDir).toBeTruthy()
    await screenshot(page2, 'harness-after-restart')
  })

  test('main rejects a bad argument with a typed invalid-argument error', async ({ page, desk }) => {
    const result = await page.evaluate(() => window.desk!.updateDevice({ deviceName: '', deviceCode: '!!' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-argument')
    const paths = (result.error.issues ?? []).map((issue) => issue.path).sort()
    expect(paths).toEqual(['deviceCode', 'deviceName'])
    for (const issue of result.error.issues ?? []) expect(issue.message).toMatch(/^validation\./)

    // Nothing was stored: the device keeps its default name.
    expect(valueOf(await getDevice(page)).deviceName).toBe('KEFU-PC-01')
    // An unknown method (only reachable by a test, not through window.desk) is typed as well.
    const unknown = await desk.invoke('deleteEverything', {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })

  test('corruptNextCall garbles exactly one call; the next one succeeds', async ({ page, desk }) => {
    // updateDevice: the app never calls it on its own, so no background call can take the fault.
    const rename = () =>
      page.evaluate(() => window.desk!.updateDevice({ deviceName: '前台二号机', deviceCode: 'C3' }))
    desk.corruptNextCall('updateDevice', { deviceName: ['x'], path: '../../etc/passwd' })
    const bad = await rename()
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })

    const good = await rename()
    expect(good).toMatchObject({ ok: true, value: { deviceName: '前台二号机', deviceCode: 'C3' } })

    const log = desk.calls.filter((c) => c.method === 'updateDevice')
    expect(log.map((c) => [c.corrupted, c.ok])).toEqual([
      [true, false],
      [false, true]
    ])
    expect(log[0]?.arg).toEqual({ deviceName: ['x'], path: '../../etc/passwd' })
    await screenshot(page, 'harness-after-corrupted-call')
  })

  test('a page from another origin gets forbidden-sender, like main refuses foreign senders', async ({
    page,
    appServer
  }) => {
    // Same files, another port = another origin (stands in for any foreign page).
    const foreign = await startStaticServer(appServer.root)
    try {
      await page.goto(foreign.url)
      const result = await page.evaluate(() => window.desk!.getDevice(undefined))
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    } finally {
      await foreign.close()
    }
    await page.goto(appServer.url)
    expect((await getDevice(page)).ok).toBe(true)
  })

  test('arguments cross as JSON: undefined stays undefined, non-plain data is flattened', async ({
    page,
    desk
  }) => {
    await page.evaluate(() => window.desk!.getDevice(undefined))
    expect(desk.calls.at(-1)).toMatchObject({ method: 'getDevice', arg: undefined, ok: true })

    const result = await page.evaluate(() =>
      window.desk!.updateDevice({
        deviceName: '柜台',
        deviceCode: 'C2',
        // a function and a Date: JSON drops the first and turns the second into a string
        extra: () => 1,
        when: new Date(0)
      } as never)
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(desk.calls.at(-1)?.arg).toEqual({
      deviceName: '柜台',
      deviceCode: 'C2',
      when: '1970-01-01T00:00:00.000Z'
    })
  })

  test('file bytes cross as Uint8Array both ways, every byte value intact', async ({
    page,
    desk,
    shareDir
  }) => {
    expect(await desk.invoke('shareChooseRoot')).toMatchObject({ ok: true, value: { root: shareDir } })
    const back = await page.evaluate(async () => {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
      const written = await window.desk!.shareWriteNew({ path: 'bytes.bin', bytes })
      const read = await window.desk!.shareRead({ path: 'bytes.bin' })
      return {
        written: written.ok,
        isBytes: read.ok && read.value.bytes instanceof Uint8Array,
        values: read.ok ? [...read.value.bytes] : []
      }
    })
    expect(back).toEqual({ written: true, isBytes: true, values: Array.from({ length: 256 }, (_, i) => i) })
    // main received a Uint8Array, not the wire's base64
    const call = desk.calls.find((c) => c.method === 'shareWriteNew')
    expect((call?.arg as { bytes: unknown }).bytes).toBeInstanceOf(Uint8Array)
    expect(await readFile(path.join(shareDir, 'bytes.bin'))).toEqual(
      Buffer.from(Array.from({ length: 256 }, (_, i) => i))
    )
  })

  test.describe('fresh data per test', () => {
    test.describe.configure({ mode: 'serial' })
    let firstId: string | undefined

    test('first test mints a device', async ({ page }) => {
      firstId = valueOf(await getDevice(page)).deviceId
      expect(firstId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    })

    test('the next test gets a different device', async ({ page }) => {
      expect(firstId).toBeDefined()
      expect(valueOf(await getDevice(page)).deviceId).not.toBe(firstId)
    })
  })

  test('openSecondPc is another PC with its own identity', async ({ page, desk, openSecondPc, shareDir }) => {
    const first = valueOf(await getDevice(page))
    const other = await openSecondPc()
    const second = valueOf(await getDevice(other.page))
    expect(second.deviceName).toBe('KEFU-PC-02')
    expect(second.deviceId).not.toBe(first.deviceId)
    expect(other.shareDir).toBe(shareDir)
    expect(other.desk).not.toBe(desk)
    expect(other.profileDir).not.toBe(other.servicesDir)
    // Each PC's calls reach its own services.
    const hostnames = (calls: typeof desk.calls): unknown[] =>
      calls.map((c) => (c.result.ok ? (c.result.value as DeviceInfo).hostname : null))
    expect(new Set(hostnames(other.desk.calls.filter((c) => c.method === 'getDevice')))).toEqual(
      new Set(['KEFU-PC-02'])
    )
    expect(hostnames(desk.calls.filter((c) => c.method === 'getDevice'))).not.toContain('KEFU-PC-02')
    await screenshot(other.page, 'harness-second-pc')
  })

  test.describe('fake clock', () => {
    test.use({ startTime: '2026-11-22T09:00:00+08:00' })

    test('startTime installs page.clock before the app loads and survives restart', async ({
      page,
      restartApp
    }) => {
      const start = Date.parse('2026-11-22T09:00:00+08:00')
      const now = await page.evaluate(() => Date.now())
      expect(now).toBeGreaterThanOrEqual(start)
      expect(now).toBeLessThan(start + 60_000)
      await page.clock.fastForward('02:00:00')
      const local = await page.evaluate(() => new Date().getHours())
      expect(local).toBe(11) // Asia/Shanghai

      const page2 = await restartApp()
      const later = await page2.evaluate(() => Date.now())
      expect(later).toBeGreaterThanOrEqual(start + 2 * 3600_000)
      expect(later).toBeLessThan(start + 2 * 3600_000 + 60_000)
    })
  })

  test('static server: types, SPA fallback, 404 for missing assets, traversal refused', async ({
    appServer
  }) => {
    const base = new URL(appServer.url)
    // Raw requests: fetch() would normalise "..", hiding what the server does with it.
    const get = (rawPath: string) =>
      new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: base.hostname, port: base.port, path: rawPath, method: 'GET' },
          (res) => {
            let body = ''
            res.setEncoding('utf8')
            res.on('data', (chunk: string) => (body += chunk))
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body })
            )
          }
        )
        req.on('error', reject)
        req.end()
      })

    const index = await get('/')
    expect(index.status).toBe(200)
    expect(index.type).toBe('text/html; charset=utf-8')
    const route = await get('/complaints/TS-20261122-A3-007?tab=timeline')
    expect(route).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: index.body })
    const script = index.body.match(/src="\.?\/?(assets\/[^"]+\.js)"/)?.[1]
    expect(script, 'index.html references a bundled script').toBeTruthy()
    expect((await get(`/${script}`)).type).toBe('text/javascript; charset=utf-8')
    expect((await get('/assets/does-not-exist.js')).status).toBe(404)

    const refused: [string, number][] = [
      ['/../package.json', 403],
      ['/assets/../../package.json', 403],
      ['/%2e%2e/%2e%2e/package.json', 403],
      ['/..%2f..%2fpackage.json', 403],
      ['/..%5c..%5cpackage.json', 403],
      ['/%00index.html', 400],
      ['/%E0%A4%A', 400]
    ]
    for (const [evil, status] of refused) {
      const res = await get(evil)
      expect(res.status, evil).toBe(status)
      expect(res.body, evil).not.toContain('service-desk')
    }
  })
})
