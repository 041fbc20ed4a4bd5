import { mkdtemp, mkdir, readdir, readFile, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFolderStorage, ShareServiceError } from '../../../../../electron/services'

// The production share folder on real temp folders (no fs mocks; one injected link step for retries).

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function tempRoot(): Promise<{ base: string; root: string }> {
  const base = await mkdtemp(join(tmpdir(), 'desk-folder-'))
  made.push(base)
  const root = join(base, 'share')
  await mkdir(root)
  return { base, root }
}

const failure = (e: unknown) => (e instanceof ShareServiceError ? e.failure : String(e))
const bytes = (text: string) => new TextEncoder().encode(text)

describe('folder storage', () => {
  it('writes once: a file appears whole under its name, and an existing name is never overwritten', async () => {
    const { root } = await tempRoot()
    const share = createFolderStorage(root)
    await share.writeNew('devices/pcA/segments/seg-pcA-000000000001.seg', bytes('first'))
    expect(new TextDecoder().decode(await share.read('devices/pcA/segments/seg-pcA-000000000001.seg'))).toBe(
      'first'
    )
    await expect(
      share.writeNew('devices/pcA/segments/seg-pcA-000000000001.seg', bytes('second'))
    ).rejects.toSatisfy((e) => failure(e) === 'exists')
    expect(await readFile(join(root, 'devices/pcA/segments/seg-pcA-000000000001.seg'), 'utf8')).toBe('first')
    expect((await readdir(join(root, 'devices/pcA/segments'))).filter((n) => n.startsWith('.tmp-'))).toEqual(
      []
    ) // temps cleaned
  })

  it('two writers racing for one name: exactly one wins, the file is intact', async () => {
    const { root } = await tempRoot()
    const a = createFolderStorage(root)
    const b = createFolderStorage(root)
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? a : b).writeNew('store.json', bytes(`writer ${i} `.repeat(5000)))
      )
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => failure((r as PromiseRejectedResult).reason))
    ).toEqual(Array(7).fill('exists'))
    const text = await readFile(join(root, 'store.json'), 'utf8')
    expect(text).toMatch(/^(writer \d )+$/)
    expect(
      new Set(
        text
          .trim()
          .split(' writer')
          .map((x) => x.replace('writer', '').trim())
      ).size
    ).toBe(1)
  })

  it('lists without unfinished temp files; a missing subfolder is empty; stale temps are swept', async () => {
    const { root } = await tempRoot()
    const share = createFolderStorage(root)
    await share.writeNew('devices/pcA/status-000000000000001.json', bytes('{}'))
    await writeFile(join(root, 'devices/pcA/.tmp-crashed'), 'half a file') // a writer died before its rename
    expect((await share.list('devices/pcA')).map((e) => e.name)).toEqual(['status-000000000000001.json'])
    expect(await share.list('devices/nobody')).toEqual([])
    const old = Date.now() - 2 * 3_600_000
    await utimes(join(root, 'devices/pcA/.tmp-crashed'), old / 1000, old / 1000)
    expect(await share.sweepTemp('devices/pcA', 3_600_000)).toBe(1)
    expect(await readdir(join(root, 'devices/pcA'))).toEqual(['status-000000000000001.json'])
  })

  it('a vanished root is "unavailable" for every operation — never an empty list', async () => {
    const { root } = await tempRoot()
    const share = createFolderStorage(root)
    await share.writeNew('store.json', bytes('{}'))
    await rename(root, `${root}.gone`)
    for (const op of [
      () => share.list(''),
      () => share.list('devices'),
      () => share.read('store.json'),
      () => share.writeNew('x.json', bytes('x')),
      () => share.remove('store.json')
    ]) {
      await expect(op()).rejects.toSatisfy((e) => failure(e) === 'unavailable')
    }
    await rename(`${root}.gone`, root)
    expect((await share.list('')).map((e) => e.name)).toEqual(['store.json'])
  })

  it('refuses every path that could leave the folder, before touching the disk', async () => {
    const { base, root } = await tempRoot()
    await writeFile(join(base, 'secret.txt'), 'outside')
    await symlink(base, join(root, 'escape'))
    const share = createFolderStorage(root)
    for (const bad of [
      '../secret.txt',
      '/etc/passwd',
      'a/../../secret.txt',
      'C:\\x',
      '\\\\server\\x',
      'a\\b',
      'x\0y',
      '.tmp-abc',
      '..',
      'a//b'
    ]) {
      await expect(share.read(bad)).rejects.toSatisfy((e) => failure(e) === 'outsideRoot')
      await expect(share.writeNew(bad, bytes('x'))).rejects.toSatisfy((e) => failure(e) === 'outsideRoot')
    }
    await expect(share.read('escape/secret.txt')).rejects.toSatisfy((e) => failure(e) === 'outsideRoot')
    await expect(share.writeNew('escape/planted.txt', bytes('x'))).rejects.toSatisfy(
      (e) => failure(e) === 'outsideRoot'
    )
    expect(await readdir(base)).toEqual(['secret.txt', 'share'])
    expect((await share.list('')).map((e) => e.name)).toEqual([]) // the symlink itself is not listed
  })

  it('retries a link held by another program (EBUSY) and succeeds; gives up cleanly when it never frees', async () => {
    const { root } = await tempRoot()
    let failures = 2
    const { link } = await import('node:fs/promises')
    const busyTwice = createFolderStorage(root, {
      sleep: async () => undefined,
      linkFile: async (from, to) => {
        if (failures-- > 0) throw Object.assign(new Error('busy'), { code: 'EBUSY' })
        await link(from, to)
      }
    })
    await busyTwice.writeNew('a.json', bytes('ok'))
    expect(await readFile(join(root, 'a.json'), 'utf8')).toBe('ok')
    const alwaysBusy = createFolderStorage(root, {
      sleep: async () => undefined,
      linkFile: async () => {
        throw Object.assign(new Error('busy'), { code: 'EBUSY' })
      }
    })
    await expect(alwaysBusy.writeNew('b.json', bytes('no'))).rejects.toSatisfy((e) => failure(e) === 'io')
    expect((await readdir(root)).sort()).toEqual(['a.json']) // no temp file left behind
  })

  it('read of a missing file is notFound; remove of a missing file is fine', async () => {
    const { root } = await tempRoot()
    const share = createFolderStorage(root)
    await expect(share.read('store.json')).rejects.toSatisfy((e) => failure(e) === 'notFound')
    await expect(share.remove('store.json')).resolves.toBeUndefined()
  })

  it('removes an empty folder (of a removed snapshot), never one that still holds a file', async () => {
    const { root } = await tempRoot()
    const share = createFolderStorage(root)
    await share.writeNew('snapshots/s1/manifest.snap', bytes('m'))
    await share.writeNew('snapshots/s2/chunk-000001.snap', bytes('c'))
    await share.remove('snapshots/s1/manifest.snap')
    await share.remove('snapshots/s1')
    await expect(share.remove('snapshots/s2')).rejects.toSatisfy((e) => failure(e) === 'io')
    expect(await readdir(join(root, 'snapshots'))).toEqual(['s2'])
    expect(await readFile(join(root, 'snapshots/s2/chunk-000001.snap'), 'utf8')).toBe('c')
  })
})
