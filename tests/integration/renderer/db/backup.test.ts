process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '@shared/sync/json'
import { createStoreFile, parseStoreFile, unlockStore } from '@shared/sync/store'
import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'
import type { DataContext } from '@/db/context'
import {
  BackupRefusedError,
  buildBackup,
  checkBackup,
  isDeviceLocalMeta,
  makeBackup,
  type BackupStorePort
} from '@/db/backup'
import { restoreBackup, restoreChecked, RESTORING_META } from '@/db/backupRestore'
import { BackupWriter, CHUNK_ROWS } from '@shared/backup/format'
import { openDataLayer } from '@/db/context'
import { registerComplaint } from '@/db/complaints'
import { addStaff } from '@/db/staff'
import { checkAuditLog, recordOperation } from '@/db/audit'
import { saveTimeRules } from '@/db/timeRules'
import { STORE_ID_KEY } from '@/db/sync/storeAccess'
import { rememberStore } from '@/db/sync/storeKey'
import { device, freshData } from './helpers'
import { intake } from './sync/harness'

// 数据备份 in the data layer (issue 17 point 4): a backup → restore round trip gives back every table
// as it was (derived keys, tallies, day rows, drafts included; this PC's own sync bookkeeping left
// alone); a bad backup is refused with its reason and changes nothing; a restore can be undone.

/** Main's side in memory: files by id, as main would keep them. */
function memoryPort(): BackupStorePort & { files: Map<string, { bytes: Uint8Array; verified?: boolean }> } {
  const files = new Map<string, { bytes: Uint8Array; verified?: boolean }>()
  let n = 0
  return {
    files,
    write: async (bytes) => {
      const id = `b${++n}`
      files.set(id, { bytes: bytes.slice() })
      return { id }
    },
    read: async (id) => (files.get(id) as { bytes: Uint8Array }).bytes.slice(),
    setVerified: async (id, verified) => {
      ;(files.get(id) as { verified?: boolean }).verified = verified
    }
  }
}

async function desk(opts: { deviceId?: string } = {}) {
  const ctx = await freshData(opts.deviceId ? { dev: device(opts.deviceId, 'B7') } : {})
  await ctx.writer.transact('8001', (tx) =>
    tx.create('staff', { id: 'm', staffNo: '8001', name: '李经理', role: 'manager', active: true })
  )
  await addStaff(ctx, '8001', { staffNo: '1001', name: '王小明', role: 'clerk' })
  await registerComplaint(ctx, '1001', intake())
  await registerComplaint(ctx, '1001', intake({ customerPhone: '13900139000', customerName: '李四' }))
  await saveTimeRules(ctx, '8001', { ...DEFAULT_TIME_RULES, escalateToLeaderAfterHours: 3 })
  await ctx.db.drafts.put({ key: 'complaint.new', value: { content: '未保存的登记' }, savedAt: 1 })
  await ctx.db.meta.put({ key: 'pinLock.1001', value: { wrong: 2, lockedUntil: 0 } })
  return ctx
}

/** Every table a restore may change, row by row (meta without this PC's own rows). */
async function everything(ctx: DataContext): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const table of ctx.db.tables) {
    // 操作日志 is append-only: a restore adds to it and removes nothing (its own test below)
    if (['outbox', 'quarantine', 'syncPeers', 'auditLog'].includes(table.name)) continue
    let rows = (await table.toArray()) as Record<string, unknown>[]
    if (table.name === 'meta') rows = rows.filter((r) => !isDeviceLocalMeta(r.key as string))
    out[table.name] = rows.map((r) => canonicalJson(r)).sort()
  }
  return out
}

/** Everything, this PC's own rows and sync bookkeeping included: "nothing changed". */
async function wholeDatabase(ctx: DataContext): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const table of ctx.db.tables)
    out[table.name] = ((await table.toArray()) as unknown[]).map((r) => canonicalJson(r)).sort()
  return out
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    if (e instanceof BackupRefusedError) return e.refusal
    throw e
  }
  return 'accepted'
}

