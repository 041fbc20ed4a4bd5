import { mkdtemp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
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
import { unusedStoreKeys } from '../stubs'

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
  // main's folder dialog, stood in for: what the user "picks" next (null = cancelled)
  const dialog = { picks: root as string | null, opened: 0 }
  const serviceFor = () =>
    createShareService(createShareConfig(dataDir), {
      pickFolder: async () => {
        dialog.opened++
        return dialog.picks
      },
      rootEnv: { platform: process.platform, home: join(base, 'home'), dataDir }
    })
  const handlers = createDeskHandlers({
    deviceStore: createDeviceStore({ dataDir, hostname: 'h' }),
    appInfo: { appVersion: '0.1.0', platform: 'linux', host: 'test-host' },
    printing: { printPage: async () => true, savePdf: async () => null },
    share: serviceFor(),
    storeKeys: unusedStoreKeys
  })
  return {
    base,
    root,
    dataDir,
    dialog,
    serviceFor,
    call: (method: string, arg?: unknown) => dispatch(handlers, method, arg)
  }
}

describe('share over IPC', () => {
  it('is not configured at first; the folder picked in main’s dialog creates nothing on it and survives a restart', async () => {
    const { root, call, dialog, serviceFor } = await setup()
    expect(await call('shareGetConfig')).toEqual({ ok: true, value: { root: null, reachable: false } })
    expect(await call('shareList', { dir: '' })).toEqual({
      ok: false,
      error: { code: 'share', message: 'share.notConfigured' }
    })
    dialog.picks = null
    expect(await call('shareChooseRoot')).toEqual({
      ok: true,
      value: { root: null, reachable: false, outcome: 'cancelled' }
    })
    dialog.picks = root
    expect(await call('shareChooseRoot')).toEqual({
      ok: true,
      value: { root, reachable: true, outcome: 'chosen' }
    })
    expect(await serviceFor().getConfig()).toEqual({ root, reachable: true })
    expect(await call('shareList', { dir: '' })).toEqual({ ok: true, value: [] })
  })

  it('writes once, reads back (Uint8Array), lists, removes; a taken name is share.exists', async () => {
    const { root, call } = await setup()
    await call('shareChooseRoot')
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

  it('refuses bad arguments at the boundary: paths out of the folder, any folder from the renderer, extra fields', async () => {
    const { root, call, dialog } = await setup()
    await call('shareChooseRoot')
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
    // The renderer cannot name the folder at all: main's dialog does (issue 17).
    dialog.opened = 0
    for (const arg of [{ root: '/' }, { root: '\\\\attacker\\share' }, '/etc', { root: null }]) {
      const result = await call('shareChooseRoot', arg)
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-argument')
      expect(await call('shareSetRoot', arg)).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    }
    expect(dialog.opened).toBe(0)
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
  })

  it('a folder picked in the dialog that may not be a share is refused, and the setting kept', async () => {
    const { base, root, call, dialog } = await setup()
    await call('shareChooseRoot')
    for (const [picked, refusal] of [
      ['/', 'driveRoot'],
      ['/etc', 'systemFolder'],
      [join(base, 'home'), 'profileFolder'],
      [join(base, 'userData'), 'profileFolder'],
      ['//./PhysicalDrive0', 'devicePath'],
      ['kefu', 'notAbsolute'],
      [join(root, 'NUL'), 'reservedName']
    ] as const) {
      dialog.picks = picked
      expect(await call('shareChooseRoot'), picked).toEqual({
        ok: true,
        value: { root, reachable: true, outcome: 'refused', refusal }
      })
    }
    expect(await call('shareGetConfig')).toEqual({ ok: true, value: { root, reachable: true } })
  })

  it('a root stored before issue 17 is used again only if it still passes; an unpicked UNC path never', async () => {
    const { root, dataDir, serviceFor } = await setup()
    const store = async (stored: string) =>
      writeFile(join(dataDir, 'share.json'), JSON.stringify({ schemaVersion: 1, root: stored }))
    await store(root)
    expect(await serviceFor().getConfig()).toEqual({ root, reachable: true })
    for (const bad of ['/', '/etc', '\\\\attacker\\share', '//attacker/share']) {
      await store(bad)
      expect(await serviceFor().getConfig(), bad).toEqual({ root: null, reachable: false })
      await expect(serviceFor().list('')).rejects.toMatchObject({ failure: 'notConfigured' })
    }
  })

  it('a folder that went away is share.unavailable, and comes back', async () => {
    const { root, call } = await setup()
    await call('shareChooseRoot')
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
