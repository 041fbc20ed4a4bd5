import { mkdtemp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SHARE_FILE_MAX_BYTES } from '@shared/ipc/contract'
import {
  createDeskHandlers,
  createDeviceStore,
  createShareConfig,
  createShareService,
  dispatch
} from '../../../../../electron/services'

// window.desk's share methods end to end in Node: zod at the boundary, the service behind it, and
// share failures arriving as { code: 'share', message: 'share.<failure>' } for the renderer to map.

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function setup() {
  const base = await mkdtemp(join(tmpdir(), 'desk-shareipc-'))
  made.push(base)
  const dataDir = join(base, 'userData')
  const root = join(base, 'nas')
  await mkdir(dataDir)
  await mkdir(root)
  const handlers = createDeskHandlers({
    deviceStore: createDeviceStore({ dataDir, hostname: 'h' }),
    appInfo: { appVersion: '0.1.0', platform: 'linux', host: 'test-host' },
    printing: { printPage: async () => true, savePdf: async () => null },
    share: createShareService(createShareConfig(dataDir))
  })
  return { base, root, dataDir, call: (method: string, arg?: unknown) => dispatch(handlers, method, arg) }
}

describe('share over IPC', () => {
  it('is not configured at first; setting the folder creates nothing on it and survives a restart', async () => {
    const { root, dataDir, call } = await setup()
    expect(await call('shareGetConfig')).toEqual({ ok: true, value: { root: null, reachable: false } })
    expect(await call('shareList', { dir: '' })).toEqual({
      ok: false,
      error: { code: 'share', message: 'share.notConfigured' }
    })
    expect(await call('shareSetRoot', { root })).toEqual({ ok: true, value: { root, reachable: true } })
    const again = createShareService(createShareConfig(dataDir))
    expect(await again.getConfig()).toEqual({ root, reachable: true })
    expect(await call('shareList', { dir: '' })).toEqual({ ok: true, value: [] })
  })

  it('writes once, reads back (Uint8Array), lists, removes; a taken name is share.exists', async () => {
    const { root, call } = await setup()
    await call('shareSetRoot', { root })
    const bytes = new TextEncoder().encode('门店数据')
    expect(await call('shareWriteNew', { path: 'devices/pcA/status-000000000000001.json', bytes })).toEqual({
      ok: true,
      value: { written: true }
    })
    expect(await readFile(join(root, 'devices/pcA/status-000000000000001.json'), 'utf8')).toBe('门店数据')
    expect(
      await call('shareWriteNew', {
        path: 'devices/pcA/status-000000000000001.json',
        bytes: new TextEncoder().encode('别的')
      })
    ).toEqual({
      ok: false,
      error: { code: 'share', message: 'share.exists' }
    })
    const read = await call('shareRead', { path: 'devices/pcA/status-000000000000001.json' })
    expect(read).toEqual({ ok: true, value: { bytes } })
    // What main hands back is itself a Uint8Array: it crosses Electron's structured clone as one.
    expect(read.ok && (read.value as { bytes: unknown }).bytes).toBeInstanceOf(Uint8Array)
    const listed = await call('shareList', { dir: 'devices/pcA' })
    expect(listed.ok && (listed.value as { name: string }[]).map((e) => e.name)).toEqual([
      'status-000000000000001.json'
    ])
    expect(await call('shareRemove', { path: 'devices/pcA/status-000000000000001.json' })).toEqual({
      ok: true,
      value: { removed: true }
    })
    expect(await call('shareRead', { path: 'devices/pcA/status-000000000000001.json' })).toEqual({
      ok: false,
      error: { code: 'share', message: 'share.notFound' }
    })
  })

  it('refuses bad arguments at the boundary: paths out of the folder, relative roots, extra fields', async () => {
    const { root, call } = await setup()
    await call('shareSetRoot', { root })
    for (const arg of [
      { path: '../x' },
      { path: '/etc/passwd' },
      { path: 'C:\\x' },
      { path: 'a/../../b' },
      { path: '' },
      { path: 'a', extra: 1 }
    ]) {
      const result = await call('shareRead', arg)
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-argument')
    }
    for (const bad of ['kefu', '..\\kefu', '', 'x'.repeat(300)]) {
      const result = await call('shareSetRoot', { root: bad })
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-argument')
    }
    for (const body of [{ bytes: 'AAE=' }, { bytes: [0, 1] }, { base64: 'AAE=' }, {}]) {
      const result = await call('shareWriteNew', { path: 'a.json', ...body })
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-argument')
    }
    const huge = await call('shareWriteNew', {
      path: 'a.json',
      bytes: new Uint8Array(SHARE_FILE_MAX_BYTES + 1)
    })
    expect(huge.ok ? 'ok' : huge.error.code).toBe('invalid-argument')
    expect(await readdir(root)).toEqual([])
    for (const root of ['\\\\NAS\\kefu', 'Z:\\kefu', '/mnt/kefu'])
      expect((await call('shareSetRoot', { root })).ok).toBe(true)
  })

  it('a folder that went away is share.unavailable, and comes back', async () => {
    const { root, call } = await setup()
    await call('shareSetRoot', { root })
    await rename(root, `${root}.gone`)
    expect(await call('shareGetConfig')).toEqual({ ok: true, value: { root, reachable: false } })
    expect(await call('shareList', { dir: 'devices' })).toEqual({
      ok: false,
      error: { code: 'share', message: 'share.unavailable' }
    })
    await rename(`${root}.gone`, root)
    expect(await call('shareList', { dir: 'devices' })).toEqual({ ok: true, value: [] })
  })
})
