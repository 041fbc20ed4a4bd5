import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackupService, createDeskHandlers, dispatch } from '../../../../../electron/services'
import type { BackupListing } from '@shared/ipc/contract'

// 数据备份 in main: main names and places every file (data folder + second folder), keeps the list,
// checks the second copy, prunes by the generation rules, and refuses a second folder that is the
// share (or inside it, or holds it), a system folder, or one that cannot be written.

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

const DAY = 86_400_000

async function setup() {
  const base = await mkdtemp(join(tmpdir(), 'desk-backup-'))
  made.push(base)
  const dataDir = join(base, 'userData')
  const share = join(base, 'nas')
  const usb = join(base, 'usb')
  await mkdir(dataDir)
  await mkdir(share)
  await mkdir(usb)
  const dialog = { folder: usb as string | null, file: null as string | null }
  const clock = { now: Date.parse('2026-12-06T10:00:00+08:00') }
  const service = createBackupService({
    dataDir,
    pickFolder: async () => dialog.folder,
    pickFile: async () => dialog.file,
    shareRoot: async () => share,
    rootEnv: { platform: 'linux', home: join(base, 'home'), dataDir },
    now: () => clock.now
  })
  const handlers = createDeskHandlers({
    deviceStore: undefined as never,
    appInfo: { appVersion: '0', platform: 'linux', host: 'test-host' },
    printing: undefined as never,
    share: undefined as never,
    storeKeys: undefined as never,
    backups: service
  })
  const call = async (method: string, arg?: unknown) => dispatch(handlers, method, arg)
  return { base, dataDir, share, usb, dialog, clock, service, call }
}

const bytes = (text: string) => new TextEncoder().encode(text)
const input = (at: number, text = 'SDBACKUP…') => ({
  bytes: bytes(text),
  reason: 'manual' as const,
  createdAt: at,
  counts: { customers: 2 },
  encrypted: false
})

describe('backup files in main', () => {
  it('writes into the data folder and the second folder, reads back, records ✓ only for the very bytes it was given', async () => {
    const { dataDir, usb, service, clock } = await setup()
    expect((await service.chooseFolder()).outcome).toBe('chosen')
    const { id } = await service.write(input(clock.now))
    expect(id).toMatch(/^backup-20261206-020000-[0-9a-f]{6}$/)
    expect(await readdir(join(dataDir, 'backups'))).toContain(`${id}.sdbak`)
    expect(await readFile(join(usb, `${id}.sdbak`), 'utf8')).toBe('SDBACKUP…')
    expect(new TextDecoder().decode(await service.read(id))).toBe('SDBACKUP…')
    expect(await service.setVerified(id, true)).toMatchObject({ verified: true, secondCopy: true, size: 11 })

    // A second copy changed after writing is reported; a first copy changed is not ✓ even if the
    // renderer says so.
    const other = (await service.write(input(clock.now + 1000))).id
    await writeFile(join(usb, `${other}.sdbak`), 'SDBACKUP!!')
    await writeFile(join(dataDir, 'backups', `${other}.sdbak`), 'SDBACKUP!!')
    expect(await service.setVerified(other, true)).toMatchObject({ verified: false, secondCopy: false })
    const list = await service.list()
    expect(list.entries.map((e) => e.id)).toEqual([other, id])
    expect(list.secondFolder).toBe(usb)
  })

  it('prunes by the generations after each check: the last 6 of today stay, older extras go from both folders', async () => {
    const { dataDir, usb, service, clock } = await setup()
    await service.chooseFolder()
    const ids: string[] = []
    for (let i = 0; i < 9; i++) {
      const { id } = await service.write(input(clock.now + i * 60_000))
      await service.setVerified(id, true)
      ids.push(id)
    }
    // Today: the newest 6 (the day's newest is among them).
    const kept = (await service.list()).entries.map((e) => e.id)
    expect(kept).toEqual(ids.slice(3).reverse())
    expect((await readdir(join(dataDir, 'backups'))).filter((f) => f.endsWith('.sdbak')).sort()).toEqual(
      ids.slice(3).map((id) => `${id}.sdbak`)
    )
    expect((await readdir(usb)).sort()).toEqual(ids.slice(3).map((id) => `${id}.sdbak`))
    // Two weeks later the day's newest is still kept (one a day for 14 days … then one a week).
    clock.now += 13 * DAY
    const { id } = await service.write(input(clock.now))
    await service.setVerified(id, true)
    expect((await service.list()).entries.map((e) => e.id)).toContain(ids[8])
  })

  it('refuses the share (itself, inside it, above it), a system folder, the data folder and a folder that cannot be written; a cancel changes nothing', async () => {
    const { base, share, usb, dialog, service, dataDir } = await setup()
    await service.chooseFolder()
    const refused = async (folder: string | null) => {
      dialog.folder = folder
      const choice = await service.chooseFolder()
      expect(choice.secondFolder).toBe(usb)
      return choice.refusal ?? choice.outcome
    }
    expect(await refused(share)).toBe('isShare')
    await mkdir(join(share, 'backups'))
    expect(await refused(join(share, 'backups'))).toBe('isShare')
    expect(await refused(base)).toBe('isShare')
    expect(await refused('/etc')).toBe('systemFolder')
    expect(await refused(dataDir)).toBe('systemFolder')
    expect(await refused(join(base, 'gone'))).toBe('notWritable')
    await writeFile(join(base, 'a-file'), 'x')
    expect(await refused(join(base, 'a-file'))).toBe('notWritable')
    expect(await refused(null)).toBe('cancelled')
    expect((await service.list()).secondFolder).toBe(usb)
  })

  it('the IPC boundary: no path from the renderer, ids of backups only, sizes capped', async () => {
    const { call, clock } = await setup()
    const wrote = await call('backupWrite', input(clock.now))
    expect(wrote.ok).toBe(true)
    expect((await call('backupRead', { id: '../../etc/passwd' })).ok).toBe(false)
    expect((await call('backupRead', { id: 'backup-20261206-020000-abcdef' })).ok).toBe(false)
    expect(await call('backupRead', { id: 'backup-20261206-020000-abcdef' })).toMatchObject({
      error: { code: 'backup', message: 'backup.notFound' }
    })
    expect((await call('backupChooseFolder', { folder: '/tmp' })).ok).toBe(false)
    expect((await call('backupWrite', { ...input(clock.now), path: '/tmp/x' })).ok).toBe(false)
    const listed = (await call('backupList')) as { ok: true; value: BackupListing }
    expect(listed.value.entries).toHaveLength(1)
  })

  it('opens a backup file picked in main’s dialog (a regular file only); a cancel gives null', async () => {
    const { base, dialog, service } = await setup()
    await writeFile(join(base, 'old-pc.sdbak'), 'SDBACKUP…')
    dialog.file = join(base, 'old-pc.sdbak')
    const opened = await service.openFile()
    expect(opened?.name).toBe('old-pc.sdbak')
    expect(new TextDecoder().decode(opened?.bytes)).toBe('SDBACKUP…')
    dialog.file = base
    await expect(service.openFile()).rejects.toMatchObject({ failure: 'notAFile' })
    dialog.file = null
    expect(await service.openFile()).toBeNull()
  })
})