describe('数据备份: backup → restore', () => {
  it('gives back every table as it was: records, derived keys, tallies, day rows, drafts; this PC keeps its own rows', async () => {
    const ctx = await desk()
    const port = memoryPort()
    const made = await makeBackup(ctx, port, 'manual')
    expect(made.verified).toBe(true)
    expect(port.files.get(made.id)?.verified).toBe(true)
    expect(made.header.counts).toMatchObject({ complaints: 2, customers: 2, staff: 2 })
    const original = await everything(ctx)
    expect(original.tallies?.length).toBeGreaterThan(0)
    expect(original.complaintDays?.length).toBeGreaterThan(0)

    // Work after the backup: a third complaint, a changed time rule, a draft gone.
    await registerComplaint(ctx, '1001', intake({ customerPhone: '13700137000', customerName: '王五' }))
    await saveTimeRules(ctx, '8001', { ...DEFAULT_TIME_RULES, escalateToLeaderAfterHours: 5 })
    await ctx.db.drafts.clear()
    await ctx.db.meta.put({ key: 'pinLock.1001', value: { wrong: 4, lockedUntil: 0 } })
    const counterAfter = (await ctx.db.meta.filter((m) => m.key.startsWith('seq:')).first())?.value
    expect(counterAfter).toBe(3)

    const outcome = await restoreBackup(ctx, port, '8001', { id: made.id })
    const restored = await everything(ctx)
    // The complaint number counter keeps the larger value: TS…0003 is never given twice.
    const counter = (await ctx.db.meta.filter((m) => m.key.startsWith('seq:')).first())?.value
    expect(counter).toBe(3)
    const withoutCounters = (s: Record<string, string[]>) => ({
      ...s,
      meta: (s.meta ?? []).filter((m) => !m.includes('"seq:'))
    })
    expect(withoutCounters(restored)).toEqual(withoutCounters(original))
    expect(ctx.timeRules.escalateToLeaderAfterHours).toBe(3)
    // Device-local rows untouched by the restore.
    expect((await ctx.db.meta.get('pinLock.1001'))?.value).toEqual({ wrong: 4, lockedUntil: 0 })
    expect(outcome.counts.complaints).toBe(2)
    expect(port.files.get(outcome.preRestoreId)?.verified).toBe(true)
  })

  it('a table of several pages (read ahead while the last is written) comes back row for row', async () => {
    const ctx = await desk()
    // 2.5 pages of the backup's reads, keys out of insertion order
    const many = Array.from({ length: Math.round(CHUNK_ROWS * 2.5) }, (_, i) => ({
      key: `draft-${String((i * 7919) % 100_000).padStart(5, '0')}`,
      value: { content: `第${i}条` },
      savedAt: i
    }))
    await ctx.db.drafts.bulkPut(many)
    const port = memoryPort()
    const made = await makeBackup(ctx, port, 'manual')
    expect(made.header.counts.drafts).toBe(many.length + 1)
    const original = await everything(ctx)
    await ctx.db.drafts.clear()
    await restoreBackup(ctx, port, '8001', { id: made.id })
    expect(await everything(ctx)).toEqual(original)
  })

  it('rows whose 工号 or complaint number moved to another key since the backup are restored too (unique indexes)', async () => {
    const ctx = await desk()
    const port = memoryPort()
    const made = await makeBackup(ctx, port, 'manual')
    const original = await everything(ctx)
    // behind the writer's back: the two staff rows swap their 工号
    const [a, b] = (await ctx.db.staff.toArray()) as { id: string; staffNo: string; role: string }[]
    if (!a || !b) throw new Error('two staff rows expected')
    await ctx.db.staff.put({ ...a, staffNo: 'tmp' } as never)
    await ctx.db.staff.put({ ...b, staffNo: a.staffNo } as never)
    await ctx.db.staff.put({ ...a, staffNo: b.staffNo } as never)
    // the manager now answers to the other 工号
    await restoreBackup(ctx, port, a.role === 'manager' ? b.staffNo : a.staffNo, { id: made.id })
    expect((await everything(ctx)).staff).toEqual(original.staff)
  })

  it('a record stored exactly as in the backup is not written again; one that differs is', async () => {
    const ctx = await desk()
    const port = memoryPort()
    const made = await makeBackup(ctx, port, 'manual')
    const original = await everything(ctx)
    const [first] = await ctx.db.complaints.toArray()
    if (!first) throw new Error('a complaint expected')
    await ctx.db.complaints.put({ ...first, content: '备份后改过的内容' })
    await restoreBackup(ctx, port, '8001', { id: made.id })
    expect(await everything(ctx)).toEqual(original)
    const put = performance.getEntriesByName('desk:restore-put:complaints').at(-1) as PerformanceMeasure
    expect(put.detail).toEqual({ rows: 2, written: 1 })
  })

  it('操作日志 through a restore: nothing removed, the backups and the restore recorded, the chain intact', async () => {
    const ctx = await desk()
    await ctx.db.meta.put({ key: 'session.staffNo', value: '8001' })
    const port = memoryPort()
    const made = await makeBackup(ctx, port, 'manual')
    // an entry written after the backup (a reveal by the clerk) must survive the restore
    await recordOperation(ctx, '1001', 'phoneRevealed', { customerId: 'x' })
    const before = await ctx.db.auditLog.toArray()
    await restoreBackup(ctx, port, '8001', { id: made.id })
    const after = await ctx.db.auditLog.toArray()
    for (const entry of before) expect(after).toContainEqual(entry)
    expect(after.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['backupMade', 'phoneRevealed', 'backupRestored'])
    )
    // the pre-restore backup and the restore itself come after everything that was there
    expect(after.filter((e) => e.kind === 'backupMade' && e.params.reason === 'preRestore')).toHaveLength(1)
    expect(await checkAuditLog(ctx)).toMatchObject({ intact: true })
  })

  it('撤销恢复: restoring the pre-restore backup gives back the data as it was before the restore', async () => {
    const ctx = await desk()
    const port = memoryPort()
    const made = await makeBackup(ctx, port, 'manual')
    await registerComplaint(ctx, '1001', intake({ customerPhone: '13700137000', customerName: '王五' }))
    const beforeRestore = await everything(ctx)
    const { preRestoreId } = await restoreBackup(ctx, port, '8001', { id: made.id })
    expect(await ctx.db.complaints.count()).toBe(2)
    await restoreBackup(ctx, port, '8001', { id: preRestoreId })
    expect(await ctx.db.complaints.count()).toBe(3)
    expect(await everything(ctx)).toEqual(beforeRestore)
  })

  it('an encrypted store is backed up encrypted; it restores with the store key, or with the passphrase on a new PC', async () => {
    const ctx = await desk()
    const created = await createStoreFile({ storeId: 'store-1', createdAt: 1, passphrase: '门店密码' })
    const parsed = parseStoreFile(created.bytes)
    if (!parsed.ok) throw new Error(parsed.detail)
    const unlocked = await unlockStore(parsed.store, '门店密码')
    if (!unlocked.ok) throw new Error(unlocked.detail)
    await rememberStore(ctx.db, ctx.keyVault, 'store-1', parsed.store, unlocked)
    const built = await buildBackup(ctx)
    expect(built.header.encryption.alg).toBe('AES-256-GCM')
    // The customer's name is nowhere in the file as text.
    expect(Buffer.from(built.bytes).includes(Buffer.from('张三'))).toBe(false)
    await expect(checkBackup(ctx, built.bytes)).resolves.toMatchObject({ header: { storeId: 'store-1' } })

    const fresh = await freshData({ dev: device('dev-new', 'C1') })
    expect(await refusal(checkBackup(fresh, built.bytes))).toBe('needsPassphrase')
    expect(await refusal(checkBackup(fresh, built.bytes, { passphrase: '别的密码' }))).toBe('wrongPassphrase')
    await restoreBackup(fresh, memoryPort(), null, { bytes: built.bytes }, { passphrase: '门店密码' })
    expect(await fresh.db.complaints.count()).toBe(2)
    expect(await fresh.db.customers.filter((c) => c.name === '张三').count()).toBe(1)
  })

  it('an encrypted store whose key is not at hand writes no backup (never in plain text)', async () => {
    const ctx = await desk()
    await ctx.db.meta.put({ key: STORE_ID_KEY, value: 'store-1' })
    await ctx.db.meta.put({
      key: 'sync.storeEncryption',
      value: {
        alg: 'AES-256-GCM',
        kdf: 'PBKDF2-SHA256',
        iterations: 600000,
        salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
        keyCheck: 'x'
      }
    })
    expect(await refusal(buildBackup(ctx))).toBe('needsPassphraseToBackup')
  })
})

