import { execFileSync } from 'node:child_process'
import { mkdtemp, mkdir, open, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isSharePath } from '@shared/ipc/sharePath'
import { isReservedWindowsName } from '@shared/ipc/windowsNames'
import { createFolderStorage, ShareServiceError } from '../../../../../electron/services'
import { READ_CAPS, shareFileKind } from '../../../../../electron/services/sync/readCaps'

// Issue 17 point 6: reading a share file checks it is a regular file and within its kind's cap BEFORE
// opening it, opens without blocking, and no share path may name a Windows device.

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function tempRoot(): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'desk-shareread-'))
  made.push(base)
  const root = join(base, 'share')
  await mkdir(join(root, 'devices/pcB/segments'), { recursive: true })
  return root
}

const failure = (e: unknown) => (e instanceof ShareServiceError ? e.failure : String(e))
const NEXT_SEGMENT = 'devices/pcB/segments/seg-pcB-000000000002.seg'

/** A storage whose every open is recorded. */
function watched(root: string) {
  const opened: string[] = []
  const storage = createFolderStorage(root, {
    openFile: (path, flags) => {
      opened.push(path)
      return open(path, flags)
    }
  })
  return { storage, opened }
}

describe('reading share files', () => {
  it('refuses a 300 MB (sparse) file named like the next segment without opening it', async () => {
    const root = await tempRoot()
    const abs = join(root, NEXT_SEGMENT)
    await writeFile(abs, '')
    await truncate(abs, 300 * 1024 * 1024)
    const { storage, opened } = watched(root)
    await expect(storage.read(NEXT_SEGMENT)).rejects.toSatisfy((e) => failure(e) === 'tooLarge')
    expect(opened).toEqual([])
    // the same name within the cap is read
    await rm(abs)
    await writeFile(abs, 'SDSYNC …')
    expect(new TextDecoder().decode(await storage.read(NEXT_SEGMENT))).toBe('SDSYNC …')
    expect(opened).toEqual([abs])
  })

  it('caps each kind of file: store.json, status, segment, snapshot chunk and manifest, anything else', async () => {
    expect(shareFileKind('store.json')).toBe('store')
    expect(shareFileKind('devices/pcA/status-000001763870400.json')).toBe('status')
    expect(shareFileKind(NEXT_SEGMENT)).toBe('segment')
    expect(shareFileKind('snapshots/001763870400000-pcA/chunk-000001.snap')).toBe('snapshotChunk')
    expect(shareFileKind('snapshots/001763870400000-pcA/manifest.snap')).toBe('snapshotManifest')
    expect(shareFileKind('probe/x.json')).toBe('other')
    expect(shareFileKind('devices/store.json')).toBe('other')
    const root = await tempRoot()
    const { storage, opened } = watched(root)
    await writeFile(join(root, 'store.json'), 'x'.repeat(READ_CAPS.store + 1))
    await expect(storage.read('store.json')).rejects.toSatisfy((e) => failure(e) === 'tooLarge')
    await writeFile(join(root, 'store.json'), 'x'.repeat(READ_CAPS.store))
    expect((await storage.read('store.json')).byteLength).toBe(READ_CAPS.store)
    await writeFile(join(root, 'devices/pcB/status-000001763870400.json'), 'x'.repeat(READ_CAPS.status + 1))
    await expect(storage.read('devices/pcB/status-000001763870400.json')).rejects.toSatisfy(
      (e) => failure(e) === 'tooLarge'
    )
    expect(opened).toEqual([join(root, 'store.json')])
  })

  it('a FIFO named like a segment is refused at once (the test finishes; nothing waits on a writer)', async () => {
    const root = await tempRoot()
    const abs = join(root, NEXT_SEGMENT)
    execFileSync('mkfifo', [abs])
    const { storage, opened } = watched(root)
    await expect(storage.read(NEXT_SEGMENT)).rejects.toSatisfy((e) => failure(e) === 'notAFile')
    expect(opened).toEqual([])
  })

  it('a symlink to a file inside the share is not followed either; a folder reads as missing', async () => {
    const root = await tempRoot()
    await writeFile(join(root, 'store.json'), '{}')
    await symlink(join(root, 'store.json'), join(root, NEXT_SEGMENT))
    const { storage, opened } = watched(root)
    await expect(storage.read(NEXT_SEGMENT)).rejects.toSatisfy((e) => failure(e) === 'notAFile')
    await expect(storage.read('devices/pcB/segments')).rejects.toSatisfy((e) => failure(e) === 'notFound')
    expect(opened).toEqual([])
  })

  const RESERVED = [
    'CON',
    'con',
    'Nul',
    'NUL.seg',
    'nul.tar.gz',
    'PRN',
    'AUX.json',
    'COM1',
    'com9.snap',
    'COM0',
    'LPT1',
    'lpt9.txt',
    'COM\u00b9',
    'LPT\u00b3.pdf',
    'CONIN$',
    'conout$.txt',
    'CON .txt',
    'NUL.'
  ]

  it('knows every reserved Windows name, in any case, with any extension', () => {
    for (const name of RESERVED) expect(isReservedWindowsName(name), name).toBe(true)
    for (const name of ['CONSOLE', 'COM10', 'LPT', 'nullable.json', 'store.json', 'seg-CON-000000000001.seg'])
      expect(isReservedWindowsName(name), name).toBe(false)
  })

  it('refuses reserved names in share paths (IPC check and the service), and never lists them', async () => {
    const root = await tempRoot()
    const storage = createFolderStorage(root)
    for (const name of ['CON', 'nul.seg', 'COM1.json', 'lpt9', 'Aux.snap', 'prn']) {
      for (const path of [name, `devices/${name}`, `devices/${name}/segments/seg-x-000000000001.seg`]) {
        expect(isSharePath(path), path).toBe(false)
        await expect(storage.read(path)).rejects.toSatisfy((e) => failure(e) === 'outsideRoot')
        await expect(storage.writeNew(path, new Uint8Array([1]))).rejects.toSatisfy(
          (e) => failure(e) === 'outsideRoot'
        )
      }
    }
    // Linux lets one make such names on a share; a Windows PC must never be sent to them.
    await mkdir(join(root, 'devices/nul'))
    await writeFile(join(root, 'devices/COM1.json'), 'x')
    await mkdir(join(root, 'devices/pcA'))
    expect((await storage.list('devices')).map((e) => e.name).sort()).toEqual(['pcA', 'pcB'])
  })
})
