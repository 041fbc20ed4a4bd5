// E2E fixtures: the built renderer in plain Chromium, window.desk wired to the real services.
// See tests/e2e/README.md. Specs import { test, expect, screenshot } from './fixtures'.
//
// Time: never sleep. Drive the page clock with Playwright's own page.clock, e.g.
//   await page.clock.install({ time: new Date('2026-11-22T09:00:00+08:00') })
//   await page.clock.fastForward('30:00')   // or runFor / setFixedTime / pauseAt
// To have the fake clock from the app's very first script, set it before navigation with
//   test.use({ startTime: '2026-11-22T09:00:00+08:00' })
// (the page fixture then installs the clock before loading the app, and restartApp() carries the
// fake time over to the relaunched app unless given its own { time }).
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DeskApi } from '@shared/ipc/contract'
import { installDeskBridge, type DeskBridge } from './host/deskBridge'
import { startStaticServer, type StaticServer } from './host/staticServer'

export { expect }

declare global {
  interface Window {
    /** provided by the preload in Electron, by host/deskBridge.ts in these tests
     *  (declared exactly as in renderer/src/ipc/desk.ts so the two declarations can merge) */
    readonly desk?: DeskApi
  }
}
export type { DeskBridge, DeskCall } from './host/deskBridge'

type ClockTime = number | string | Date
type FindChromiumModule = typeof import('../../scripts/find-chromium.mjs')

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage'
]

export interface TestDataDir {
  /** the per-test temp folder */
  root: string
  /** Chromium user data dir (IndexedDB lives here) */
  profileDir: string
  /** dataDir of the main-process services (device.json, …) */
  servicesDir: string
}

/** One simulated PC: a persistent Chromium profile + its own services folder. */
export interface AppPc {
  readonly hostname: string
  readonly profileDir: string
  readonly servicesDir: string
  /** the shared sync folder all PCs of this test see */
  readonly shareDir: string
  /** current context / page (replaced by restart()) */
  readonly context: BrowserContext
  readonly page: Page
  /** stable across restarts */
  readonly desk: DeskBridge
  /** close the app and open it again on the same profile + services folder; returns the new page */
  restart(options?: { time?: ClockTime }): Promise<Page>
  close(): Promise<void>
}

export interface OpenPcOptions {
  /** default KEFU-PC-02, then -03 … */
  hostname?: string
  /** install page.clock at this time before loading the app */
  time?: ClockTime
}

type TestFixtures = {
  /** Start the app under a fake clock at this time (installed before the first script runs). */
  startTime: ClockTime | undefined
  dataDir: TestDataDir
  shareDir: string
  /** console errors + uncaught page errors of every page of this test ("[pc] text") */
  consoleErrors: string[]
  desk: DeskBridge
  /** close and reopen the app (same profile + services data); use the returned page afterwards */
  restartApp: (options?: { time?: ClockTime }) => Promise<Page>
  /** another PC: own profile and services folder, same shareDir; may be called several times */
  openSecondPc: (options?: OpenPcOptions) => Promise<AppPc>
  _pc1: AppPc
  _pcs: { open(opts: PcLaunchSpec): Promise<AppPc> }
}

type WorkerFixtures = {
  appServer: StaticServer
  /** plain Chromium (found by scripts/find-chromium.mjs) for specs that need no app */
  browser: Browser
  _repoRoot: string
}

interface PcLaunchSpec {
  label: string
  hostname: string
  profileDir: string
  servicesDir: string
  time?: ClockTime | undefined
}

function repoRootOf(configFile: string | undefined): string {
  return configFile ? path.dirname(configFile) : process.cwd()
}

/**
 * scripts/find-chromium.mjs is ESM; Playwright loads these specs as CommonJS and would mangle a
 * static import of it, so it is loaded with a runtime import() (types still come from its .d.mts).
 */
