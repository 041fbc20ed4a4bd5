import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDeviceStore, randomDeviceCode } from '../../../../electron/services/deviceStore'
import { createDeskHandlers } from '../../../../electron/services/handlers'
import { dispatch } from '../../../../electron/services/dispatch'
import { zhCN } from '@/i18n/zh-CN'
import { unusedShare, unusedStoreKeys } from './stubs'

// Pass-through wrapper around the real write-file-atomic that records each temp file it creates,
// so the atomic-write test can prove the store writes via temp file + rename.
const atomic = vi.hoisted(() => ({ calls: [] as { target: string; tmp: string[]; fsync: unknown }[] }))
vi.mock('write-file-atomic', async (importOriginal) => {
  // An `export =` CommonJS module: its ES namespace has the function as `default`.
  const real = (await importOriginal<{ default: typeof import('write-file-atomic') }>()).default
  const wrapped = (target: string, data: string, options: { fsync?: boolean } = {}): Promise<void> => {
    const call = { target, tmp: [] as string[], fsync: options.fsync }
    atomic.calls.push(call)
    return real(target, data, { ...options, tmpfileCreated: (tmp: string) => call.tmp.push(tmp) })
  }
  return { default: wrapped }
})

const NANOID = /^[A-Za-z0-9_-]{21}$/
const CODE = /^[A-Z][0-9A-Z]$/

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-device-'))
  atomic.calls.length = 0
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

const readStored = async (): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(join(dir, 'device.json'), 'utf8')) as Record<string, unknown>

