// Test-only stand-in for the Electron preload + ipcMain wiring (docs/design.md §4 "Runs without Electron").
// The page gets a frozen `window.desk` with one method per name in `deskMethods`; each call crosses
// as JSON text (bytes as tagged base64, jsonWire.ts, so Uint8Array arrives as Uint8Array like over
// Electron IPC) and is handed to the REAL electron/services `dispatch` running in the Playwright test
// process. Only the transport differs from the app.
import path from 'node:path'
import type { BrowserContext, Frame, Page } from '@playwright/test'
import { homedir } from 'node:os'
import { mkdirSync } from 'node:fs'
import {
  createBackupService,
  createDeskHandlers,
  createDiagnosticsService,
  createLogService,
  createDeviceStore,
  createShareConfig,
  createShareService,
  createStoreKeyVault,
  dispatch
} from '../../../electron/services'
import { fakeKeyWrapper } from '../../support/fakeKeyWrapper'
import type { AppInfo, DeskHandlers } from '@shared/ipc/contract'
import type { DeskResult } from '@shared/ipc/errors'
import { deskMethods, type DeskMethodName } from '@shared/ipc/methods'
import { harnessPrinting, type PrintLog } from './harnessPrinting'
import { wireParse, wireStringify } from './jsonWire'

/** Name of the Playwright binding. The init script captures it and removes it from `window`. */
const BINDING = '__deskInvoke'

export interface DeskCall {
  method: string
  /** the argument main actually received (the bad one if the call was corrupted) */
  arg: unknown
  ok: boolean
  result: DeskResult<unknown>
  /** true if corruptNextCall replaced the page's argument */
  corrupted: boolean
  /** 'page' = through window.desk, 'test' = bridge.invoke() from the test itself */
  from: 'page' | 'test'
}

export interface DeskBridgeOptions {
  /** the services' data folder (device identity file etc.) — the app's userData in Electron */
  servicesDir: string
  /** host name the device store sees; becomes the default deviceName */
  hostname: string
  /** version reported by getAppInfo (package.json version) */
  appVersion: string
  /**
   * Origin of the app (the static server). Like main's sender check (electron/main/ipc.ts), calls
   * from another origin or from an iframe get 'forbidden-sender'. Omit to accept any top frame.
   */
  appOrigin?: string
  /** where savePdf writes (the save dialog's default folder); default <servicesDir>/documents */
  documentsDir?: string
  /** what main's folder dialog returns for 选择文件夹… (the test's share folder); null = cancelled.
   *  `pickFolderNext` overrides it once. */
  pickFolder?: string | null
  /** what main's open-file dialog returns for a backup file (从备份恢复 …); null = cancelled.
   *  `pickFileNext` sets it once. */
  pickFile?: string | null
  /** Main elsewhere: calls go to this function instead of the services in this process (the crash
   *  test runs them in a child process it can kill). */
  main?: (method: unknown, arg: unknown) => Promise<DeskResult<unknown>>
}

export interface DeskBridge {
  /** every call that reached main, oldest first (kept across restartApp) */
  readonly calls: readonly DeskCall[]
  /**
   * Fault injection: the next call of `method` sends `badArg` to main instead of the page's real
   * argument (a broken or compromised renderer). Calls queue up if used several times.
   */
  corruptNextCall(method: DeskMethodName, badArg: unknown): void
  /**
   * A slow main, under the test's control: every call of `method` whose argument `matches` waits until
   * the returned function is called (then it goes on as usual). Calls that do not match pass.
   */
  hold(method: DeskMethodName, matches: (arg: unknown) => boolean): () => void
  /** Call main directly from the test (any method name, any argument); logged with from: 'test'.
   *  There is no calling page, so printPage/savePdf fail with 'internal' this way. */
  invoke(method: unknown, arg?: unknown): Promise<DeskResult<unknown>>
  /** The live handlers (recreated by restartServices), with no calling page bound for printing. */
  readonly handlers: DeskHandlers
  /** titles of printPage calls: headless Chromium has no print dialog, so each one "prints" */
  readonly printed: readonly string[]
  /** absolute paths of the PDFs savePdf wrote (page.pdf of the calling page), oldest first */
  readonly pdfs: readonly string[]
  /** Rebuild the services from what is on disk, as when the main process starts again. */
  restartServices(): void
  /** The folder main's dialog "returns" the next time (null: the user cancels); then back to the default. */
  pickFolderNext(folder: string | null): void
  /** The file main's open dialog "returns" the next time (null: the user cancels). */
  pickFileNext(file: string | null): void
  /** Install window.desk into a context (call once per context, before its first navigation). */
  attach(context: BrowserContext): Promise<void>
}

