import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppInfo } from '@shared/ipc/contract'
import { createDeskHandlers } from '../../../../electron/services/handlers'
import { dispatch } from '../../../../electron/services/dispatch'
import type { DeviceStore } from '../../../../electron/services/deviceStore'
import type { DeskPrinting } from '../../../../electron/services/printing'
import { unusedShare, unusedStoreKeys } from './stubs'

// printPage / savePdf on the service side: dispatch validates, handlers delegate to the host's
// printing (Electron main or the e2e harness) and shape its answer for the renderer.

const appInfo: AppInfo = { appVersion: '1', platform: 'linux', host: 'test-host' }
const deviceStore = { get: vi.fn(), update: vi.fn() } as unknown as DeviceStore

function setup(printing: Partial<DeskPrinting> = {}) {
  const fake = {
    printPage: vi.fn(async (_title: string) => true),
    savePdf: vi.fn(async (name: string): Promise<string | null> => `/docs/${name}`),
    ...printing
  }
  return {
    printing: fake,
    handlers: createDeskHandlers({
      deviceStore,
      appInfo,
      printing: fake,
      share: unusedShare,
      storeKeys: unusedStoreKeys
    })
  }
}

afterEach(() => vi.restoreAllMocks())

describe('printPage', () => {
  it('passes the title to the host and reports whether it printed', async () => {
    const { handlers, printing } = setup()
    expect(await dispatch(handlers, 'printPage', { title: '顾客投诉登记表 TS-20261122-A3-001' })).toEqual({
      ok: true,
      value: { printed: true }
    })
    expect(printing.printPage).toHaveBeenCalledWith('顾客投诉登记表 TS-20261122-A3-001')
  })

  it('a cancelled print dialog is printed: false, not an error', async () => {
    const { handlers } = setup({ printPage: async () => false })
    expect(await dispatch(handlers, 'printPage', { title: 'x' })).toEqual({
      ok: true,
      value: { printed: false }
    })
  })

  it.each([[{ title: 'x'.repeat(81) }], [{ title: 3 }], [{}], [{ title: 'x', silent: true }], [undefined]])(
    'refuses %j without reaching the printer',
    async (arg) => {
      const { handlers, printing } = setup()
      const result = await dispatch(handlers, 'printPage', arg)
      expect(result.ok || result.error.code).toBe('invalid-argument')
      expect(printing.printPage).not.toHaveBeenCalled()
    }
  )

  it('a printer failure becomes internal, with the detail only in the log', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { handlers } = setup({ printPage: async () => Promise.reject(new Error('Print job failed')) })
    expect(await dispatch(handlers, 'printPage', { title: 'x' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'ipc.internal' }
    })
  })
})

describe('savePdf', () => {
  it('returns where the PDF was saved', async () => {
    const { handlers, printing } = setup()
    const result = await dispatch(handlers, 'savePdf', { suggestedName: '投诉登记表-TS-20261122-A3-001.pdf' })
    expect(result).toEqual({
      ok: true,
      value: { saved: true, path: '/docs/投诉登记表-TS-20261122-A3-001.pdf' }
    })
    expect(printing.savePdf).toHaveBeenCalledWith('投诉登记表-TS-20261122-A3-001.pdf')
  })

  it('a cancelled save dialog is saved: false, path: null', async () => {
    const { handlers } = setup({ savePdf: async () => null })
    expect(await dispatch(handlers, 'savePdf', { suggestedName: 'a.pdf' })).toEqual({
      ok: true,
      value: { saved: false, path: null }
    })
  })

  it.each([
    ['a path (/)', '../../etc/x.pdf', 'validation.fileName'],
    ['a path (\\)', '..\\Windows\\x.pdf', 'validation.fileName'],
    ['an absolute Windows path', 'C:x.pdf', 'validation.fileName'],
    ['no .pdf extension', '投诉登记表.exe', 'validation.fileName'],
    ['only an extension', '.pdf', 'validation.fileName'],
    ['a hidden name', '.secret.pdf', 'validation.fileName'],
    ['a name ending in dots', 'a...pdf', 'validation.fileName'],
    ['a Windows device name', 'CON.pdf', 'validation.fileNameReserved'],
    ['a device name in any case', 'nul.pdf', 'validation.fileNameReserved'],
    ['COM¹ (a superscript digit, still a port)', 'COM\u00b9.pdf', 'validation.fileNameReserved'],
    ['LPT³ with a second extension', 'lpt\u00b3.txt.pdf', 'validation.fileNameReserved'],
    ['the console input', 'CONIN$.pdf', 'validation.fileNameReserved'],
    ['the console output', 'conout$.pdf', 'validation.fileNameReserved'],
    ['COM9', 'COM9.pdf', 'validation.fileNameReserved'],
    ['a right-to-left override', '投诉\u202Efdp.exe.pdf', 'validation.invisibleChars'],
    ['a right-to-left isolate', 'a\u2067b.pdf', 'validation.invisibleChars'],
    ['a left-to-right mark', 'a\u200eb.pdf', 'validation.invisibleChars'],
    ['a zero-width space', 'a\u200bb.pdf', 'validation.invisibleChars'],
    ['a NUL', 'a\u0000b.pdf', 'validation.invisibleChars'],
    ['a control character', 'a\nb.pdf', 'validation.invisibleChars'],
    ['a wildcard', '*.pdf', 'validation.fileName'],
    ['an empty name', '', 'validation.required'],
    ['81 characters', `${'表'.repeat(77)}.pdf`, 'validation.tooLong']
  ])('refuses %s without opening a dialog', async (_label, suggestedName, message) => {
    const { handlers, printing } = setup()
    const result = await dispatch(handlers, 'savePdf', { suggestedName })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-argument')
    expect(result.error.issues).toContainEqual({ path: 'suggestedName', message })
    expect(printing.savePdf).not.toHaveBeenCalled()
  })

  it('accepts 80 characters, Chinese, spaces and dashes', async () => {
    const { handlers } = setup()
    for (const suggestedName of [`${'表'.repeat(76)}.pdf`, '投诉登记表 TS-1.PDF', 'report_2026-11-22.pdf']) {
      expect(await dispatch(handlers, 'savePdf', { suggestedName })).toMatchObject({ ok: true })
    }
  })

  it('refuses extra keys (e.g. a target path) and non-strings', async () => {
    const { handlers, printing } = setup()
    for (const arg of [
      { suggestedName: 'a.pdf', path: '/tmp/a.pdf' },
      { suggestedName: 1 },
      'a.pdf',
      undefined
    ]) {
      const result = await dispatch(handlers, 'savePdf', arg)
      expect(result.ok || result.error.code).toBe('invalid-argument')
    }
    expect(printing.savePdf).not.toHaveBeenCalled()
  })
})
