import { describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import type { DeskHandlers } from '@shared/ipc/contract'
import { deskChannel, deskMethods } from '@shared/ipc/methods'
import { registerDeskIpc } from '../../../../electron/main/ipc'
import { APP_INDEX_URL } from '../../../../electron/services/appProtocol'
import { shareHandlerMocks } from '../services/stubs'

// ipc.ts only uses 'electron' for types, so it runs here with a fake ipcMain.
type Listener = (event: IpcMainInvokeEvent, arg: unknown) => unknown

const indexUrl = APP_INDEX_URL
const allowed = { rendererIndexUrl: indexUrl }

function setup() {
  const listeners = new Map<string, Listener>()
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => void listeners.set(channel, listener))
  }
  const handlers: DeskHandlers = {
    getAppInfo: vi.fn(async () => ({ appVersion: '1', platform: 'linux', host: 'electron' as const })),
    getDevice: vi.fn(async () => ({ deviceId: 'i', deviceName: 'n', deviceCode: 'A1', hostname: 'h' })),
    updateDevice: vi.fn(async () => ({ deviceId: 'i', deviceName: 'n', deviceCode: 'A1', hostname: 'h' })),
    renewDeviceId: vi.fn(async () => ({ deviceId: 'j', deviceName: 'n', deviceCode: 'A1', hostname: 'h' })),
    printPage: vi.fn(async () => ({ printed: true })),
    savePdf: vi.fn(async () => ({ saved: false, path: null })),
    ...shareHandlerMocks()
  }
  registerDeskIpc(ipcMain as never, () => handlers, allowed)
  const call = (method: string, frame: { url: string; parent: unknown } | null, arg?: unknown) =>
    listeners.get(deskChannel(method as never))!({ senderFrame: frame } as unknown as IpcMainInvokeEvent, arg)
  return { listeners, handlers, call }
}

const forbidden = { ok: false, error: { code: 'forbidden-sender', message: 'ipc.forbiddenSender' } }

describe('registerDeskIpc', () => {
  it('registers exactly one channel per desk method', () => {
    const { listeners } = setup()
    expect([...listeners.keys()].sort()).toEqual(deskMethods.map(deskChannel).sort())
  })

  it('dispatches calls from the app top frame', async () => {
    const { call, handlers } = setup()
    await expect(call('getDevice', { url: `${indexUrl}#/`, parent: null })).resolves.toMatchObject({
      ok: true
    })
    expect(handlers.getDevice).toHaveBeenCalledOnce()
  })

  it('still validates the argument of a trusted call', async () => {
    const { call, handlers } = setup()
    await expect(
      call('updateDevice', { url: indexUrl, parent: null }, { deviceName: '' })
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
    expect(handlers.updateDevice).not.toHaveBeenCalled()
  })

  it('passes file bytes from a trusted call through as Uint8Array, and refuses any other body', async () => {
    const { call, handlers } = setup()
    const app = { url: indexUrl, parent: null }
    // What Electron's structured clone delivers for a Uint8Array sent by the renderer.
    const bytes = new Uint8Array([83, 68, 0, 255])
    await expect(
      Promise.resolve(call('shareWriteNew', app, { path: 'devices/pcA/s.seg', bytes }))
    ).resolves.toEqual({ ok: true, value: { written: true } })
    expect(handlers.shareWriteNew).toHaveBeenCalledWith({ path: 'devices/pcA/s.seg', bytes })

    await expect(
      Promise.resolve(call('shareWriteNew', app, { path: 'devices/pcA/s.seg', bytes: 'U0QA/w==' }))
    ).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(handlers.shareWriteNew).toHaveBeenCalledOnce()
  })

  it.each([
    ['a destroyed frame', null],
    ['a subframe of the app', { url: indexUrl, parent: {} }],
    ['a foreign page', { url: 'https://example.com/', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['a local file (file:// is not the app)', { url: 'file:///app/out/renderer/index.html', parent: null }]
  ])('refuses %s without calling the handler', async (_label, frame) => {
    const { call, handlers } = setup()
    await expect(Promise.resolve(call('getDevice', frame))).resolves.toEqual(forbidden)
    expect(handlers.getDevice).not.toHaveBeenCalled()
  })

  it('binds the handlers to the webContents that called (printing acts on that window only)', async () => {
    const listeners = new Map<string, Listener>()
    const ipcMain = { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) }
    const handlersFor = vi.fn(() => setup().handlers)
    registerDeskIpc(ipcMain as never, handlersFor, allowed)
    const sender = { id: 7 }
    const event = { sender, senderFrame: { url: indexUrl, parent: null } } as unknown as IpcMainInvokeEvent
    await listeners.get(deskChannel('printPage'))!(event, { title: 't' })
    expect(handlersFor).toHaveBeenCalledWith(sender)

    // An untrusted caller never gets handlers built for it.
    handlersFor.mockClear()
    const foreign = {
      sender,
      senderFrame: { url: 'https://example.com/', parent: null }
    } as unknown as IpcMainInvokeEvent
    await expect(
      Promise.resolve(listeners.get(deskChannel('printPage'))!(foreign, { title: 't' }))
    ).resolves.toEqual(forbidden)
    expect(handlersFor).not.toHaveBeenCalled()
  })
})
