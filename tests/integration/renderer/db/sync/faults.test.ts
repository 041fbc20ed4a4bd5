import 'fake-indexeddb/auto'
import { execFileSync } from 'node:child_process'
import { mkdir, truncate, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { utf8 } from '@shared/sync/bytes'
import { segmentPath } from '@shared/sync/segment'
import { STORE_FILE } from '@shared/sync/store'
import { cursorsForDeviceJson } from '@/db/sync/peerCursor'
import { listQuarantine } from '@/db/sync/quarantine'
import { registerComplaint } from '@/db/complaints'
import { syncOnce, type SyncReport } from '@/db/sync/syncOnce'
import type { RealShare } from './realShare'
import { intake, pc, reframe, shareKeeper, syncedState, type Pc } from './harness'
import { worded, wordedReport } from './worded'

// Fault injection on a real folder (issue 6): whatever happens to the share, no local data is lost,
// the right quarantine or warning appears, and syncing resumes once the share is fixed.

const shares = shareKeeper()
afterEach(() => shares.disposeAll())

const kinds = (report: SyncReport) => report.problems.map((p) => p.kind)

/** pcA with `segments` published segments (one complaint each), pcB not yet synced. */
async function twoPcs(segments: number): Promise<{ share: RealShare; a: Pc; b: Pc }> {
  const share = await shares.make()
  const a = await pc('pcA', 'A1')
  const b = await pc('pcB', 'B1')
  for (let i = 0; i < segments; i++) {
    await registerComplaint(a, '1001', intake({ content: `第${i + 1}件`, customerPhone: `1380013800${i}` }))
    expect((await syncOnce(a, share)).state).toBe('synced')
  }
  return { share, a, b }
}

describe('damaged files', () => {
  it('ignores partial .tmp-* files, including one left when the folder vanished before the rename', async () => {
    const { share, a, b } = await twoPcs(1)
    await registerComplaint(a, '1001', intake({ content: '断网时写的' }))
    share.hooks.beforeLink = () => share.disappear()
    const cut = await syncOnce(a, share)
    expect(cut.state).toBe('unavailable')
    share.hooks.beforeLink = undefined
    await share.reappear()
    await writeFile(`${share.abs('devices/pcA/segments')}/.tmp-half`, utf8('SDSYNC 0000'))
    await writeFile(`${share.abs('devices')}/.tmp-x`, utf8(''))
    expect((await share.files('devices/pcA/segments')).filter((f) => f.includes('.tmp-'))).toHaveLength(2)

    expect(await syncOnce(a, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await syncedState(b)).toEqual(await syncedState(a))
    expect(await b.db.quarantine.count()).toBe(0)
  })

  for (const damage of [
    {
      name: 'truncated',
      problem: 'truncated',
      change: (bytes: Uint8Array) => bytes.slice(0, bytes.length - 40)
    },
    {
      name: 'with a flipped byte',
      problem: 'checksum',
      change: (bytes: Uint8Array) => bytes.map((v, i) => (i === bytes.length - 30 ? v ^ 0x20 : v))
    }
  ]) {
    it(`quarantines a segment ${damage.name}, keeps syncing the later ones, and takes it once it is whole again`, async () => {
      const { share, a, b } = await twoPcs(3)
      const path = segmentPath('pcA', 2)
      const original = await share.read(path)
      await share.corrupt(path, damage.change)

      const first = await syncOnce(b, share)
      expect(first.state).toBe('synced')
      expect(first.problems.map(worded)).toEqual([
        expect.objectContaining({
          kind: damage.problem,
          peer: 'pcA',
          seq: 2,
          message: expect.stringContaining('已隔离')
        })
      ])
      expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 3, gaps: [2] })
      expect(await cursorsForDeviceJson(b)).toEqual({ pcA: { upTo: 3, gaps: [2] } })
      const held = await b.db.quarantine.get('pcA/2')
      expect(held).toMatchObject({ peer: 'pcA', seq: 2, problem: damage.problem })
      expect(held?.bytes).toEqual(damage.change(original))
      expect(await listQuarantine(b)).toHaveLength(1)
      const contents = (await b.db.complaints.toArray()).map((c) => c.content).sort()
      expect(contents).toEqual(['第1件', '第3件'])

      // Retried every round while it stays damaged …
      expect(kinds(await syncOnce(b, share))).toEqual([damage.problem])
      // … and applied, released and un-gapped once the share serves it whole.
      await share.corrupt(path, () => original)
      expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
      expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 3, gaps: [] })
      expect(await cursorsForDeviceJson(b)).toEqual({ pcA: 3 })
      expect(await b.db.quarantine.count()).toBe(0)
      expect(await syncedState(b)).toEqual(await syncedState(a))
    })
  }

  it('keeps a file from a newer format major PENDING: not applied, not quarantined, cursor stops, user told to update', async () => {
    const { share, a, b } = await twoPcs(3)
    const path = segmentPath('pcA', 2)
    const original = await share.read(path)
    await share.remove(path)
    await share.writeNew(
      path,
      await reframe(original, (h) => (h.formatVersion = { major: 2, minor: 0 }), utf8('zstd…'))
    )

    const report = await syncOnce(b, share)
    expect(report.state).toBe('synced')
    expect(report.problems.map(worded)).toEqual([
      expect.objectContaining({
        kind: 'futureFormat',
        peer: 'pcA',
        seq: 2,
        message: expect.stringContaining('请升级')
      })
    ])
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 1, gaps: [] })
    expect(await b.db.quarantine.count()).toBe(0)
    expect((await b.db.complaints.toArray()).map((c) => c.content)).toEqual(['第1件'])
    // Nothing is lost: once the file is one this version reads ("after the update"), all of it arrives.
    await share.remove(path)
    await share.writeNew(path, original)
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })

  it('quarantines a single invalid change and applies the rest of its file', async () => {
    const { share, a, b } = await twoPcs(1)
    const path = segmentPath('pcA', 1)
    const original = await share.read(path)
    const headerLength = Number(new TextDecoder().decode(original.slice(7, 15)))
    const body = JSON.parse(new TextDecoder().decode(original.slice(94 + headerLength + 1))) as Record<
      string,
      unknown
    >[]
    const victim = body.findIndex((c) => c.table === 'complaints' && c.field === 'content')
    body[victim] = { ...body[victim], field: '_keys' }
    await share.remove(path)
    await share.writeNew(path, await reframe(original, () => undefined, utf8(JSON.stringify(body))))

    const report = await syncOnce(b, share)
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'invalidChange', peer: 'pcA', seq: 1 })])
    expect(await b.db.quarantine.get(`pcA/1#${victim}`)).toMatchObject({
      problem: 'invalidChange',
      detail: expect.stringContaining('field')
    })
    const [complaint] = await b.db.complaints.toArray()
    const [original1] = await a.db.complaints.toArray()
    expect(complaint).toMatchObject({ no: original1?.no, status: 'registered' })
    expect(complaint?.content).toBeUndefined()
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 1, gaps: [] })
  })

  it('quarantines a file whose header names another device, seq or store than its place on the share', async () => {
    const { share, b } = await twoPcs(2)
    const path = segmentPath('pcA', 2)
    const original = await share.read(path)
    await share.remove(path)
    await share.writeNew(path, await reframe(original, (h) => (h.storeId = 'otherStore')))
    const report = await syncOnce(b, share)
    expect(kinds(report)).toEqual(['foreignFile'])
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 2, gaps: [2] })
  })
  it('a 300 MB file and a FIFO where segments should be are refused unread; the rest syncs (issue 17)', async () => {
    const { share, a, b } = await twoPcs(1)
    await mkdir(share.abs('devices/pcC/segments'), { recursive: true })
    const huge = share.abs(segmentPath('pcC', 1))
    await writeFile(huge, '')
    await truncate(huge, 300 * 1024 * 1024)
    await mkdir(share.abs('devices/pcD/segments'), { recursive: true })
    execFileSync('mkfifo', [share.abs(segmentPath('pcD', 1))])
    const report = await syncOnce(b, share)
    expect(report.problems.map((p) => [p.code, p.peer, p.seq])).toEqual([
      ['fileRefused', 'pcC', 1],
      ['fileRefused', 'pcD', 1]
    ])
    expect(worded(report.problems[0]!).message).toContain('没有读取')
    expect(await syncedState(b)).toEqual(await syncedState(a))
    expect(await b.db.quarantine.count()).toBe(0)
  })
})

