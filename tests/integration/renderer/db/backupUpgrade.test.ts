// @vitest-environment node
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '@shared/sync/json'
import { openBackup, type BackupChunk } from '@shared/backup/format'
import { openDataLayer } from '@/db/context'
import type { BackupFileInfo, BackupStorePort } from '@/db/backup'
import { UPGRADE_BACKUP_META } from '@/db/backupUpgrade'
import { registerComplaint } from '@/db/complaints'
import { addStaff } from '@/db/staff'
import { packComplaints } from '@shared/sync/complaintPacks'
import { databaseAsVersion } from './oldSchemas'
import { device, freshData } from './helpers'
import { intake } from './sync/harness'

/** The schema version the code opens (v18: customer packs). */
const CODE_VERSION = 18

// Issue 17 point 4: a backup before a data-format upgrade. When the app opens a database written by an
// older version (the user installed a new one), the data as it is on disk is backed up — by main, like
// every automatic backup, reason 'upgrade' (升级前) — before Dexie upgrades it. Same version, or no
// database at all (a fresh install): no backup.

interface Stored {
  bytes: Uint8Array
  info: BackupFileInfo
  verified?: boolean
}

function memoryPort(opts: { failWrites?: boolean } = {}): BackupStorePort & { files: Map<string, Stored> } {
  const files = new Map<string, Stored>()
  let n = 0
  return {
    files,
    write: async (bytes, info) => {
      if (opts.failWrites) throw new Error('disk full')
      const id = `b${++n}`
      files.set(id, { bytes: bytes.slice(), info })
      return { id }
    },
    read: async (id) => (files.get(id) as Stored).bytes.slice(),
    setVerified: async (id, verified) => {
      ;(files.get(id) as Stored).verified = verified
    }
  }
}

/**
 * A database as version 13 of the app left it: the schema of v13 (no 操作日志 table yet) holding real
 * records — written by today's data layer into another database, then copied table by table.
 */
async function databaseOfVersion13(): Promise<{ name: string; rows: Record<string, string[]> }> {
  const source = await freshData()
  await source.writer.transact('8001', (tx) =>
    tx.create('staff', { id: 'm', staffNo: '8001', name: '李经理', role: 'manager', active: true })
  )
  await addStaff(source, '8001', { staffNo: '1001', name: '王小明', role: 'clerk' })
  await registerComplaint(source, '1001', intake())
  await registerComplaint(source, '1001', intake({ customerPhone: '13900139000', customerName: '李四' }))
  const name = `old-${Math.random()}`
  const old = databaseAsVersion(name, 13)
  await old.open()
  const rows: Record<string, string[]> = {}
  for (const table of old.tables) {
    const all = (await source.db.table(table.name).toArray()) as Record<string, unknown>[]
    await table.bulkPut(all)
    rows[table.name] = all.map((r) => canonicalJson(r)).sort()
  }
  old.close()
  source.db.close()
  return { name, rows }
}

async function chunksOf(bytes: Uint8Array): Promise<Record<string, string[]>> {
  const opened = await openBackup(bytes, undefined)
  if (!opened.ok) throw new Error(opened.refusal)
  const out: Record<string, string[]> = {}
  for await (const { t, r } of opened.chunks() as AsyncGenerator<BackupChunk>)
    out[t] = [...(out[t] ?? []), ...r.map((x) => canonicalJson(x))]
  for (const t of Object.keys(out)) out[t] = (out[t] as string[]).sort()
  return out
}

