import type { DeskApi, DeskInput, DeskOutputs } from '@shared/ipc/contract'
import type { DeskError, DeskResult } from '@shared/ipc/errors'
import type { DeskMethodName } from '@shared/ipc/methods'

declare global {
  interface Window {
    /** Built by the preload in Electron, by an init script in the Chromium test harness. */
    readonly desk?: DeskApi
  }
}

/** A typed failure from the main process; `error.message` is an i18n key. */
export class DeskCallError extends Error {
  constructor(readonly error: DeskError) {
    super(error.message)
  }
}

/** Calls main and unwraps its envelope: the value, or a DeskCallError the UI can translate. */
export function callDesk<M extends DeskMethodName>(method: M, input: DeskInput<M>): Promise<DeskOutputs[M]> {
  return callDeskOn(window.desk, method, input)
}

/** callDesk on a given window.desk (Node tests hand in the real services without a transport). */
export async function callDeskOn<M extends DeskMethodName>(
  api: DeskApi | undefined,
  method: M,
  input: DeskInput<M>
): Promise<DeskOutputs[M]> {
  if (!api) throw new DeskCallError({ code: 'internal', message: 'ipc.unavailable' })
  const call = api[method] as unknown as (arg: DeskInput<M>) => Promise<DeskResult<DeskOutputs[M]>>
  const result = await call(input)
  if (!result.ok) throw new DeskCallError(result.error)
  return result.value
}