export async function chromiumExecutable(repoRoot: string): Promise<string> {
  const href = pathToFileURL(path.join(repoRoot, 'scripts', 'find-chromium.mjs')).href
  const { findChromium, NO_CHROMIUM_MESSAGE } = (await import(href)) as FindChromiumModule
  const found = findChromium()
  if (!found) throw new Error(`E2E: ${NO_CHROMIUM_MESSAGE} Never run \`npx playwright install\` offline.`)
  return found
}

async function freshTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix))
}

async function removeDir(dir: string): Promise<void> {
  // Chromium may still release files for a moment after close.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
}

/** Characters that are unsafe in file names on any OS are replaced; Chinese is kept. */
function safeName(name: string): string {
  const cleaned = name
    .replace(/\.png$/i, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .trim()
  return cleaned.length > 0 ? cleaned : 'screen'
}

/**
 * Full-page screenshot to test-results/screens/<name>.png (overwritten on re-run) and attached to
 * the test report. Call it for every screen a spec visits so people can look at them.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const info = base.info()
  const dir = path.join(repoRootOf(info.config.configFile), 'test-results', 'screens')
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `${safeName(name)}.png`)
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' })
  await info.attach(safeName(name), { path: file, contentType: 'image/png' })
  return file
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  _repoRoot: [
    async ({}, use, workerInfo) => {
      await use(repoRootOf(workerInfo.config.configFile))
    },
    { scope: 'worker' }
  ],

  appServer: [
    async ({ _repoRoot }, use) => {
      // E2E_RENDERER_DIR: serve another build (e.g. a scratch page while the renderer is WIP).
      const root = process.env.E2E_RENDERER_DIR ?? path.join(_repoRoot, 'out', 'renderer')
      const server = await startStaticServer(root)
      await use(server)
      await server.close()
    },
    { scope: 'worker' }
  ],

  browser: [
    async ({ playwright, _repoRoot }, use) => {
      const browser = await playwright.chromium.launch({
        executablePath: await chromiumExecutable(_repoRoot),
        headless: true,
        args: CHROMIUM_ARGS
      })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' }
  ],

  startTime: [undefined, { option: true }],

  dataDir: async ({}, use) => {
    const root = await freshTempDir('desk-e2e-')
    const dirs: TestDataDir = {
      root,
      profileDir: path.join(root, 'profile'),
      servicesDir: path.join(root, 'services')
    }
    await mkdir(dirs.profileDir)
    await mkdir(dirs.servicesDir)
    await use(dirs)
    await removeDir(root)
  },

  shareDir: async ({}, use) => {
    const dir = await freshTempDir('desk-e2e-share-')
    await use(dir)
    await removeDir(dir)
  },

  consoleErrors: async ({}, use, testInfo) => {
    const errors: string[] = []
    await use(errors)
    if (errors.length > 0 && testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('console-errors.txt', {
        body: errors.join('\n'),
        contentType: 'text/plain'
      })
    }
  },

  // Launches PCs for this test and closes whatever is still open at the end.
  _pcs: async (
    { playwright, _repoRoot, appServer, shareDir, consoleErrors, locale, timezoneId, viewport },
    use,
    testInfo
  ) => {
    const executablePath = await chromiumExecutable(_repoRoot)
    const appVersion = (
      JSON.parse(readFileSync(path.join(_repoRoot, 'package.json'), 'utf8')) as { version: string }
    ).version
    const open = new Set<AppPc>()

    async function launch(spec: PcLaunchSpec): Promise<BrowserContext> {
      return playwright.chromium.launchPersistentContext(spec.profileDir, {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        ...(locale !== undefined ? { locale } : {}),
        ...(timezoneId !== undefined ? { timezoneId } : {}),
        viewport
      })
    }

    async function openPc(spec: PcLaunchSpec): Promise<AppPc> {
      let desk: DeskBridge | undefined
      let context: BrowserContext | undefined
      let page: Page | undefined
      let fakeClock = false

      const start = async (time: ClockTime | undefined): Promise<void> => {
        context = await launch(spec)
        if (desk) {
          desk.restartServices()
          await desk.attach(context)
        } else {
          desk = await installDeskBridge(context, {
            servicesDir: spec.servicesDir,
            hostname: spec.hostname,
            appVersion,
            appOrigin: new URL(appServer.url).origin,
            pickFolder: shareDir
          })
        }
        const first = context.pages()[0] ?? (await context.newPage())
        page = first
        watchErrors(first, spec.label, consoleErrors)
        context.on('page', (p) => watchErrors(p, spec.label, consoleErrors))
        fakeClock = time !== undefined
        if (time !== undefined) await first.clock.install({ time })
        await first.goto(appServer.url)
      }

      const stop = async (): Promise<void> => {
        const closeReason =
          testInfo.status === 'timedOut' ? `Test timeout of ${testInfo.timeout}ms exceeded.` : 'Test ended.'
        await context?.close({ reason: closeReason })
      }

      const pc: AppPc = {
        hostname: spec.hostname,
        profileDir: spec.profileDir,
        servicesDir: spec.servicesDir,
        shareDir,
        get context() {
          if (!context) throw new Error('E2E: this PC has no open context')
          return context
        },
        get page() {
          if (!page) throw new Error('E2E: this PC has no open page')
          return page
        },
        get desk() {
          return desk!
        },
        async restart(options) {
          let time = options?.time
          if (time === undefined && fakeClock && page && !page.isClosed()) {
            // Keep the fake "now" going across the restart instead of jumping back to real time.
            time = await page.evaluate(() => Date.now()).catch(() => undefined)
          }
          await stop()
          await start(time)
          return pc.page
        },
        async close() {
          if (!open.delete(pc)) return
          await stop()
        }
      }
      open.add(pc)
      try {
        await start(spec.time)
      } catch (error) {
        await pc.close().catch(() => undefined)
        throw error
      }
      return pc
    }

    await use({ open: openPc })
    for (const pc of [...open]) await pc.close().catch(() => undefined)
  },

  _pc1: async ({ _pcs, dataDir, startTime }, use) => {
    const pc = await _pcs.open({
      label: 'pc1',
      hostname: 'KEFU-PC-01',
      profileDir: dataDir.profileDir,
      servicesDir: dataDir.servicesDir,
      time: startTime
    })
    await use(pc)
    // Before dataDir is deleted (dataDir does not know _pcs would close it later).
    await pc.close()
  },

  context: async ({ _pc1 }, use) => {
    await use(_pc1.context)
  },

  page: async ({ _pc1 }, use) => {
    await use(_pc1.page)
  },

  desk: async ({ _pc1 }, use) => {
    await use(_pc1.desk)
  },

  restartApp: async ({ _pc1 }, use) => {
    await use((options) => _pc1.restart(options))
  },

  openSecondPc: async ({ _pcs, startTime }, use) => {
    const opened: { pc: AppPc; root: string }[] = []
    let count = 1
    await use(async (options) => {
      count += 1
      const root = await freshTempDir(`desk-e2e-pc${count}-`)
      const profileDir = path.join(root, 'profile')
      const servicesDir = path.join(root, 'services')
      await mkdir(profileDir)
      await mkdir(servicesDir)
      const pc = await _pcs
        .open({
          label: `pc${count}`,
          hostname: options?.hostname ?? `KEFU-PC-${String(count).padStart(2, '0')}`,
          profileDir,
          servicesDir,
          time: options?.time ?? startTime
        })
        .catch(async (error: unknown) => {
          await removeDir(root)
          throw error
        })
      opened.push({ pc, root })
      return pc
    })
    // Close these PCs before deleting their folders (_pcs, a dependency, tears down after us).
    for (const { pc, root } of opened) {
      await pc.close().catch(() => undefined)
      await removeDir(root)
    }
  }
})

function watchErrors(page: Page, label: string, sink: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location()
      const where = loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''
      sink.push(`[${label}] console.error: ${msg.text()}${where}`)
    }
  })
  page.on('pageerror', (err) => {
    sink.push(`[${label}] uncaught: ${err.stack ?? err.message}`)
  })
}
