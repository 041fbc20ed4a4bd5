import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import { mainTextFor, type MainText } from './mainText'

function showAbout(text: MainText): void {
  const options = {
    type: 'info' as const,
    title: text.about,
    message: app.getName(), // productName from package.json: 门店客服台
    detail: text.version.replace('{version}', app.getVersion()),
    buttons: [text.ok]
  }
  const parent = BrowserWindow.getFocusedWindow()
  const shown = parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)
  shown.catch((error: unknown) => console.error('[desk] about dialog failed:', error))
}

function template(text: MainText): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: text.reload },
    // Devtools only in development builds; a packaged counter PC has no use for them.
    ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: text.devTools } as const]),
    { type: 'separator' },
    { role: 'resetZoom', label: text.resetZoom },
    { role: 'zoomIn', label: text.zoomIn },
    { role: 'zoomOut', label: text.zoomOut }
  ]

  return [
    // macOS puts the app name menu first; elsewhere it would be an odd extra item.
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: text.file, submenu: [{ role: 'quit', label: text.quit }] },
    {
      label: text.edit,
      submenu: [
        { role: 'undo', label: text.undo },
        { role: 'redo', label: text.redo },
        { type: 'separator' },
        { role: 'cut', label: text.cut },
        { role: 'copy', label: text.copy },
        { role: 'paste', label: text.paste },
        { role: 'selectAll', label: text.selectAll }
      ]
    },
    { label: text.view, submenu: view },
    { label: text.help, submenu: [{ label: text.about, click: () => showAbout(text) }] }
  ]
}

export function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template(mainTextFor(app.getLocale()))))
}
