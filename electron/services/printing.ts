// What printing needs from the host. Only the host can reach the OS print and save dialogs and
// Chromium's PDF renderer (Electron main in the app, Playwright in the e2e harness), so it passes
// an implementation in, already bound to the window that made the call.

export interface DeskPrinting {
  /** Opens the OS print dialog for the calling window; false when the user cancelled it. */
  printPage(title: string): Promise<boolean>
  /** Asks where to save (suggestedName as default), writes the calling window as an A4 PDF;
   *  the saved file's path, or null when the user cancelled. */
  savePdf(suggestedName: string): Promise<string | null>
}
