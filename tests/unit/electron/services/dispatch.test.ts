import { afterEach, describe, expect, it, vi } from 'vitest'
import { SHARE_FILE_MAX_BYTES, type DeskHandlers, type DeviceInfo } from '@shared/ipc/contract'
import { dispatch } from '../../../../electron/services/dispatch'
import { shareHandlerMocks } from './stubs'

const device: DeviceInfo = {
  deviceId: 'abcdefghijklmnopqrstu',
  deviceName: 'PC-1',
  deviceCode: 'A3',
  hostname: 'pc-1'
}

function fakeHandlers(overrides: Partial<DeskHandlers> = {}): DeskHandlers {
  return {
    getAppInfo: vi.fn(async () => ({ appVersion: '1.2.3', platform: 'win32', host: 'test-host' as const })),
    getDevice: vi.fn(async () => device),
    updateDevice: vi.fn(async (input) => ({ ...device, ...input })),
    renewDeviceId: vi.fn(async () => ({ ...device, deviceId: 'renewed-id' })),
    printPage: vi.fn(async () => ({ printed: true })),
    savePdf: vi.fn(async () => ({ saved: false, path: null })),
    ...shareHandlerMocks(),
    ...overrides
  }
}

afterEach(() => vi.restoreAllMocks())

describe('dispatch', () => {
  it('returns the handler value on success', async () => {
    const result = await dispatch(fakeHandlers(), 'getAppInfo', undefined)
    expect(result).toEqual({ ok: true, value: { appVersion: '1.2.3', platform: 'win32', host: 'test-host' } })
  })

  it.each([['nope'], ['toString'], ['__proto__'], ['constructor'], [42], [undefined], [null]])(
    'rejects unknown method %j without calling any handler',
    async (method) => {
      const handlers = fakeHandlers()
      const result = await dispatch(handlers, method, undefined)
      expect(result).toEqual({ ok: false, error: { code: 'unknown-method', message: 'ipc.unknownMethod' } })
      for (const fn of Object.values(handlers)) expect(fn).not.toHaveBeenCalled()
    }
  )

  it('passes the parsed (normalized) input to the handler', async () => {
    const handlers = fakeHandlers()
    const result = await dispatch(handlers, 'updateDevice', { deviceName: '  前台 1  ', deviceCode: 'b7' })
    expect(handlers.updateDevice).toHaveBeenCalledWith({ deviceName: '前台 1', deviceCode: 'B7' })
    expect(result).toEqual({ ok: true, value: { ...device, deviceName: '前台 1', deviceCode: 'B7' } })
  })

  it('maps schema failures to invalid-argument with i18n issue keys and skips the handler', async () => {
    const handlers = fakeHandlers()
    const result = await dispatch(handlers, 'updateDevice', { deviceName: '   ', deviceCode: '3A' })
    expect(handlers.updateDevice).not.toHaveBeenCalled()
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-argument')
    expect(result.error.message).toBe('ipc.invalidArgument')
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'deviceName', message: 'validation.required' },
        { path: 'deviceCode', message: 'validation.deviceCode' }
      ])
    )
  })

  it("replaces zod's own English messages with validation.invalid", async () => {
    const result = await dispatch(fakeHandlers(), 'updateDevice', { deviceName: 5, deviceCode: 'A1' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'ipc.invalidArgument',
        issues: [{ path: 'deviceName', message: 'validation.invalid' }]
      }
    })
  })

  it('rejects unexpected extra keys and arguments for no-argument methods', async () => {
    const handlers = fakeHandlers()
    const extra = await dispatch(handlers, 'updateDevice', { deviceName: 'x', deviceCode: 'A1', admin: true })
    const arg = await dispatch(handlers, 'getDevice', { anything: 1 })
    expect(extra.ok || extra.error.code).toBe('invalid-argument')
    expect(arg.ok || arg.error.code).toBe('invalid-argument')
    expect(handlers.updateDevice).not.toHaveBeenCalled()
    expect(handlers.getDevice).not.toHaveBeenCalled()
  })

  it('hands file bytes to the share handler as the Uint8Array that arrived', async () => {
    const handlers = fakeHandlers()
    const bytes = new Uint8Array([0, 1, 254, 255])
    const result = await dispatch(handlers, 'shareWriteNew', { path: 'devices/pcA/a.seg', bytes })
    expect(result).toEqual({ ok: true, value: { written: true } })
    expect(handlers.shareWriteNew).toHaveBeenCalledWith({ path: 'devices/pcA/a.seg', bytes })
    // An empty file is a file.
    const empty = await dispatch(handlers, 'shareWriteNew', { path: 'b.json', bytes: new Uint8Array() })
    expect(empty.ok).toBe(true)
  })

  it.each([
    ['base64 text', 'AAH+/w=='],
    ['a plain array', [0, 1, 254, 255]],
    ['an array-like object (what JSON makes of bytes)', { 0: 0, 1: 1 }],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['another typed array', new Uint16Array(2)],
    ['nothing', undefined]
  ])('refuses %s as file bytes without calling the handler', async (_label, bytes) => {
    const handlers = fakeHandlers()
    const result = await dispatch(handlers, 'shareWriteNew', { path: 'a.seg', bytes })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'ipc.invalidArgument',
        issues: [{ path: 'bytes', message: 'validation.invalid' }]
      }
    })
    expect(handlers.shareWriteNew).not.toHaveBeenCalled()
  })

  it('refuses a file over the size cap, and takes one exactly at it', async () => {
    const handlers = fakeHandlers()
    const over = await dispatch(handlers, 'shareWriteNew', {
      path: 'a.seg',
      bytes: new Uint8Array(SHARE_FILE_MAX_BYTES + 1)
    })
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', issues: [{ path: 'bytes', message: 'validation.tooLong' }] }
    })
    expect(handlers.shareWriteNew).not.toHaveBeenCalled()
    const max = await dispatch(handlers, 'shareWriteNew', {
      path: 'a.seg',
      bytes: new Uint8Array(SHARE_FILE_MAX_BYTES)
    })
    expect(max.ok).toBe(true)
  })

  it('turns a throwing handler into internal without leaking the error, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const boom = new Error('EACCES: /secret/path/device.json')
    const result = await dispatch(
      fakeHandlers({
        getDevice: async () => {
          throw boom
        }
      }),
      'getDevice',
      undefined
    )
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'ipc.internal' } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(log).toHaveBeenCalledWith(expect.stringContaining('getDevice'), boom)
  })

  it('never rejects, even when a handler throws synchronously', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const handlers = fakeHandlers({
      getDevice: (() => {
        throw new Error('sync')
      }) as DeskHandlers['getDevice']
    })
    await expect(dispatch(handlers, 'getDevice', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })
})
