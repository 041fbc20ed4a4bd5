import { join } from 'node:path'
import type { BaseWindow, Dialog, SaveDialogOptions, WebContents } from 'electron'
import writeFileAtomic from 'write-file-atomic'
import type { DeskPrinting } from '../services'

// Printing for the app (docs/design.md §3.7): the OS print dialog and save-as-PDF of the window that
// asked. Electron's APIs come in through `host` (only types are imported from 'electron'), so this
// file is unit-tested in Node without the Electron binary, like ipc.ts.

/** The parts of a webContents printing uses. */
export type PrintableContents = Pick<WebContents, 'print' | 'printToPDF' | 'isDestroyed'>

export interface PrintingHost<C extends PrintableContents = WebContents> {
  dialog: Pick<Dialog, 'showSaveDialog'>
  /** app.getPath('documents'): where the save dialog starts */
  documentsDir: () => string
  /** BrowserWindow.fromWebContents: the dialog is modal to the calling window */
  windowOf: (contents: C) => BaseWindow | null
  /** defaults to write-file-atomic (temp file + fsync + rename) */
  writeFile?: (path: string, data: Uint8Array) => Promise<void>
}

/** Chromium reports a cancelled dialog as a failure; for staff it is not an error. */
const CANCELLED = /cancel/i

const atomicWrite = (path: string, data: Uint8Array): Promise<void> =>
  writeFileAtomic(path, Buffer.from(data))

function alive(contents: PrintableContents): void {
  // The window may have closed while a dialog was open; there is nothing left to print.
  if (contents.isDestroyed()) throw new Error('the calling window is gone')
}

/** Printing bound to one caller: `sender` is the webContents whose IPC call is being handled. */
export function createElectronPrinting<C extends PrintableContents>(
  sender: C,
  host: PrintingHost<C>
): DeskPrinting {
  const writeFile = host.writeFile ?? atomicWrite

  return {
    printPage: (title) =>
      new Promise<boolean>((resolve, reject) => {
        alive(sender)
        // The job is named after the page's <title>, which the print view sets; `title` is for the log.
        sender.print({ silent: false, printBackground: true }, (success, failureReason) => {
          if (success) resolve(true)
          else if (CANCELLED.test(failureReason)) resolve(false)
          else reject(new Error(`printing "${title}" failed: ${failureReason}`))
        })
      }),

    async savePdf(suggestedName) {
      alive(sender)
      const options: SaveDialogOptions = {
        // suggestedName is validated as a bare file name (shared/ipc/fileName.ts), so it stays in Documents.
        defaultPath: join(host.documentsDir(), suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory']
      }
      const parent = host.windowOf(sender)
      const choice = parent
        ? await host.dialog.showSaveDialog(parent, options)
        : await host.dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return null

      alive(sender)
      const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
      // Atomic: overwriting an existing form never leaves a half-written PDF behind.
      await writeFile(choice.filePath, pdf)
      return choice.filePath
    }
  }
}