describe('数据备份: bad backups are refused with the reason, and nothing changes', () => {
  async function setUp() {
    const ctx = await desk()
    const port = memoryPort()
    const made = await makeBackup(ctx, port, 'manual')
    const bytes = port.files.get(made.id)?.bytes as Uint8Array
    await registerComplaint(ctx, '1001', intake({ customerPhone: '13700137000', customerName: '王五' }))
    return { ctx, port, bytes, before: await wholeDatabase(ctx), filesBefore: port.files.size }
  }

  async function expectRefused(bad: Uint8Array, reason: string, opts: { passphrase?: string } = {}) {
    const { ctx, port, before, filesBefore } = await setUp()
    expect(await refusal(restoreBackup(ctx, port, '8001', { bytes: bad }, opts))).toBe(reason)
    expect(await wholeDatabase(ctx)).toEqual(before)
    // Refused before anything: not even a pre-restore backup was made.
    expect(port.files.size).toBe(filesBefore)
  }

  it('a file that is not a backup', async () => {
    await expectRefused(new TextEncoder().encode('姓名,电话\n张三,13800138000\n'), 'notBackup')
  })

  it('a corrupted backup (one byte of the body changed)', async () => {
    const { bytes } = await setUp()
    const bad = bytes.slice()
    bad[bad.length - 10] = (bad[bad.length - 10] as number) ^ 0xff
    await expectRefused(bad, 'damaged')
  })

  it('a truncated backup', async () => {
    const { bytes } = await setUp()
    await expectRefused(bytes.slice(0, bytes.length - 100), 'truncated')
  })

  it('a backup from a newer app version (format or data version)', async () => {
    const { bytes } = await setUp()
    const edit = (change: (h: Record<string, unknown>) => void) => {
      const length = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0)
      const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as Record<
        string,
        unknown
      >
      change(header)
      const headerBytes = new TextEncoder().encode(JSON.stringify(header))
      const out = new Uint8Array(12 + headerBytes.length + (bytes.length - 12 - length))
      out.set(bytes.subarray(0, 8))
      new DataView(out.buffer).setUint32(8, headerBytes.length)
      out.set(headerBytes, 12)
      out.set(bytes.subarray(12 + length), 12 + headerBytes.length)
      return out
    }
    await expectRefused(
      edit((h) => (h.version = 2)),
      'newerVersion'
    )
    await expectRefused(
      edit((h) => (h.schemaVersion = 99)),
      'newerVersion'
    )
  })

  it('a backup of another store', async () => {
    const other = await desk({ deviceId: 'dev-other' })
    await other.db.meta.put({ key: STORE_ID_KEY, value: 'store-other' })
    const foreign = (await buildBackup(other)).bytes
    const { ctx, port } = await setUp()
    await ctx.db.meta.put({ key: STORE_ID_KEY, value: 'store-1' })
    const before = await wholeDatabase(ctx)
    expect(await refusal(restoreBackup(ctx, port, '8001', { bytes: foreign }))).toBe('otherStore')
    expect(await wholeDatabase(ctx)).toEqual(before)
    // A backup from a PC in no store, made on another PC, is another store's data too.
    await other.db.meta.delete(STORE_ID_KEY)
    const standalone = (await buildBackup(other)).bytes
    expect(await refusal(restoreBackup(ctx, port, '8001', { bytes: standalone }))).toBe('otherStore')
    expect(await wholeDatabase(ctx)).toEqual(before)
  })

  it('a wrong passphrase', async () => {
    const ctx = await desk()
    const created = await createStoreFile({ storeId: 'store-1', createdAt: 1, passphrase: '门店密码' })
    const parsed = parseStoreFile(created.bytes)
    if (!parsed.ok) throw new Error(parsed.detail)
    const unlocked = await unlockStore(parsed.store, '门店密码')
    if (!unlocked.ok) throw new Error(unlocked.detail)
    await rememberStore(ctx.db, ctx.keyVault, 'store-1', parsed.store, unlocked)
    const encrypted = (await buildBackup(ctx)).bytes
    const fresh = await freshData({ dev: device('dev-new', 'C1') })
    await registerComplaint(fresh, '1001', intake({ content: '新电脑上的登记' }))
    const port = memoryPort()
    const before = await wholeDatabase(fresh)
    expect(
      await refusal(restoreBackup(fresh, port, null, { bytes: encrypted }, { passphrase: '错误密码' }))
    ).toBe('wrongPassphrase')
    expect(await wholeDatabase(fresh)).toEqual(before)
    expect(port.files.size).toBe(0)
  })

  it('only a 客服经理 restores (a clerk, a retired manager, nobody at the desk are refused)', async () => {
    const { ctx, port, bytes, before } = await setUp()
    expect(await refusal(restoreBackup(ctx, port, '1001', { bytes }))).toBe('notManager')
    expect(await refusal(restoreBackup(ctx, port, null, { bytes }))).toBe('notManager')
    await ctx.writer.transact('8001', (tx) => tx.update('staff', 'm', { active: false }))
    const retired = await wholeDatabase(ctx)
    expect(await refusal(restoreBackup(ctx, port, '8001', { bytes }))).toBe('notManager')
    expect(await wholeDatabase(ctx)).toEqual(retired)
    expect(before.complaints?.length).toBe(3)
  })
})

