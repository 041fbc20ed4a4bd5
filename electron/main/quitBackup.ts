// 数据备份 when the app quits (issue 17 point 4): closing the window first asks the page to back up
// (the data and the store key are the renderer's), waits for it — at most `limitMs` — and then lets the
// window close. Whatever happens (no page function, a failed backup, a hung page) the window closes:
// a backup must never keep the app from quitting. Only types from 'electron': unit-testable.

/** The page's function, set by the renderer at boot (renderer/src/app/boot.ts). */
export const BEFORE_QUIT_FUNCTION = 'deskBeforeQuit'
export const QUIT_BACKUP_LIMIT_MS = 120_000

export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
  close(): void
  isDestroyed(): boolean
  webContents: { executeJavaScript(code: string, userGesture?: boolean): Promise<unknown> }
}

export function backUpOnClose(
  win: ClosableWindow,
  timers: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as NodeJS.Timeout)
  },
  limitMs = QUIT_BACKUP_LIMIT_MS
): void {
  let state: 'open' | 'backingUp' | 'done' = 'open'
  win.on('close', (event) => {
    if (state === 'done') return
    event.preventDefault()
    if (state === 'backingUp') return
    state = 'backingUp'
    const call = `typeof window.${BEFORE_QUIT_FUNCTION} === 'function' ? window.${BEFORE_QUIT_FUNCTION}() : null`
    let timer: unknown
    const limit = new Promise<void>((resolve) => {
      timer = timers.set(resolve, limitMs)
    })
    void Promise.race([win.webContents.executeJavaScript(call).catch(() => null), limit]).then(() => {
      timers.clear(timer)
      state = 'done'
      if (!win.isDestroyed()) win.close()
    })
  })
}