describe('createDeviceStore', () => {
  it('creates an identity on first get(): nanoid id, host name, valid code', async () => {
    const store = createDeviceStore({ dataDir: dir, hostname: 'FRONT-DESK-01' })
    const info = await store.get()
    expect(info.deviceId).toMatch(NANOID)
    expect(info.deviceName).toBe('FRONT-DESK-01')
    expect(info.deviceCode).toMatch(CODE)
    expect(info.hostname).toBe('FRONT-DESK-01')
    expect(await readStored()).toMatchObject({
      deviceId: info.deviceId,
      deviceName: 'FRONT-DESK-01',
      deviceCode: info.deviceCode
    })
  })

  it('creates the data folder if it does not exist yet', async () => {
    const nested = join(dir, 'a', 'b')
    const info = await createDeviceStore({ dataDir: nested, hostname: 'h' }).get()
    expect(JSON.parse(await readFile(join(nested, 'device.json'), 'utf8'))).toMatchObject({
      deviceId: info.deviceId
    })
  })

  it('keeps the identity across store instances and reports the live host name', async () => {
    const first = await createDeviceStore({ dataDir: dir, hostname: 'old-name' }).get()
    const again = await createDeviceStore({
      dataDir: dir,
      hostname: 'renamed-pc',
      randomId: () => 'SHOULD_NOT_BE_USED_1'
    }).get()
    expect(again.deviceId).toBe(first.deviceId)
    expect(again.deviceCode).toBe(first.deviceCode)
    expect(again.deviceName).toBe('old-name') // the chosen name stays
    expect(again.hostname).toBe('renamed-pc') // the host name is always live
  })

  it('makes a valid default name from an empty or very long host name', async () => {
    const empty = await createDeviceStore({ dataDir: dir, hostname: '  ' }).get()
    expect(empty.deviceName).toBe('PC')
    const dir2 = await mkdtemp(join(tmpdir(), 'desk-device-'))
    try {
      const long = await createDeviceStore({ dataDir: dir2, hostname: 'x'.repeat(100) }).get()
      expect(long.deviceName).toBe('x'.repeat(40))
    } finally {
      await rm(dir2, { recursive: true, force: true })
    }
  })

  it('update() persists the new name and code but never changes the id', async () => {
    const store = createDeviceStore({ dataDir: dir, hostname: 'h' })
    const before = await store.get()
    const after = await store.update({ deviceName: '收银台', deviceCode: 'Z9' })
    expect(after).toEqual({ ...before, deviceName: '收银台', deviceCode: 'Z9' })
    const reopened = await createDeviceStore({ dataDir: dir, hostname: 'h' }).get()
    expect(reopened).toEqual(after)
  })

  it('renew() gives a cloned PC a fresh id and 电脑代码, keeps its name, persists it, and is idempotent', async () => {
    // the first random code is the one it has: another is drawn
    const codes = ['Z9', 'Z9', 'K7']
    const store = createDeviceStore({ dataDir: dir, hostname: 'h', randomCode: () => codes.shift() ?? 'Q1' })
    const before = await store.update({ deviceName: '收银台', deviceCode: 'Z9' })
    codes.splice(0, codes.length, 'Z9', 'K7')
    const renewed = await store.renew(before.deviceId)
    expect(renewed.deviceId).toMatch(NANOID)
    expect(renewed).toEqual({ ...before, deviceId: renewed.deviceId, deviceCode: 'K7' })
    expect(renewed.deviceId).not.toBe(before.deviceId)
    // the same request again (a second round saw the clash too): nothing changes
    expect(await store.renew(before.deviceId)).toEqual(renewed)
    expect(await createDeviceStore({ dataDir: dir, hostname: 'h' }).get()).toEqual(renewed)
  })

  it('never mints a second id in one session, even if device.json disappears meanwhile', async () => {
    let minted = 0
    const store = createDeviceStore({
      dataDir: dir,
      hostname: 'h',
      randomId: () => `id-number-${++minted}-abcdefgh`
    })
    const first = await store.get()
    await rm(join(dir, 'device.json'))
    expect((await store.get()).deviceId).toBe(first.deviceId)
    expect(minted).toBe(1)
  })

  it('serializes concurrent first calls into a single identity', async () => {
    let minted = 0
    const store = createDeviceStore({
      dataDir: dir,
      hostname: 'h',
      randomId: () => `id-number-${++minted}-abcdefgh`
    })
    const results = await Promise.all([
      store.get(),
      store.get(),
      store.update({ deviceName: 'n', deviceCode: 'B2' }),
      store.get()
    ])
    expect(minted).toBe(1)
    expect(new Set(results.map((r) => r.deviceId)).size).toBe(1)
    expect(results[3]).toMatchObject({ deviceName: 'n', deviceCode: 'B2' }) // ran in call order
    expect(await readStored()).toMatchObject({ deviceId: 'id-number-1-abcdefgh', deviceCode: 'B2' })
  })

  it('keeps a later call working after an earlier one failed', async () => {
    const store = createDeviceStore({ dataDir: dir, hostname: 'h' })
    const bad = store.update({ deviceName: '', deviceCode: 'A1' })
    const good = store.get()
    await expect(bad).rejects.toThrow()
    await expect(good).resolves.toMatchObject({ deviceName: 'h' })
  })

  it.each([
    ['not json', '{ "deviceId": '],
    ['an empty file', ''],
    [
      'the wrong shape',
      JSON.stringify({ schemaVersion: 1, deviceId: '../../etc', deviceName: 'x', deviceCode: 'A1' })
    ],
    [
      'a bad device code',
      JSON.stringify({
        schemaVersion: 1,
        deviceId: 'abcdefghijklmnopqrstu',
        deviceName: 'x',
        deviceCode: '11'
      })
    ]
  ])('sets aside %s and creates a fresh identity', async (_label, content) => {
    await writeFile(join(dir, 'device.json'), content)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const info = await createDeviceStore({
      dataDir: dir,
      hostname: 'h',
      randomId: () => 'fresh-identity-000001'
    }).get()
    expect(info.deviceId).toBe('fresh-identity-000001')

    const files = await readdir(dir)
    const aside = files.filter((f) => /^device\.json\.corrupt-[0-9TZ-]+$/.test(f))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(content) // kept byte for byte
    expect((await readStored())['deviceId']).toBe('fresh-identity-000001')
  })

  it('does not replace a device.json it cannot read for another reason', async () => {
    // A folder named device.json: reading fails with EISDIR, not "missing" nor "corrupt".
    await (await import('node:fs/promises')).mkdir(join(dir, 'device.json'))
    const store = createDeviceStore({ dataDir: dir, hostname: 'h' })
    await expect(store.get()).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['device.json'])
  })

  it('writes atomically: via a temp file in the same folder, fsynced, none left behind', async () => {
    const store = createDeviceStore({ dataDir: dir, hostname: 'h' })
    await store.get()
    await store.update({ deviceName: 'a', deviceCode: 'A1' })
    await store.update({ deviceName: 'b', deviceCode: 'B1' })

    expect(atomic.calls).toHaveLength(3)
    for (const call of atomic.calls) {
      expect(call.target).toBe(join(dir, 'device.json'))
      expect(call.fsync).not.toBe(false)
      expect(call.tmp).toHaveLength(1)
      expect(dirname(call.tmp[0]!)).toBe(dir) // same folder, so the rename is atomic
      expect(call.tmp[0]).not.toBe(call.target)
    }
    expect(await readdir(dir)).toEqual(['device.json'])
  })
})

describe('randomDeviceCode', () => {
  it('always yields a letter then a letter or digit, across the whole random range', () => {
    for (const r of [0, 0.5, 0.999999999]) expect(randomDeviceCode(() => r)).toMatch(CODE)
    for (let i = 0; i < 500; i++) expect(randomDeviceCode()).toMatch(CODE)
    expect(randomDeviceCode(() => 0)).toBe('AA')
    expect(randomDeviceCode(() => 0.999999999)).toBe('Z9')
  })
})

