import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: '关于',
    message: app.getName(), // productName from package.json: 门店客服台
    detail: `版本 ${app.getVersion()}`,
    buttons: ['确定']
  }
  const parent = BrowserWindow.getFocusedWindow()
  const shown = parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)
  shown.catch((error: unknown) => console.error('[desk] about dialog failed:', error))
}

function template(): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    // Devtools only in development builds; a packaged counter PC has no use for them.
    ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: '开发者工具' } as const]),
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' }
  ]

  return [
    // macOS puts the app name menu first; elsewhere it would be an odd extra item.
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' }
      ]
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于', click: showAbout }] }
  ]
}

export function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template()))
}
