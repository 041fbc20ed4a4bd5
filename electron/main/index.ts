import { hostname, release } from 'node:os'
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, safeStorage } from 'electron'
import type { AppInfo } from '@shared/ipc/contract'
import {
  createDeskHandlers,
  createDeviceStore,
  createShareConfig,
  createShareService,
  createStoreKeyVault,
  createBackupService,
  createLogService,
  createDiagnosticsService,
  type LogService
} from '../services'
import { dialogFilePicker, dialogFolderPicker } from './folderPicker'
import { backUpOnClose } from './quitBackup'
import { dialogZipSavePicker } from './savePicker'
import { registerDeskIpc } from './ipc'
import { safeStorageWrapper } from './keyWrapper'
import { createElectronPrinting, type PrintingHost } from './printing'
import { mainTextFor } from './mainText'
import { installMenu } from './menu'
import { applySecurity } from './security'
import { registerAppScheme, serveAppProtocol } from './appProtocol'
import { createMainWindow, rendererDir, rendererLocation } from './window'

let mainWindow: BrowserWindow | null = null
/** main's log files (issue 17 point 5): <userData>/logs, rotated 5 × 5 MB, redacted */
let logs: LogService | null = null

// main's own failures go to the log too
process.on('uncaughtException', (error) => logs?.write('error', 'main', 'uncaught exception', error))
process.on('unhandledRejection', (reason) => logs?.write('error', 'main', 'unhandled rejection', reason))

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function start(): void {
  applySecurity()
  serveAppProtocol(rendererDir())
  installMenu()

  const allowed = rendererLocation()
  const appInfo: AppInfo = { appVersion: app.getVersion(), platform: process.platform, host: 'electron' }
  const deviceStore = createDeviceStore({ dataDir: app.getPath('userData'), hostname: hostname() })
  const userData = app.getPath('userData')
  logs = createLogService({ dir: path.join(userData, 'logs'), console: !app.isPackaged })
  logs.write(
    'info',
    'main',
    `start ${app.getVersion()} electron ${process.versions.electron} ${process.platform}`
  )
  app.on('render-process-gone', (_event, _contents, details) =>
    logs?.write('error', 'main', `renderer gone: ${details.reason} (${details.exitCode})`)
  )
  const diagnostics = createDiagnosticsService({
    logs,
    appInfo,
    dataDir: userData,
    versions: {
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
      os: `${process.platform} ${release()} ${process.arch}`
    },
    pickSavePath: dialogZipSavePicker({
      dialog,
      parent: () => mainWindow,
      documentsDir: () => app.getPath('documents'),
      title: mainTextFor(app.getLocale()).saveDiagnostics
    })
  })
  const share = createShareService(createShareConfig(userData), {
    // a WebDAV password is kept wrapped by the OS key store, like the store key
    keyWrapper: safeStorageWrapper(safeStorage),
    pickFolder: dialogFolderPicker({
      dialog,
      parent: () => mainWindow,
      title: mainTextFor(app.getLocale()).pickShareFolder
    }),
    rootEnv: {
      platform: process.platform,
      home: app.getPath('home'),
      dataDir: userData,
      windowsDirs: ['SystemRoot', 'windir', 'ProgramFiles', 'ProgramFiles(x86)', 'ProgramData']
        .map((name) => process.env[name])
        .filter((dir): dir is string => !!dir)
    }
  })
  // An encrypted store's key, wrapped by the OS key store (safeStorage: DPAPI on Windows).
  const storeKeys = createStoreKeyVault({
    dataDir: userData,
    wrapper: safeStorageWrapper(safeStorage)
  })
  const text = mainTextFor(app.getLocale())
  // 数据备份: main decides every path (data folder, second folder picked in its own dialog).
  const backups = createBackupService({
    dataDir: userData,
    pickFolder: dialogFolderPicker({ dialog, parent: () => mainWindow, title: text.pickBackupFolder }),
    pickFile: dialogFilePicker({
      dialog,
      parent: () => mainWindow,
      title: text.pickBackupFile,
      filterName: text.backupFileKind
    }),
    shareRoot: async () => (await share.getConfig()).root,
    rootEnv: {
      platform: process.platform,
      home: app.getPath('home'),
      dataDir: userData,
      windowsDirs: ['SystemRoot', 'windir', 'ProgramFiles', 'ProgramFiles(x86)', 'ProgramData']
        .map((name) => process.env[name])
        .filter((dir): dir is string => !!dir)
    }
  })
  const printingHost: PrintingHost = {
    dialog,
    documentsDir: () => app.getPath('documents'),
    windowOf: (contents) => BrowserWindow.fromWebContents(contents)
  }
  // Handlers are rebuilt per call (cheap; state lives in deviceStore) so printing acts on the caller's window.
  registerDeskIpc(
    ipcMain,
    (sender) =>
      createDeskHandlers({
        deviceStore,
        appInfo,
        share,
        storeKeys,
        backups,
        logs: logs ?? undefined,
        diagnostics,
        printing: createElectronPrinting(sender, printingHost)
      }),
    allowed
  )

  const openWindow = (): void => {
    const win = createMainWindow(allowed)
    // 数据备份 when the app quits: the page backs up before the window goes (bounded in time).
    backUpOnClose(win)
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null
    })
    mainWindow = win
  }
  openWindow()

  // macOS keeps the app alive without windows; clicking the dock icon brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
}

// app://desk must be privileged before 'ready' (the built renderer is served from it, not file://).
registerAppScheme()

// One instance per PC: two would race on device.json and on the shared sync folder.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', focusMainWindow)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[desk] startup failed:', error)
      logs?.write('error', 'main', 'startup failed', error)
      const text = mainTextFor(app.getLocale())
      dialog.showErrorBox(
        text.appTitle,
        text.startFailed.replace('{reason}', error instanceof Error ? error.message : String(error))
      )
      app.quit()
    })
}