describe('updateDevice through dispatch', () => {
  const appInfo = { appVersion: '0.1.0', platform: 'linux', host: 'test-host' as const }
  // Not under test here; printing has its own tests (printing.test.ts).
  const printing = { printPage: async () => true, savePdf: async () => null }

  it('validation happens in dispatch: a bad update is refused before the store is touched', async () => {
    const deviceStore = createDeviceStore({ dataDir: dir, hostname: 'h' })
    const handlers = createDeskHandlers({
      deviceStore,
      appInfo,
      printing,
      share: unusedShare,
      storeKeys: unusedStoreKeys
    })
    const before = await deviceStore.get()
    const fileBefore = await readFile(join(dir, 'device.json'), 'utf8')
    const update = vi.spyOn(deviceStore, 'update')

    const result = await dispatch(handlers, 'updateDevice', { deviceName: 'x', deviceCode: 'a-1' })

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'ipc.invalidArgument',
        issues: [{ path: 'deviceCode', message: 'validation.deviceCode' }]
      }
    })
    expect(update).not.toHaveBeenCalled()
    expect(await readFile(join(dir, 'device.json'), 'utf8')).toBe(fileBefore)
    expect(await deviceStore.get()).toEqual(before)
  })

  it('a valid update is normalized by the schema and persisted', async () => {
    const deviceStore = createDeviceStore({ dataDir: dir, hostname: 'h' })
    const handlers = createDeskHandlers({
      deviceStore,
      appInfo,
      printing,
      share: unusedShare,
      storeKeys: unusedStoreKeys
    })
    const result = await dispatch(handlers, 'updateDevice', { deviceName: '  前台  ', deviceCode: 'c4' })
    expect(result).toMatchObject({ ok: true, value: { deviceName: '前台', deviceCode: 'C4', hostname: 'h' } })
    expect(await readStored()).toMatchObject({ deviceName: '前台', deviceCode: 'C4' })
  })

  it('电脑名称 with NUL or bidi controls is refused with its own message; stored or host names are cleaned', async () => {
    const deviceStore = createDeviceStore({ dataDir: dir, hostname: 'h' })
    const handlers = createDeskHandlers({
      deviceStore,
      appInfo,
      printing,
      share: unusedShare,
      storeKeys: unusedStoreKeys
    })
    const before = await deviceStore.get()
    for (const deviceName of [
      '前台\u0000电脑',
      '前台\u202E脑电',
      '\u2066前台\u2069',
      'a\u200fb',
      'a\u061cb',
      'a\u200bb',
      'a\tb',
      'a\u2028b'
    ]) {
      const result = await dispatch(handlers, 'updateDevice', { deviceName, deviceCode: 'A1' })
      expect(result, JSON.stringify(deviceName)).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-argument',
          issues: [{ path: 'deviceName', message: 'validation.invisibleChars' }]
        }
      })
    }
    expect(await deviceStore.get()).toEqual(before)
    expect(zhCN.validation.invisibleChars).toContain('文字方向控制符')
    // a host name with them becomes a clean default name
    const dir2 = await mkdtemp(join(tmpdir(), 'desk-device-'))
    try {
      const odd = await createDeviceStore({ dataDir: dir2, hostname: 'KEFU\u202E-PC\u0000' }).get()
      expect(odd.deviceName).toBe('KEFU-PC')
      // a name stored by an earlier version keeps the identity, cleaned
      await writeFile(
        join(dir2, 'device.json'),
        JSON.stringify({
          schemaVersion: 1,
          deviceId: odd.deviceId,
          deviceName: '前台\u202E1号',
          deviceCode: 'A1'
        })
      )
      const again = await createDeviceStore({ dataDir: dir2, hostname: 'x' }).get()
      expect(again).toMatchObject({ deviceId: odd.deviceId, deviceName: '前台1号' })
    } finally {
      await rm(dir2, { recursive: true, force: true })
    }
  })

  it('getAppInfo returns the app info given to the handlers', async () => {
    const handlers = createDeskHandlers({
      deviceStore: createDeviceStore({ dataDir: dir, hostname: 'h' }),
      appInfo,
      printing,
      share: unusedShare,
      storeKeys: unusedStoreKeys
    })
    expect(await dispatch(handlers, 'getAppInfo', undefined)).toEqual({ ok: true, value: appInfo })
  })

  it('renewDeviceId: a malformed former id is refused at the boundary; a valid one renews', async () => {
    const deviceStore = createDeviceStore({ dataDir: dir, hostname: 'h' })
    const handlers = createDeskHandlers({
      deviceStore,
      appInfo,
      printing,
      share: unusedShare,
      storeKeys: unusedStoreKeys
    })
    const before = await deviceStore.get()
    expect(await dispatch(handlers, 'renewDeviceId', { formerDeviceId: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
    expect(
      await dispatch(handlers, 'renewDeviceId', { formerDeviceId: before.deviceId, extra: 1 })
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect((await deviceStore.get()).deviceId).toBe(before.deviceId)
    const renewed = await dispatch(handlers, 'renewDeviceId', { formerDeviceId: before.deviceId })
    expect(renewed).toMatchObject({
      ok: true,
      value: { deviceName: before.deviceName, deviceCode: expect.stringMatching(CODE) }
    })
    expect((await readStored()).deviceId).not.toBe(before.deviceId)
  })
})