describe('数据备份 before a data-format upgrade (升级前)', () => {
  it('backs up a database of an older version with all its data, as it was, before upgrading it', async () => {
    const { name, rows } = await databaseOfVersion13()
    const port = memoryPort()
    const ctx = await openDataLayer(device(), { dbName: name, backupPort: port })
    expect(port.files.size).toBe(1)
    const [id, file] = [...port.files][0] as [string, Stored]
    expect(file.info.reason).toBe('upgrade')
    expect(file.verified).toBe(true)
    const opened = await openBackup(file.bytes, undefined)
    if (!opened.ok) throw new Error(opened.refusal)
    // read under the old schema: version 13, no 操作日志 table yet
    expect(opened.header.schemaVersion).toBe(13)
    expect(opened.header.counts.auditLog).toBeUndefined()
    expect(opened.header.counts.customers).toBe(2)
    expect(opened.header.counts.complaints).toBe(2)
    const backedUp = await chunksOf(file.bytes)
    for (const table of ['staff', 'customers', 'complaints', 'events', 'settings', 'tallies'])
      expect(backedUp[table] ?? [], table).toEqual(rows[table])

    // then upgraded, nothing lost
    expect(ctx.db.verno).toBe(CODE_VERSION)
    expect(await ctx.db.auditLog.count()).toBe(0)
    expect(((await ctx.db.customers.toArray()) as unknown[]).map((r) => canonicalJson(r)).sort()).toEqual(
      rows.customers
    )
    expect(await ctx.db.complaints.count()).toBe(2)
    expect((await ctx.db.meta.get(UPGRADE_BACKUP_META))?.value).toMatchObject({
      kind: 'backedUp',
      from: 13,
      to: CODE_VERSION,
      id,
      verified: true
    })
    ctx.db.close()

    // opened again at the same version: no second backup
    const again = await openDataLayer(device(), { dbName: name, backupPort: port })
    expect(port.files.size).toBe(1)
    again.db.close()
  })

  it('makes no backup when the versions match', async () => {
    const first = await freshData()
    await registerComplaint(first, '1001', intake())
    const name = first.db.name
    first.db.close()
    const port = memoryPort()
    const ctx = await openDataLayer(device(), { dbName: name, backupPort: port })
    expect(port.files.size).toBe(0)
    expect(await ctx.db.complaints.count()).toBe(1)
    expect(await ctx.db.meta.get(UPGRADE_BACKUP_META)).toBeUndefined()
    ctx.db.close()
  })

  it('makes no backup on a fresh install (no database yet)', async () => {
    const port = memoryPort()
    const ctx = await openDataLayer(device(), { dbName: `fresh-${Math.random()}`, backupPort: port })
    expect(port.files.size).toBe(0)
    expect(ctx.db.verno).toBe(CODE_VERSION)
    ctx.db.close()
  })

  it('a backup that cannot be written does not stop the upgrade: the store opens with all its data, the failure noted', async () => {
    const { name, rows } = await databaseOfVersion13()
    const port = memoryPort({ failWrites: true })
    const ctx = await openDataLayer(device(), { dbName: name, backupPort: port })
    expect(ctx.db.verno).toBe(CODE_VERSION)
    expect(((await ctx.db.complaints.toArray()) as unknown[]).map((r) => canonicalJson(r)).sort()).toEqual(
      rows.complaints
    )
    expect((await ctx.db.meta.get(UPGRADE_BACKUP_META))?.value).toMatchObject({
      kind: 'failed',
      from: 13,
      to: CODE_VERSION,
      failure: 'error'
    })
    ctx.db.close()
  })
  it('backs up a v16 database with its packed complaints (stored then as objects) before the v17 upgrade', async () => {
    const name = `v16-${Math.random()}`
    const rows = [1, 2, 3].map((i) => ({
      id: `k${i}`,
      no: `TS-20260101-A1-00${i}`,
      status: 'closed',
      receivedAt: i,
      _clock: {}
    }))
    const events = rows.map((r) => ({
      id: `e-${r.id}`,
      subjectId: r.id,
      type: 'created',
      at: r.receivedAt,
      _clock: {}
    }))
    const old = databaseAsVersion(name, 16)
    await old.open()
    await old.table('complaintPacks').bulkAdd(packComplaints(rows, events, { prefix: 'h', size: 2 }).packs)
    old.close()
    const port = memoryPort()
    const ctx = await openDataLayer(device(), { dbName: name, backupPort: port })
    const [file] = [...port.files.values()] as Stored[]
    if (!file) throw new Error('no backup written')
    const opened = await openBackup(file.bytes, undefined)
    if (!opened.ok) throw new Error(opened.refusal)
    expect(opened.header.schemaVersion).toBe(16)
    const backedUp = await chunksOf(file.bytes)
    expect(backedUp.complaints).toEqual(rows.map((r) => canonicalJson(r)).sort())
    expect(backedUp.events).toEqual(events.map((e) => canonicalJson(e)).sort())
    expect(ctx.db.verno).toBe(CODE_VERSION)
    ctx.db.close()
  })
})