const forbidden = (): DeskResult<never> => ({
  ok: false,
  error: { code: 'forbidden-sender', message: 'ipc.forbiddenSender' }
})

/** Same rule as main: only the app's own top-level page may call window.desk. */
function isTrustedFrame(frame: Frame, appOrigin: string | undefined): boolean {
  if (frame.parentFrame() !== null) return false
  if (appOrigin === undefined) return true
  try {
    return new URL(frame.url()).origin === appOrigin
  } catch {
    return false
  }
}

/** JSON round-trip (bytes kept) that keeps a top-level `undefined`, as the page's calls cross. */
const jsonClone = (value: unknown): unknown => wireParse(wireStringify(value))

/** The stateful services, built once per (re)start like main's; handlers are bound per call. The
 *  folder dialog and the OS key store are stood in for (the dialog by `pick`, safeStorage by a fake
 *  wrapper); the share root check and the key vault are the real services. */
function buildServices(options: DeskBridgeOptions, pick: () => string | null, pickFile: () => string | null) {
  const appInfo: AppInfo = {
    appVersion: options.appVersion,
    platform: process.platform,
    host: 'test-host'
  }
  const deviceStore = createDeviceStore({ dataDir: options.servicesDir, hostname: options.hostname })
  const share = createShareService(createShareConfig(options.servicesDir), {
    pickFolder: async () => pick(),
    rootEnv: { platform: process.platform, home: homedir(), dataDir: options.servicesDir },
    keyWrapper: fakeKeyWrapper()
  })
  const storeKeys = createStoreKeyVault({ dataDir: options.servicesDir, wrapper: fakeKeyWrapper() })
  const backups = createBackupService({
    dataDir: options.servicesDir,
    pickFolder: async () => pick(),
    pickFile: async () => pickFile(),
    shareRoot: async () => (await share.getConfig()).root,
    rootEnv: { platform: process.platform, home: homedir(), dataDir: options.servicesDir }
  })
  // main's log files and 导出诊断信息; the save dialog "chooses" the documents folder
  const logs = createLogService({ dir: path.join(options.servicesDir, 'logs') })
  const documentsDir = options.documentsDir ?? path.join(options.servicesDir, 'documents')
  const diagnostics = createDiagnosticsService({
    logs,
    appInfo,
    dataDir: options.servicesDir,
    versions: { node: process.versions.node, os: process.platform },
    pickSavePath: async (name) => {
      mkdirSync(documentsDir, { recursive: true })
      return path.join(documentsDir, name)
    }
  })
  return { appInfo, deviceStore, share, storeKeys, backups, logs, diagnostics }
}

