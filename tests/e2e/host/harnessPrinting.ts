// Test-only stand-in for electron/main/printing.ts. Playwright's page.pdf() is Chromium's own
// printToPDF — the engine Electron uses — so the PDF a spec inspects is laid out like the app's.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { DeskPrinting } from '../../../electron/services'

/** What the fake printer did, oldest first (kept across restartApp). */
export interface PrintLog {
  /** titles of printPage calls */
  printed: string[]
  /** absolute paths of the PDFs savePdf wrote */
  pdfs: string[]
}

/** Printing bound to the page that called window.desk (undefined for bridge.invoke from a test). */
export function harnessPrinting(page: Page | undefined, log: PrintLog, documentsDir: string): DeskPrinting {
  const caller = (): Page => {
    // Like main, printing needs a calling window; a direct test call has none.
    if (!page) throw new Error('printing needs a calling page')
    return page
  }
  return {
    async printPage(title) {
      caller()
      // Headless Chromium has no print dialog: record the request, report it as printed.
      log.printed.push(title)
      return true
    },
    async savePdf(suggestedName) {
      const target = caller()
      // As if the user accepted the save dialog's default, Documents/<suggestedName>.
      await mkdir(documentsDir, { recursive: true })
      const file = path.join(documentsDir, suggestedName)
      await target.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true })
      log.pdfs.push(file)
      return file
    }
  }
}
