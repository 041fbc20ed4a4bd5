import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron'

// The share folder is picked in main's own dialog (issue 17 point 6): the renderer cannot name a
// folder. Only types come from 'electron' (unit-testable); the check of what was picked is the
// service's (electron/services/sync/shareRoot.ts).
export function dialogFolderPicker(host: {
  dialog: Pick<Dialog, 'showOpenDialog'>
  /** the window the dialog is modal to */
  parent: () => BaseWindow | null
  title: string
}): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = {
      title: host.title,
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent']
    }
    const parent = host.parent()
    const choice = parent
      ? await host.dialog.showOpenDialog(parent, options)
      : await host.dialog.showOpenDialog(options)
    return choice.canceled ? null : (choice.filePaths[0] ?? null)
  }
}

/** Main's open dialog for one backup file (从备份恢复): the renderer never names a path. */
export function dialogFilePicker(host: {
  dialog: Pick<Dialog, 'showOpenDialog'>
  parent: () => BaseWindow | null
  title: string
  filterName: string
}): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = {
      title: host.title,
      properties: ['openFile', 'dontAddToRecent'],
      filters: [{ name: host.filterName, extensions: ['sdbak'] }]
    }
    const parent = host.parent()
    const choice = parent
      ? await host.dialog.showOpenDialog(parent, options)
      : await host.dialog.showOpenDialog(options)
    return choice.canceled ? null : (choice.filePaths[0] ?? null)
  }
}
