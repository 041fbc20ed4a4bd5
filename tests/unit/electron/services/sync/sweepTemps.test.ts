import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createShareConfig, createShareService } from '../../../../../electron/services'

// Unfinished writes left on the share by a PC that died mid-write are removed once a day old, the
// first time the share is used after start; everything else, young temps included, is left alone.

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function put(root: string, path: string, ageMs: number): Promise<void> {
  const abs = join(root, path)
  await mkdir(join(abs, '..'), { recursive: true })
  await writeFile(abs, 'x')
  const at = (Date.now() - ageMs) / 1000
  await utimes(abs, at, at)
}

async function tree(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name
    if (e.isDirectory()) out.push(...(await tree(dir, path)))
    else out.push(path)
  }
  return out.sort()
}

describe('stale temp files on the share', () => {
  it('are swept from every folder the format writes to when the share is first used', async () => {
    const base = await mkdtemp(join(tmpdir(), 'desk-sweep-'))
    made.push(base)
    const root = join(base, 'nas')
    const dataDir = join(base, 'userData')
    await mkdir(dataDir)
    const day = 24 * 3_600_000
    for (const path of [
      '.tmp-store',
      'devices/pcA/.tmp-status',
      'devices/pcA/segments/.tmp-seg',
      'snapshots/001-pcA/.tmp-chunk'
    ])
      await put(root, path, day + 60_000)
    await put(root, 'devices/pcB/segments/.tmp-writing-now', 5_000)
    await put(root, 'devices/pcA/segments/000000000001.seg', 30 * day)
    await put(root, 'store.json', 30 * day)

    const config = createShareConfig(dataDir)
    await config.setRoot(root)
    const share = createShareService(config, {
      pickFolder: async () => null,
      rootEnv: { platform: process.platform, home: join(dataDir, 'home'), dataDir }
    })
    expect((await share.list('')).map((e) => e.name).sort()).toEqual(['devices', 'snapshots', 'store.json'])
    expect(await tree(root)).toEqual([
      'devices/pcA/segments/000000000001.seg',
      'devices/pcB/segments/.tmp-writing-now',
      'store.json'
    ])
  })
})
