import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { addCustomerNote } from '@/db/customers'
import { addStaff } from '@/db/staff'
import { listQuarantine } from '@/db/sync/quarantine'
import { registerComplaint } from '@/db/complaints'
import { snapshotNow } from '@/db/sync/snapshots'
import { syncOnce } from '@/db/sync/syncOnce'
import type { SharePort } from '@/db/sync/sharePort'
import { utf8 } from '@shared/sync/bytes'
import { encodeFrame, headerBytesOf } from '@shared/sync/frame'
import { hashBytes } from '@shared/sync/hash'
import { decodeSnapshotChunk, decodeSnapshotManifest, MANIFEST_FILE } from '@shared/sync/snapshot'
import { intake, pc, shareKeeper, syncedState } from './harness'

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

async function storeWithHistory() {
  const share = await shares.make()
  const a = await pc('pcA', 'A1')
  const b = await pc('pcB', 'B1', 3_600_000)
  for (let i = 0; i < 12; i++) {
    const c = await registerComplaint(
      i % 2 ? a : b,
      '1001',
      intake({ customerPhone: `1380013${String(8000 + i)}`, customerName: `客户${i}` })
    )
    await addCustomerNote(i % 2 ? a : b, '1001', c.customerId, `第 ${i} 次来电`)
    await syncOnce(a, share)
    await syncOnce(b, share)
  }
  await syncOnce(a, share)
  return { share, a, b }
}

