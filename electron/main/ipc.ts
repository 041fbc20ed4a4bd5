import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import type { DeskHandlers } from '@shared/ipc/contract'
import type { DeskResult } from '@shared/ipc/errors'
import { deskChannel, deskMethods } from '@shared/ipc/methods'
import { dispatch } from '../services/dispatch'
import { isTrustedSenderUrl, type TrustedRenderer } from './trustedSender'

const forbidden: DeskResult<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'ipc.forbiddenSender' }
}

/** Only the app's own top-level page may call window.desk; never an iframe or a foreign page. */
export function isTrustedEvent(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  allowed: TrustedRenderer
): boolean {
  const frame = event.senderFrame
  // null once the frame has navigated away or been destroyed: the caller is gone, refuse.
  if (!frame) return false
  return frame.parent === null && isTrustedSenderUrl(frame.url, allowed)
}

/**
 * One channel per method (never a generic "invoke anything"); the argument goes to dispatch.
 * `handlersFor` gets the caller's webContents — only after the sender check passed — so a method
 * that acts on "this window" (printing) acts on exactly the page that asked, never on another.
 */
export function registerDeskIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlersFor: (sender: WebContents) => DeskHandlers,
  allowed: TrustedRenderer
): void {
  for (const method of deskMethods) {
    ipcMain.handle(deskChannel(method), (event, arg: unknown) =>
      isTrustedEvent(event, allowed) ? dispatch(handlersFor(event.sender), method, arg) : forbidden
    )
  }
}
