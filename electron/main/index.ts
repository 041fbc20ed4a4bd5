import { hostname } from 'node:os'
import { app, BrowserWindow, dialog, ipcMain, safeStorage } from 'electron'
import type { AppInfo } from '@shared/ipc/contract'
import {
  createDeskHandlers,
  createDeviceStore,
  createShareConfig,
  createShareService,
  createStoreKeyVault,
  createBackupService
} from '../services'
import { dialogFilePicker, dialogFolderPicker } from './folderPicker'
import { backUpOnClose } from './quitBackup'
import { registerDeskIpc } from './ipc'
import { safeStorageWrapper } from './keyWrapper'
import { createElectronPrinting, type PrintingHost } from './printing'
import { mainTextFor } from './mainText'
import { installMenu } from './menu'
import { applySecurity } from './security'
import { registerAppScheme, serveAppProtocol } from './appProtocol'
import { createMainWindow, rendererDir, rendererLocation } from './window'

let mainWindow: BrowserWindow | null = null

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
  const share = createShareService(createShareConfig(userData), {
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
      const text = mainTextFor(app.getLocale())
      dialog.showErrorBox(
        text.appTitle,
        text.startFailed.replace('{reason}', error instanceof Error ? error.message : String(error))
      )
      app.quit()
    })
}