describe('the share itself', () => {
  it('vanishing (mid-round too) → unavailable, nothing local touched; syncing resumes when it is back', async () => {
    const { share, a, b } = await twoPcs(2)
    await registerComplaint(a, '1001', intake({ content: '离线时登记' }))
    await share.disappear()
    const before = {
      state: await syncedState(a),
      outbox: await a.db.outbox.count(),
      meta: await a.db.meta.toArray()
    }
    const report = await syncOnce(a, share)
    expect(wordedReport(report)).toMatchObject({
      state: 'unavailable',
      sent: 0,
      problems: [
        expect.objectContaining({
          kind: 'unavailable',
          message: expect.stringContaining('无法访问共享文件夹')
        })
      ]
    })
    expect(report.lastSyncedAt).not.toBeNull()
    expect({
      state: await syncedState(a),
      outbox: await a.db.outbox.count(),
      meta: await a.db.meta.toArray()
    }).toEqual(before)
    expect((await syncOnce(b, share)).state).toBe('unavailable')
    expect(await b.db.complaints.count()).toBe(0)

    // Back, then gone again halfway through B's import (after its first segment read).
    await share.reappear()
    let reads = 0
    share.hooks.beforeRead = async (path) => {
      if (path.includes('/segments/') && ++reads === 2) await share.disappear()
    }
    expect((await syncOnce(a, share)).state).toBe('synced')
    expect((await syncOnce(b, share)).state).toBe('unavailable')
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: 1, gaps: [] })
    share.hooks.beforeRead = undefined
    await share.reappear()
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await syncedState(b)).toEqual(await syncedState(a))
  })

  it('emptied by mistake → reported, no local delete; every PC re-publishes its history and a new PC gets everything', async () => {
    const share = await shares.make()
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    await registerComplaint(a, '1001', intake({ content: 'A 的' }))
    await registerComplaint(b, '1002', intake({ content: 'B 的', customerPhone: '13900139000' }))
    for (const p of [a, b, a]) expect((await syncOnce(p, share)).state).toBe('synced')
    const storeJson = await share.read(STORE_FILE)
    const held = await syncedState(a)
    expect(await syncedState(b)).toEqual(held)

    const cursorOfA = await b.db.syncPeers.get('pcA')
    expect(cursorOfA?.upTo).toBeGreaterThan(0)
    await share.empty()
    const rb = await syncOnce(b, share)
    // Cursors never move back for files that vanished.
    expect(await b.db.syncPeers.get('pcA')).toEqual(cursorOfA)
    expect(rb.state).toBe('synced')
    expect(kinds(rb).sort()).toEqual(['republished', 'shareEmptied'])
    expect(rb.problems.map(worded).find((p) => p.kind === 'shareEmptied')?.message).toContain(
      '共享文件夹似乎被清空'
    )
    expect(await syncedState(b)).toEqual(held)
    expect(await syncOnce(a, share)).toMatchObject({
      state: 'synced',
      problems: [expect.objectContaining({ kind: 'republished' })]
    })
    expect(await syncedState(a)).toEqual(held)
    // store.json is back with the same store id, so the PCs still recognise their share.
    expect(new TextDecoder().decode(await share.read(STORE_FILE))).toContain(
      JSON.parse(new TextDecoder().decode(storeJson)).storeId
    )

    const c = await pc('pcC', 'C1')
    expect(await syncOnce(c, share)).toMatchObject({ state: 'synced', problems: [] })
    expect(await syncedState(c)).toEqual(held)
    expect(await syncOnce(b, share)).toMatchObject({ state: 'synced', problems: [] })
    // B continued A's chain after the re-publish: no gaps for the vanished files it had already read.
    expect(await b.db.syncPeers.get('pcA')).toMatchObject({ upTo: (cursorOfA?.upTo ?? 0) + 1, gaps: [] })
    expect(await syncedState(b)).toEqual(held)
  })

  it('belonging to another store → refused before anything is read or written', async () => {
    const { share, a } = await twoPcs(1)
    const other = await shares.make()
    await other.writeNew(
      STORE_FILE,
      utf8(
        JSON.stringify({
          kind: 'store',
          formatVersion: { major: 1, minor: 0 },
          storeId: 'elsewhere',
          createdAt: 1,
          encryption: null
        })
      )
    )
    const report = await syncOnce(a, other)
    expect(report).toMatchObject({
      state: 'error',
      problems: [expect.objectContaining({ kind: 'otherStore' })]
    })
    expect(await other.files()).toEqual([STORE_FILE])
    expect(await share.files()).toHaveLength(3) // store.json, A's segment and its claim
  })
})