describe('snapshots', () => {
  it('a new PC starts from the newest snapshot and replays only later segments', async () => {
    const { share, a, b } = await storeWithHistory()
    const snap = await snapshotNow(a, share)
    expect(snap?.records).toBeGreaterThan(24)
    // After the snapshot, B keeps working; then the covered segments are removed (as compaction would).
    await registerComplaint(b, '1002', intake({ customerPhone: '13900139999', customerName: '快照之后' }))
    await syncOnce(b, share)
    const covered = (await share.files('devices')).filter((f) => f.includes('/segments/'))
    const newestB = covered
      .filter((f) => f.includes('pcB'))
      .sort()
      .at(-1)
    for (const f of covered) if (f !== newestB) await share.remove(f)

    const c = await pc('pcC', 'C1')
    const report = await syncOnce(c, share)
    expect(report.state).toBe('synced')
    await syncOnce(a, share)
    expect(await syncedState(c)).toEqual(await syncedState(a))
    expect(await c.db.complaints.where('customerName').equals('快照之后').count()).toBe(1)
    expect((await c.db.syncPeers.get('pcA'))?.upTo).toBeGreaterThan(0)
  })

  it('an unfinished snapshot (no manifest) is ignored; a damaged one is skipped and segments replayed', async () => {
    const { share, a } = await storeWithHistory()
    const snap = await snapshotNow(a, share)
    const id = snap?.snapshotId ?? ''
    const chunk = (await share.files(`snapshots/${id}`)).find((f) => f.includes('chunk-'))!
    await share.corrupt(chunk, (bytes) => {
      const copy = bytes.slice()
      copy[copy.length - 10] = (copy[copy.length - 10] ?? 0) ^ 0xff
      return copy
    })
    await share.writeNew('snapshots/999999999999999-pcZ/chunk-000001.snap', new Uint8Array([1, 2, 3]))
    const c = await pc('pcC', 'C1')
    const report = await syncOnce(c, share)
    expect(report.state).toBe('synced')
    expect(report.problems.map((p) => p.kind)).toContain('checksum')
    // (B's clock runs an hour ahead of C's, so C also says so — not a problem of the snapshot.)
    expect(new Set(report.problems.map((p) => p.kind))).toEqual(new Set(['checksum', 'clockAhead']))
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a PC with data of its own keeps it; a snapshot record that clashes with it is held, not dropped', async () => {
    const { share, a } = await storeWithHistory()
    const staffA = await addStaff(a, '1001', { staffNo: '2001', name: '甲', role: 'clerk' })
    await syncOnce(a, share)
    await snapshotNow(a, share)
    // Remove every segment but each PC's newest, so C can learn A's staff only from the snapshot.
    const segments = (await share.files('devices')).filter((f) => f.includes('/segments/'))
    const newest = new Set(
      ['pcA', 'pcB'].map((d) =>
        segments
          .filter((f) => f.includes(d))
          .sort()
          .at(-1)
      )
    )
    for (const f of segments) if (!newest.has(f)) await share.remove(f)

    const c = await pc('pcC', 'C1')
    const staffC = await addStaff(c, '1001', { staffNo: '2001', name: '丙', role: 'clerk' })
    const own = await registerComplaint(
      c,
      '1001',
      intake({ customerPhone: '13700137000', customerName: '本机客户' })
    )
    const report = await syncOnce(c, share)
    expect(report.state).toBe('synced')
    expect(report.problems.map((p) => p.kind)).toEqual(['uniqueClash'])
    expect(await c.db.staff.get(staffA)).toBeUndefined()
    expect(await listQuarantine(c)).toEqual([
      expect.objectContaining({ problem: 'uniqueClash', detail: expect.stringContaining('"2001"') })
    ])
    expect(await c.db.complaints.get(own.id)).toMatchObject({ customerName: '本机客户' })
    expect(await c.db.complaints.count()).toBe((await a.db.complaints.count()) + 1)

    // Renumbered here, the held record merges; A gets C's work; all agree.
    await c.writer.transact('1001', (tx) => tx.update('staff', staffC, { staffNo: '2002' }))
    expect(await syncOnce(c, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await c.db.staff.get(staffA)).toMatchObject({ staffNo: '2001', name: '甲' })
    await syncOnce(a, share)
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a snapshot with an invalid record is not trusted: nothing invalid is applied and the segments are replayed', async () => {
    const { share, a } = await storeWithHistory()
    const snap = await snapshotNow(a, share)
    const folder = `snapshots/${snap?.snapshotId}`
    const manifestPath = `${folder}/${MANIFEST_FILE}`
    const manifest = await decodeSnapshotManifest(await share.read(manifestPath))
    if (!manifest.ok) throw new Error('manifest unreadable')
    // The first chunk gets one more line: a customer whose clock holds no HLC stamp,
    // then the chunk's entry in the manifest is made to match, as a buggy writer would leave it.
    const ref = manifest.chunks[0]!
    const chunkPath = `${folder}/${ref.name}`
    const chunk = await decodeSnapshotChunk(await share.read(chunkPath))
    if (!chunk.ok) throw new Error('chunk unreadable')
    const bad = { t: 'customers', r: { id: 'bad-1', _clock: { name: 'not-a-stamp' }, name: '坏记录' } }
    const lines = [...chunk.entries.map((e) => JSON.stringify(e)), JSON.stringify(bad)]
    const header = { ...chunk.header, count: lines.length, compression: undefined }
    const rebuilt = await encodeFrame(headerBytesOf(header), utf8(lines.map((l) => `${l}\n`).join('')))
    await share.corrupt(chunkPath, () => rebuilt)
    const chunks = [
      { ...ref, sha256: await hashBytes(rebuilt), count: lines.length },
      ...manifest.chunks.slice(1)
    ]
    const manifestHeader = { ...manifest.header, recordCount: manifest.header.recordCount + 1 }
    const newManifest = await encodeFrame(headerBytesOf(manifestHeader), utf8(JSON.stringify({ chunks })))
    await share.corrupt(manifestPath, () => newManifest)

    const c = await pc('pcC', 'C1')
    const report = await syncOnce(c, share)
    expect(report.state).toBe('synced')
    expect(report.problems.map((p) => p.kind)).toContain('invalidChange')
    expect(await c.db.customers.get('bad-1')).toBeUndefined()
    // every segment was replayed (no cursor started at the snapshot's covers), so C holds what A holds
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })

  it('a PC loads a snapshot once, even one that covers no segment', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    for (let i = 0; i < 5; i++)
      await registerComplaint(
        a,
        '1001',
        intake({ customerPhone: `1360013${String(7000 + i)}`, customerName: `客户${i}` })
      )
    // written before A ever published a segment: covers is {}
    expect((await snapshotNow(a, share))?.records).toBeGreaterThan(5)
    let chunkReads = 0
    const counting: SharePort = {
      list: (dir) => share.list(dir),
      read: (path) => ((chunkReads += path.includes('/chunk-') ? 1 : 0), share.read(path)),
      writeNew: (path, bytes) => share.writeNew(path, bytes),
      remove: (path) => share.remove(path)
    }
    const c = await pc('pcC', 'C1')
    expect(await syncOnce(c, counting)).toMatchObject({ state: 'synced' })
    expect(chunkReads).toBe(1)
    expect(await c.db.complaints.count()).toBe(5)
    await syncOnce(c, counting)
    await syncOnce(c, counting)
    expect(chunkReads).toBe(1)
    await syncOnce(a, share)
    await syncOnce(c, counting)
    expect(await syncedState(c)).toEqual(await syncedState(a))
  })
})
