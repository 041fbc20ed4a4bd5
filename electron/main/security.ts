import { app, session } from 'electron'

// App-wide hardening on top of each window's own settings (docs/design.md §4): the renderer is a local
// UI with no need for pop-ups, <webview>, or any browser permission (camera, geolocation, …).
export function applySecurity(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false) // WebHID / WebSerial / WebUSB
}
