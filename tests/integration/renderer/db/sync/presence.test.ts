import 'fake-indexeddb/auto'
import { utimes } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { CLOCK_WARN_MS, lastClockOffset, publishPresence, readPeers } from '@/db/sync/presence'
import { syncOnce } from '@/db/sync/syncOnce'
import type { SharePort } from '@/db/sync/sharePort'
import type { RealShare } from './realShare'
import { BASE_TIME, pc, shareKeeper } from './harness'

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const HOUR = 3_600_000

/** `share` as seen through a file server whose clock reads `shareTime`: every file it writes gets that
 *  modification time. The offsets below are then exact instead of measured against the wall clock. */
function clockedShare(share: RealShare, shareTime: number): SharePort {
  return {
    list: (dir) => share.list(dir),
    read: (path) => share.read(path),
    remove: (path) => share.remove(path),
    writeNew: async (path, bytes) => {
      await share.writeNew(path, bytes)
      await utimes(share.abs(path), new Date(shareTime), new Date(shareTime))
    }
  }
}

describe('presence: peers on the sync page, and this PC’s clock against the share', () => {
  it('lists every PC with name, version, last seen and clock offset; keeps only the newest status files', async () => {
    const share = await shares.make()
    const clocked = clockedShare(share, BASE_TIME)
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1', -3 * HOUR)
    // Measured against the share's file times: a PC whose clock reads the share's time is 0 off.
    await syncOnce(a, share)
    const offsetA = await publishPresence(a, clocked, { name: '前台1号机', appVersion: '0.1.0' })
    expect(offsetA).toBe(0)
    // B's clock is 3 hours behind the share's: far beyond the warning.
    await syncOnce(b, share)
    const offsetB = await publishPresence(b, clocked, { name: '后台电脑', appVersion: '0.1.0' })
    expect(offsetB).toBe(3 * HOUR)
    expect(offsetB).toBeGreaterThan(CLOCK_WARN_MS)
    expect(await lastClockOffset(b)).toBe(offsetB)

    for (let i = 1; i <= 3; i++) {
      a.time.value += 60_000
      await publishPresence(a, clocked, { name: '前台1号机', appVersion: '0.1.1' })
    }
    expect((await share.files('devices/pcA')).filter((f) => f.includes('/status-'))).toHaveLength(2)
    const peers = await readPeers(share)
    expect(peers.map((p) => [p.deviceId, p.name, p.appVersion, p.known])).toEqual([
      ['pcA', '前台1号机', '0.1.1', true],
      ['pcB', '后台电脑', '0.1.0', true]
    ])
    // A's clock was moved 1, 2, 3 minutes ahead; its newest status file carries the offset measured the
    // round before (−2 min), and this round measured −3 min: past the warning.
    expect(peers[0]?.clockOffsetMs).toBe(-120_000)
    expect(await lastClockOffset(a)).toBe(-180_000)
    expect(peers[1]?.lastSeen).toBe(BASE_TIME - 3 * HOUR)
  })

  it('a PC without a readable status file is still listed; the share vanishing is not an error', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    await syncOnce(a, share) // segments folder only
    await share.writeNew('devices/pcA/status-000000000000001.json', new TextEncoder().encode('{broken'))
    expect((await readPeers(share)).map((p) => [p.deviceId, p.known])).toEqual([['pcA', false]])
    await share.disappear()
    expect(await publishPresence(a, share, { name: 'x', appVersion: '1' })).toBeNull()
    await share.reappear()
  })

  it('status files carry formatVersion 1.0; one without (an older app) reads, one of a newer major does not (docs/sync-format.md §4)', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    await publishPresence(a, share, { name: '前台1号机', appVersion: '0.1.0' })
    const [file] = (await share.files('devices/pcA')).filter((f) => f.includes('/status-'))
    const written = JSON.parse(new TextDecoder().decode(await share.read(file!))) as Record<string, unknown>
    expect(written.formatVersion).toEqual({ major: 1, minor: 0 })
    // The name's ms is lastSeen.
    expect(file).toBe(`devices/pcA/status-${String(written.lastSeen).padStart(15, '0')}.json`)

    const status = (over: Record<string, unknown>) =>
      new TextEncoder().encode(
        JSON.stringify({ ...written, deviceId: 'pcB', name: '后台', clockOffsetMs: null, ...over })
      )
    const older: Record<string, unknown> = { ...written, deviceId: 'pcB', name: '后台' }
    delete older.formatVersion
    await share.writeNew(
      'devices/pcB/status-000000000000005.json',
      new TextEncoder().encode(JSON.stringify(older))
    )
    expect((await readPeers(share)).find((p) => p.deviceId === 'pcB')?.known).toBe(true)
    await share.writeNew(
      'devices/pcB/status-000000000000006.json',
      status({ formatVersion: { major: 2, minor: 0 } })
    )
    expect((await readPeers(share)).find((p) => p.deviceId === 'pcB')?.known).toBe(false)
    // A deviceId other than its folder's, or a name over 80 characters: unreadable too.
    await share.writeNew('devices/pcB/status-000000000000007.json', status({ deviceId: 'pcC' }))
    expect((await readPeers(share)).find((p) => p.deviceId === 'pcB')?.known).toBe(false)
    await share.writeNew('devices/pcB/status-000000000000008.json', status({ name: '机'.repeat(81) }))
    expect((await readPeers(share)).find((p) => p.deviceId === 'pcB')?.known).toBe(false)
    await share.writeNew('devices/pcB/status-000000000000009.json', status({ name: '机'.repeat(80) }))
    expect((await readPeers(share)).find((p) => p.deviceId === 'pcB')?.known).toBe(true)
  })
})
