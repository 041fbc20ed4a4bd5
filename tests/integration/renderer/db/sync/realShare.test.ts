import { readdir, readFile, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { utf8 } from '@shared/sync/bytes'
import { isShareError } from '@/db/sync/sharePort'
import { shareKeeper } from './harness'

// The share every sync test runs on is the app's own (ipcShare → dispatch → shareService →
// folderStorage); it must honour the engine's port contract, or those tests prove nothing: an
// unreachable root throws 'unavailable' (never []), writes are atomic and never overwrite.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (isShareError(e) ? e.code : String(e))
  )

describe('the production share behind the SharePort', () => {
  it('lists a missing subfolder as [] but an unreachable root as unavailable', async () => {
    const share = await shares.make()
    expect(await share.list('devices/nobody/segments')).toEqual([])
    await share.disappear()
    expect(await code(share.list('devices'))).toBe('unavailable')
    expect(await code(share.read('store.json'))).toBe('unavailable')
    expect(await code(share.writeNew('a/b.seg', utf8('x')))).toBe('unavailable')
    await share.reappear()
    expect(await code(share.read('store.json'))).toBe('notFound')
  })

  it('writes once: an existing name is refused and left as it was, with no temp file left', async () => {
    const share = await shares.make()
    await share.writeNew('devices/pcA/segments/x.seg', utf8('first'))
    expect(await code(share.writeNew('devices/pcA/segments/x.seg', utf8('second')))).toBe('exists')
    expect(new TextDecoder().decode(await share.read('devices/pcA/segments/x.seg'))).toBe('first')
    expect(await readdir(share.abs('devices/pcA/segments'))).toEqual(['x.seg'])
    expect((await share.list('devices/pcA/segments')).map((e) => [e.name, e.size])).toEqual([['x.seg', 5]])
    await share.remove('devices/pcA/segments/x.seg')
    await share.remove('devices/pcA/segments/x.seg')
    expect(await share.list('devices/pcA/segments')).toEqual([])
  })

  // Refused by the contract's schema before main touches the disk (the double refused in its own code).
  it('refuses paths that leave the root', async () => {
    const share = await shares.make()
    expect(await code(share.read('../outside'))).toBe('io')
    expect(await code(share.writeNew('devices/../../x', utf8('x')))).toBe('io')
    expect(await share.files()).toEqual([])
  })

  it('carries bytes as Uint8Array both ways, every byte value intact', async () => {
    const share = await shares.make()
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    await share.writeNew('devices/pcA/segments/all.seg', bytes)
    const back = await share.read('devices/pcA/segments/all.seg')
    expect(back).toBeInstanceOf(Uint8Array)
    expect(back).toEqual(bytes)
    expect(new Uint8Array(await readFile(share.abs('devices/pcA/segments/all.seg')))).toEqual(bytes)
  })

  // Production behaviour the double lacked: a half-written file is nobody's file yet.
  it('does not list unfinished .tmp-* writes', async () => {
    const share = await shares.make()
    await share.writeNew('devices/pcA/segments/x.seg', utf8('x'))
    await writeFile(share.abs('devices/pcA/segments/.tmp-half'), utf8('SDSYNC'))
    expect((await share.list('devices/pcA/segments')).map((e) => e.name)).toEqual(['x.seg'])
  })
})
