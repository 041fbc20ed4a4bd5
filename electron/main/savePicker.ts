import path from 'node:path'
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron'

// 导出诊断信息 (issue 17 point 5): main's own save dialog picks where the zip goes (default: Documents),
// so the renderer never names a path. Only types come from 'electron' (unit-testable).
export function dialogZipSavePicker(host: {
  dialog: Pick<Dialog, 'showSaveDialog'>
  parent: () => BaseWindow | null
  documentsDir: () => string
  title: string
}): (suggestedName: string) => Promise<string | null> {
  return async (suggestedName) => {
    const options: SaveDialogOptions = {
      title: host.title,
      defaultPath: path.join(host.documentsDir(), suggestedName),
      filters: [{ name: 'ZIP', extensions: ['zip'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent']
    }
    const parent = host.parent()
    const choice = parent
      ? await host.dialog.showSaveDialog(parent, options)
      : await host.dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return null
    return choice.filePath.toLowerCase().endsWith('.zip') ? choice.filePath : `${choice.filePath}.zip`
  }
}
