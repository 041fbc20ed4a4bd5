import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BaseWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron'
import {
  createElectronPrinting,
  type PrintableContents,
  type PrintingHost
} from '../../../../electron/main/printing'

// printing.ts only uses 'electron' for types; webContents and the dialog are fakes here.

type PrintCallback = (success: boolean, failureReason: string) => void

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-print-'))
})
afterEach(async () => {
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]) // "%PDF"
const parentWindow = { id: 1 } as unknown as BaseWindow

function fakeSender(print: (cb: PrintCallback) => void = (cb) => cb(true, '')) {
  return {
    print: vi.fn((_options: unknown, cb?: PrintCallback) => print(cb!)),
    printToPDF: vi.fn(async () => Buffer.from(PDF)),
    isDestroyed: vi.fn(() => false)
  }
}

function fakeHost(choice: SaveDialogReturnValue, overrides: Partial<PrintingHost<PrintableContents>> = {}) {
  const showSaveDialog = vi.fn(
    async (..._args: [BaseWindow, SaveDialogOptions] | [SaveDialogOptions]) => choice
  )
  const host: PrintingHost<PrintableContents> = {
    dialog: { showSaveDialog } as unknown as PrintingHost['dialog'],
    documentsDir: () => join(dir, 'Documents'),
    windowOf: vi.fn(() => parentWindow),
    ...overrides
  }
  return { host, showSaveDialog }
}

describe('printPage', () => {
  it('opens the OS print dialog (not silent, with backgrounds) and resolves when it is done', async () => {
    const sender = fakeSender()
    const { host } = fakeHost({ canceled: true, filePath: '' })
    await expect(createElectronPrinting(sender, host).printPage('表')).resolves.toBe(true)
    expect(sender.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function))
  })

  it('waits for the callback: nothing resolves while the dialog is open', async () => {
    vi.useFakeTimers()
    let finish: PrintCallback | undefined
    const sender = fakeSender((cb) => (finish = cb))
    const { host } = fakeHost({ canceled: true, filePath: '' })
    let settled = false
    const printing = createElectronPrinting(sender, host)
      .printPage('表')
      .then((v) => ((settled = true), v))
    // The clerk leaves the dialog open for ten minutes: everything pending runs, nothing settles.
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(settled).toBe(false)
    finish!(true, '')
    await expect(printing).resolves.toBe(true)
  })

  it('a cancelled dialog resolves false; a real failure rejects', async () => {
    const { host } = fakeHost({ canceled: true, filePath: '' })
    await expect(
      createElectronPrinting(
        fakeSender((cb) => cb(false, 'Print job canceled')),
        host
      ).printPage('t')
    ).resolves.toBe(false)
    await expect(
      createElectronPrinting(
        fakeSender((cb) => cb(false, 'Print job failed')),
        host
      ).printPage('t')
    ).rejects.toThrow(/Print job failed/)
  })

  it('refuses a window that is already gone', async () => {
    const sender = fakeSender()
    sender.isDestroyed.mockReturnValue(true)
    const { host } = fakeHost({ canceled: true, filePath: '' })
    await expect(createElectronPrinting(sender, host).printPage('t')).rejects.toThrow(/gone/)
    expect(sender.print).not.toHaveBeenCalled()
  })
})

describe('savePdf', () => {
  it('asks where to save (Documents/<name>, modal to the caller), renders A4 and writes the file atomically', async () => {
    const target = join(dir, 'chosen.pdf')
    const sender = fakeSender()
    const { host, showSaveDialog } = fakeHost({ canceled: false, filePath: target })
    await expect(createElectronPrinting(sender, host).savePdf('投诉登记表-TS-1.pdf')).resolves.toBe(target)

    expect(host.windowOf).toHaveBeenCalledWith(sender)
    expect(showSaveDialog).toHaveBeenCalledWith(
      parentWindow,
      expect.objectContaining({
        defaultPath: join(dir, 'Documents', '投诉登记表-TS-1.pdf'),
        filters: [{ name: 'PDF', extensions: ['pdf'] }]
      })
    )
    expect(sender.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true
    })
    expect(new Uint8Array(await readFile(target))).toEqual(PDF)
    // write-file-atomic renames its temp file into place: nothing else is left in the folder.
    expect(await readdir(dir)).toEqual(['chosen.pdf'])
  })

  it('a cancelled dialog renders and writes nothing', async () => {
    const sender = fakeSender()
    const writeFile = vi.fn(async () => undefined)
    const { host } = fakeHost({ canceled: true, filePath: '' }, { writeFile })
    await expect(createElectronPrinting(sender, host).savePdf('a.pdf')).resolves.toBeNull()
    expect(sender.printToPDF).not.toHaveBeenCalled()
    expect(writeFile).not.toHaveBeenCalled()
  })

  it('without a window to attach to, the dialog is still shown (unparented)', async () => {
    const { host, showSaveDialog } = fakeHost({ canceled: true, filePath: '' }, { windowOf: () => null })
    await createElectronPrinting(fakeSender(), host).savePdf('a.pdf')
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join(dir, 'Documents', 'a.pdf') })
    )
  })

  it('does not render a window that closed while the dialog was open', async () => {
    const sender = fakeSender()
    const { host } = fakeHost({ canceled: false, filePath: join(dir, 'x.pdf') })
    host.dialog.showSaveDialog = (async () => {
      sender.isDestroyed.mockReturnValue(true)
      return { canceled: false, filePath: join(dir, 'x.pdf') }
    }) as unknown as PrintingHost['dialog']['showSaveDialog']
    await expect(createElectronPrinting(sender, host).savePdf('x.pdf')).rejects.toThrow(/gone/)
    expect(sender.printToPDF).not.toHaveBeenCalled()
  })
})
