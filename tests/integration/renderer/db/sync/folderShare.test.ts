import { readdir } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { utf8 } from '@shared/sync/bytes'
import { isShareError } from '@/db/sync/sharePort'
import { shareKeeper } from './harness'

// The test folder behind the SharePort must honour the port's contract, or the engine tests prove
// nothing: an unreachable root throws 'unavailable' (never []), writes are atomic and never overwrite.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (isShareError(e) ? e.code : String(e))
  )

describe('FolderShare (test implementation of the SharePort)', () => {
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

  it('refuses paths that leave the root', async () => {
    const share = await shares.make()
    expect(await code(share.read('../outside'))).toBe('io')
    expect(await code(share.writeNew('devices/../../x', utf8('x')))).toBe('io')
  })
})