export function createDeskBridge(options: DeskBridgeOptions): DeskBridge {
  const calls: DeskCall[] = []
  const corruptions = new Map<string, unknown[]>()
  const holds = new Set<{ method: string; matches: (arg: unknown) => boolean; released: Promise<void> }>()
  const printLog: PrintLog = { printed: [], pdfs: [] }
  const documentsDir = options.documentsDir ?? path.join(options.servicesDir, 'documents')
  let next: { folder: string | null } | undefined
  const pick = (): string | null => {
    const chosen = next ? next.folder : (options.pickFolder ?? null)
    next = undefined
    return chosen
  }
  let nextFile: { file: string | null } | undefined
  const pickFile = (): string | null => {
    const chosen = nextFile ? nextFile.file : (options.pickFile ?? null)
    nextFile = undefined
    return chosen
  }
  let services = buildServices(options, pick, pickFile)
  // Like electron/main/ipc.ts: printing acts on the page that made the call.
  const handlersFor = (page: Page | undefined): DeskHandlers =>
    createDeskHandlers({ ...services, printing: harnessPrinting(page, printLog, documentsDir) })

  async function transport(
    method: unknown,
    arg: unknown,
    from: DeskCall['from'],
    page?: Page
  ): Promise<DeskResult<unknown>> {
    let sent = arg
    let corrupted = false
    const queue = typeof method === 'string' ? corruptions.get(method) : undefined
    if (queue && queue.length > 0) {
      sent = queue.shift()
      corrupted = true
    }
    for (const h of holds) if (h.method === method && h.matches(sent)) await h.released
    const result = options.main
      ? await options.main(method, sent)
      : await dispatch(handlersFor(page), method, sent)
    calls.push({
      method: String(method),
      arg: sent,
      ok: result.ok,
      result,
      corrupted,
      from
    })
    return result
  }

  return {
    calls,
    printed: printLog.printed,
    pdfs: printLog.pdfs,
    get handlers() {
      return handlersFor(undefined)
    },
    hold(method, matches) {
      let release = (): void => undefined
      const released = new Promise<void>((resolve) => (release = resolve))
      const h = { method, matches, released }
      holds.add(h)
      return () => {
        holds.delete(h)
        release()
      }
    },
    corruptNextCall(method, badArg) {
      if (!(deskMethods as readonly string[]).includes(method)) {
        throw new Error(`corruptNextCall: unknown desk method "${method}"`)
      }
      const queue = corruptions.get(method) ?? []
      queue.push(badArg)
      corruptions.set(method, queue)
    },
    // Results cross the boundary as plain data too.
    invoke: async (method, arg) =>
      jsonClone(await transport(method, jsonClone(arg), 'test')) as DeskResult<unknown>,
    restartServices() {
      services = buildServices(options, pick, pickFile)
    },
    pickFolderNext(folder) {
      next = { folder }
    },
    pickFileNext(file) {
      nextFile = { file }
    },
    async attach(context) {
      await context.exposeBinding(BINDING, async (source, method: unknown, wire: unknown) => {
        const arg = wireParse(typeof wire === 'string' ? wire : undefined)
        if (!isTrustedFrame(source.frame, options.appOrigin)) {
          const result = forbidden()
          calls.push({ method: String(method), arg, ok: false, result, corrupted: false, from: 'page' })
          return wireStringify(result)
        }
        return wireStringify(await transport(method, arg, 'page', source.page))
      })
      // What Playwright does for addInitScript(fn, arg), with the wire codec's source passed along.
      const setup = JSON.stringify({ binding: BINDING, methods: [...deskMethods] })
      await context.addInitScript({ content: `(${installDesk})(${setup}, ${wireStringify}, ${wireParse})` })
    }
  }
}

/** Create the bridge and install it into `context`. */
export async function installDeskBridge(
  context: BrowserContext,
  options: DeskBridgeOptions
): Promise<DeskBridge> {
  const bridge = createDeskBridge(options)
  await bridge.attach(context)
  return bridge
}

/**
 * Runs in every frame before any page script (embedded as source text: must be self-contained; the
 * wire codec comes in as arguments).
 * Mirrors the preload: only the listed methods exist, nothing generic is reachable from `window`.
 */
function installDesk(
  { binding, methods }: { binding: string; methods: string[] },
  stringify: typeof wireStringify,
  parse: typeof wireParse
): void {
  const w = window as unknown as Record<string, unknown>
  const invoke = w[binding] as ((method: string, wire: string | undefined) => Promise<unknown>) | undefined
  // Hide the raw binding: the renderer must only see window.desk, like behind contextBridge.
  delete w[binding]
  if (typeof invoke !== 'function' || window !== window.top) return
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const name of methods) {
    api[name] = async (input?: unknown) => {
      let wire: string | undefined
      try {
        wire = stringify(input)
      } catch (err) {
        // Electron would refuse to clone it too ("An object could not be cloned").
        throw err instanceof Error ? err : new Error(String(err))
      }
      const answer = await invoke(name, wire)
      return parse(typeof answer === 'string' ? answer : undefined)
    }
  }
  Object.defineProperty(window, 'desk', {
    value: Object.freeze(api),
    writable: false,
    configurable: false,
    enumerable: true
  })
}
