import type { DeskInput } from '@shared/ipc/contract'
import { callDesk } from './desk'

// Renderer errors and unhandled rejections reach main's log files (issue 17 point 5) through the typed
// IPC (logRenderer, zod-validated in main, redacted there before writing). At most MAX_PER_MINUTE
// a minute, so a failing render loop cannot flood the disk; texts are cut to the contract's limits.

const MAX_PER_MINUTE = 30
const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)

export function describeThrown(value: unknown): { message: string; stack?: string } {
  if (value instanceof Error)
    return {
      message: cut(`${value.name}: ${value.message}`, 4_000),
      ...(value.stack ? { stack: cut(value.stack, 16_000) } : {})
    }
  let text: string
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value)
  } catch {
    text = String(value)
  }
  return { message: cut(text ?? String(value), 4_000) }
}

export function installErrorForwarding(
  target: Pick<Window, 'addEventListener'> = window,
  send: (input: DeskInput<'logRenderer'>) => Promise<unknown> = (input) => callDesk('logRenderer', input),
  now: () => number = () => Date.now()
): void {
  let windowStart = 0
  let sent = 0
  const forward = (source: 'error' | 'unhandledrejection', thrown: unknown) => {
    const at = now()
    if (at - windowStart >= 60_000) {
      windowStart = at
      sent = 0
    }
    if (sent >= MAX_PER_MINUTE) return
    sent++
    // a failure to log must never become another error to log
    send({ level: 'error', source, ...describeThrown(thrown) }).catch(() => undefined)
  }
  target.addEventListener('error', (event: Event) => {
    const e = event as ErrorEvent
    forward('error', e.error ?? e.message)
  })
  target.addEventListener('unhandledrejection', (event: Event) => {
    forward('unhandledrejection', (event as PromiseRejectionEvent).reason)
  })
}