describe('数据备份: a restore that does not end is never taken for a whole store', () => {
  /** A store with a backup of it, then a third complaint: what a restore would replace. */
  async function setUp() {
    const ctx = await desk()
    const port = memoryPort()
    const made = await makeBackup(ctx, port, 'manual')
    await registerComplaint(ctx, '1001', intake({ customerPhone: '13700137000', customerName: '王五' }))
    return { ctx, port, made, before: await everything(ctx) }
  }

  it('the data layer dropped mid-restore (some tables written, others cleared): the next start gives back the data as it was before', async () => {
    const { ctx, port, made, before } = await setUp()
    // restoreBackup's steps, with the data layer closed as soon as the first table's records are in
    const checked = await checkBackup(ctx, port.files.get(made.id)?.bytes as Uint8Array)
    const pre = await makeBackup(ctx, port, 'preRestore')
    let calls = 0
    const dropped = restoreChecked(ctx, '8001', checked, {
      undoFrom: pre.id,
      onProgress: () => {
        // the first call is the file read; the next ones come as records are stored
        if (++calls === 2) ctx.db.close()
      }
    })
    await expect(dropped).rejects.toThrow()
    const name = ctx.db.name
    const opts = { dbName: name, now: () => ctx.time.value }

    // Half-restored on disk: the marker says so, and the data layer will not open it as it is.
    const raw = await openRaw(name)
    expect(await raw.meta.get(RESTORING_META)).toMatchObject({ value: { undoFrom: pre.id } })
    expect(await raw.complaints.count()).not.toBe(3)
    raw.close()
    expect(await refusal(openDataLayer(device(), opts))).toBe('restoreInterrupted')

    // With main's backup files at hand it gives the store back as it was before the restore.
    const reopened = await openDataLayer(device(), { ...opts, backupPort: port })
    expect(await reopened.db.meta.get(RESTORING_META)).toBeUndefined()
    expect(await everything(reopened)).toEqual(before)
    reopened.db.close()
  })

  it('a restore step that fails after the first change puts the data back at once and says so', async () => {
    const { ctx, port, before } = await setUp()
    // a file that checks (counts, checksum) but holds a record IndexedDB refuses (no key)
    const writer = new BackupWriter()
    await writer.add('staff', await ctx.db.staff.toArray())
    await writer.add('customers', [{ name: '没有编号的客户' }])
    const { bytes } = await writer.finish({
      createdAt: ctx.time.value,
      storeId: null,
      deviceId: ctx.writer.deviceId,
      schemaVersion: ctx.db.verno
    })
    expect(await refusal(restoreBackup(ctx, port, '8001', { bytes }))).toBe('restoreFailed')
    expect(await ctx.db.meta.get(RESTORING_META)).toBeUndefined()
    expect(await everything(ctx)).toEqual(before)
  })

  it('while a restore holds the writer, a desk write waits and then lands on the restored data', async () => {
    const { ctx } = await setUp()
    let release = () => {}
    const held = ctx.writer.exclusive(() => new Promise<void>((resolve) => (release = resolve)))
    let landed = false
    const write = registerComplaint(
      ctx,
      '1001',
      intake({ customerPhone: '13600136000', customerName: '赵六' })
    ).then(() => (landed = true))
    for (let i = 0; i < 5; i++) expect(await ctx.db.complaints.count()).toBe(3)
    expect(landed).toBe(false)
    release()
    await held
    await write
    expect(await ctx.db.complaints.count()).toBe(4)
  })
})

/** The database as it is on disk, opened without the data layer (and so without its checks). */
async function openRaw(name: string) {
  const { DeskDatabase } = await import('@/db/database')
  const db = new DeskDatabase(name)
  await db.open()
  return db
}
