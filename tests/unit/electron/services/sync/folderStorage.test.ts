import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFolderStorage, ShareServiceError } from '../../../../../electron/services'
import { storageContract } from '../../../../support/storageContract'

// The production share folder on real temp folders (no fs mocks; one injected link step for retries).
// The port's contract is tests/support/storageContract.ts (the WebDAV storage passes the same tests).

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

storageContract('folder storage', async () => {
  const { root } = await tempRoot()
  return { share: createFolderStorage(root), other: () => createFolderStorage(root), root }
})

describe('folder storage', () => {
  it('a symlink placed in the share does not lead out of it, and is not listed', async () => {
    const { base, root } = await tempRoot()
    await writeFile(join(base, 'secret.txt'), 'outside')
    await symlink(base, join(root, 'escape'))
    const share = createFolderStorage(root)
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
})
