import { describe, expect, it } from 'vitest'
import { backUpOnClose, type ClosableWindow } from '../../../../electron/main/quitBackup'

// 数据备份 when the app quits: closing the window waits for the page's backup, then closes; a page
// that fails or hangs never keeps the app open.

function fakeWindow(answer: () => Promise<unknown>) {
  let listener: ((e: { preventDefault(): void }) => void) | undefined
  const log: string[] = []
  const win: ClosableWindow = {
    on: (_event, l) => (listener = l),
    isDestroyed: () => false,
    close: () => {
      log.push('close')
      let prevented = false
      listener?.({ preventDefault: () => (prevented = true) })
      if (!prevented) log.push('closed')
    },
    webContents: {
      executeJavaScript: async (code) => {
        log.push(code.includes('deskBeforeQuit') ? 'backup' : code)
        return answer()
      }
    }
  }
  const timers: { fn?: () => void } = {}
  return { win, log, timers }
}

const manual = (timers: { fn?: () => void }) => ({
  set: (fn: () => void) => (timers.fn = fn),
  clear: () => (timers.fn = undefined)
})

describe('backup when the app quits', () => {
  it('holds the close until the page has backed up, then closes', async () => {
    let finish: (v: unknown) => void = () => undefined
    const { win, log, timers } = fakeWindow(() => new Promise((resolve) => (finish = resolve)))
    backUpOnClose(win, manual(timers), 1000)
    win.close()
    expect(log).toEqual(['close', 'backup'])
    win.close() // a second click while backing up changes nothing
    expect(log).toEqual(['close', 'backup', 'close'])
    finish(true)
    for (let i = 0; i < 5; i++) await Promise.resolve()
    expect(log.slice(-2)).toEqual(['close', 'closed'])
  })

  it('a failing page still closes', async () => {
    const { win, log, timers } = fakeWindow(() => Promise.reject(new Error('renderer gone')))
    backUpOnClose(win, manual(timers), 1000)
    win.close()
    for (let i = 0; i < 5; i++) await Promise.resolve()
    expect(log).toEqual(['close', 'backup', 'close', 'closed'])
  })

  it('a page that never answers closes when the time limit runs out', async () => {
    const { win, log, timers } = fakeWindow(() => new Promise(() => undefined))
    backUpOnClose(win, manual(timers), 1000)
    win.close()
    await Promise.resolve()
    expect(log).toEqual(['close', 'backup'])
    timers.fn?.()
    for (let i = 0; i < 5; i++) await Promise.resolve()
    expect(log).toEqual(['close', 'backup', 'close', 'closed'])
  })
})
