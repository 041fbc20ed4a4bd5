import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { APP_INDEX_URL } from '../services/appProtocol'
import { mainTextFor } from './mainText'
import { isTrustedSenderUrl, type TrustedRenderer } from './trustedSender'

/** The folder app://desk/ serves (appProtocol.ts): electron-vite's out/renderer, inside app.asar when packaged. */
export const rendererDir = (): string => join(__dirname, '../renderer')

/** Where the renderer is allowed to come from; shared by the window and the IPC sender check. */
export function rendererLocation(): TrustedRenderer {
  // electron-vite sets ELECTRON_RENDERER_URL in dev. A packaged app ignores it, so an environment
  // variable can never point the privileged window (and window.desk) at someone else's page.
  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
  return {
    ...(devServerUrl ? { devServerUrl } : {}),
    rendererIndexUrl: APP_INDEX_URL
  }
}

export function createMainWindow(allowed: TrustedRenderer = rendererLocation()): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    title: mainTextFor(app.getLocale()).appTitle, // the page's <title> takes over once loaded
    show: false, // shown on ready-to-show: no blank white frame while the bundle loads
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click on a link must not open it in a new window (docs/security.md §3).
      disableBlinkFeatures: 'Auxclick'
    }
  })

  win.once('ready-to-show', () => win.show())

  // The window only ever shows the app itself: no navigation elsewhere, no pop-ups.
  win.webContents.on('will-navigate', (event) => {
    if (!isTrustedSenderUrl(event.url, allowed)) event.preventDefault()
  })
  win.webContents.on('will-redirect', (event) => {
    if (!isTrustedSenderUrl(event.url, allowed)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))

  const loading = win.loadURL(allowed.devServerUrl ?? allowed.rendererIndexUrl)
  loading.catch((error: unknown) => console.error('[desk] failed to load the renderer:', error))

  return win
}
