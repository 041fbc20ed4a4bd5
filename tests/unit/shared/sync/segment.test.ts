import { describe, expect, it } from 'vitest'
import { fromUtf8, utf8 } from '@shared/sync/bytes'
import { deriveStoreKey } from '@shared/sync/crypto'
import { encodeFrame, PREFIX_BYTES } from '@shared/sync/frame'
import { zhCN } from '@/i18n/zh-CN'
import {
  decodeSegment,
  encodeSegment,
  followsPrevious,
  hashBytes,
  parseSegmentFileName,
  segmentFileName,
  segmentPath,
  type DecodedSegment,
  type SegmentInput
} from '@shared/sync/segment'
import { change, hlc, SALT, TEST_ITERATIONS, testEncryption } from './fixtures'

function input(overrides: Partial<SegmentInput> = {}): SegmentInput {
  return {
    storeId: 'store1',
    deviceId: 'pcA',
    seq: 1,
    prevHash: '',
    schemaVersion: 3,
    createdAt: 1_700_000_000_500,
    changes: [
      change(),
      change({
        hlc: hlc(1_700_000_000_001),
        field: '*',
        recordId: 'c2',
        value: { content: '退货', quantity: 2 }
      })
    ],
    ...overrides
  }
}

async function ok(
  bytes: Uint8Array,
  key?: Awaited<ReturnType<typeof testEncryption>>['key']
): Promise<DecodedSegment> {
  const result = await decodeSegment(bytes, key ? { key } : {})
  if (!result.ok) throw new Error(`${result.problem}: ${result.detail}`)
  return result
}

/** Splits a file into its prefix, header text and body, and rebuilds one with a new header (fresh checksum). */
function split(bytes: Uint8Array) {
  const prefix = fromUtf8(bytes.subarray(0, PREFIX_BYTES)) as string
  const headerLength = Number(prefix.slice(7, 15))
  return {
    header: JSON.parse(
      fromUtf8(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)) as string
    ) as Record<string, unknown>,
    body: bytes.subarray(PREFIX_BYTES + headerLength + 1)
  }
}
async function withHeader(
  bytes: Uint8Array,
  edit: (h: Record<string, unknown>) => void,
  body?: Uint8Array
): Promise<Uint8Array> {
  const parts = split(bytes)
  edit(parts.header)
  return encodeFrame(utf8(JSON.stringify(parts.header)), body ?? parts.body)
}

describe('segment files', () => {
  it('round-trips header and changes', async () => {
    const bytes = await encodeSegment(input())
    const decoded = await ok(bytes)
    expect(decoded.header).toMatchObject({
      kind: 'segment',
      formatVersion: { major: 1, minor: 0 },
      schemaVersion: 3,
      storeId: 'store1',
      deviceId: 'pcA',
      seq: 1,
      prevHash: '',
      count: 2
    })
    expect(decoded.header.hlcRange).toEqual({ min: hlc(1_700_000_000_000), max: hlc(1_700_000_000_001) })
    expect(decoded.header.encryption).toEqual({ alg: 'none' })
    expect(decoded.changes).toEqual(input().changes)
    expect(decoded.invalid).toEqual([])
    expect(decoded.fileHash).toBe(await hashBytes(bytes))
    expect(fromUtf8(bytes.subarray(0, 7))).toBe('SDSYNC ')
  })

  it('chains segments by the previous file hash', async () => {
    const first = await encodeSegment(input())
    const second = await ok(await encodeSegment(input({ seq: 2, prevHash: await hashBytes(first) })))
    expect(second.header.prevHash).toBe((await ok(first)).fileHash)
    expect(followsPrevious(await ok(first), second)).toBe(true)
    const replaced = await encodeSegment(input({ createdAt: 1 }))
    expect(followsPrevious(await ok(replaced), second)).toBe(false)
    expect(followsPrevious(second, await ok(first))).toBe(false)
    await expect(encodeSegment(input({ seq: 2, prevHash: '' }))).rejects.toThrow(/prevHash/)
  })

  it('marks the first segment of a re-send with the seqs it replaces (resendsUpTo), only below its own seq', async () => {
    const plain = await ok(await encodeSegment(input({ seq: 7, prevHash: 'a'.repeat(64) })))
    expect('resendsUpTo' in plain.header).toBe(false)
    const resend = await ok(await encodeSegment(input({ seq: 7, prevHash: 'a'.repeat(64), resendsUpTo: 6 })))
    expect(resend.header.resendsUpTo).toBe(6)
    await expect(encodeSegment(input({ seq: 7, prevHash: 'a'.repeat(64), resendsUpTo: 7 }))).rejects.toThrow(
      /resendsUpTo/
    )
    for (const bad of [7, 0, 2.5, '6']) {
      const edited = await withHeader(
        await encodeSegment(input({ seq: 7, prevHash: 'a'.repeat(64) })),
        (h) => {
          h.resendsUpTo = bad
        }
      )
      expect(await decodeSegment(edited)).toMatchObject({ ok: false, problem: 'invalidJson' })
    }
  })

  it('detects a file cut short (interrupted write) as truncated, at every length', async () => {
    const bytes = await encodeSegment(input())
    for (const cut of [0, 3, 50, PREFIX_BYTES, PREFIX_BYTES + 10, bytes.length - 1]) {
      const result = await decodeSegment(bytes.subarray(0, cut))
      expect(result.ok ? 'ok' : result.problem, `cut at ${cut}`).toBe('truncated')
    }
    const result = await decodeSegment(bytes.subarray(0, bytes.length - 1))
    expect(result).toMatchObject({ ok: false, problem: 'truncated', disposition: 'quarantine' })
    // what the sync page says for it (catalogue, by code)
    expect(zhCN.syncPage.problem.truncated).toBe('同步文件不完整（可能写入时中断），已隔离')
  })

  it('detects any single corrupted byte after the prefix as a checksum failure', async () => {
    const bytes = await encodeSegment(input())
    for (let i = PREFIX_BYTES; i < bytes.length; i += 7) {
      const damaged = bytes.slice()
      damaged[i] = (damaged[i] as number) ^ 0x01
      const result = await decodeSegment(damaged)
      expect(result.ok ? 'ok' : result.problem, `byte ${i}`).toBe('checksum')
    }
    const extra = new Uint8Array(bytes.length + 1)
    extra.set(bytes)
    expect(await decodeSegment(extra)).toMatchObject({
      ok: false,
      problem: 'checksum'
    })
  })

  it('rejects files that are not segments', async () => {
    expect(await decodeSegment(utf8('hello world, not a segment at all'))).toMatchObject({
      ok: false,
      problem: 'notASegment'
    })
    expect(await decodeSegment(utf8(`SDSYNC ${'x'.repeat(100)}`))).toMatchObject({
      ok: false,
      problem: 'notASegment'
    })
    const snapshotLike = await withHeader(await encodeSegment(input()), (h) => (h.kind = 'snapshot'))
    expect(await decodeSegment(snapshotLike)).toMatchObject({ ok: false, problem: 'notASegment' })
  })

  it('keeps a file of an unknown MAJOR version pending without reading its body', async () => {
    const future = await withHeader(
      await encodeSegment(input()),
      (h) => (h.formatVersion = { major: 2, minor: 0 }),
      utf8('<<a body in a format we do not know>>')
    )
    const result = await decodeSegment(future)
    expect(result).toMatchObject({ ok: false, problem: 'futureFormat', disposition: 'pending' })
    expect(result.ok ? '' : zhCN.syncPage.problem[result.problem]).toContain('请升级')
  })

  it('reads an unknown MINOR version and keeps unknown header fields', async () => {
    const newer = await withHeader(await encodeSegment(input()), (h) => {
      h.formatVersion = { major: 1, minor: 7, patchNote: 'x' }
      h.compression = { alg: 'none', future: true }
    })
    const decoded = await ok(newer)
    expect(decoded.header.formatVersion).toEqual({ major: 1, minor: 7, patchNote: 'x' })
    expect((decoded.header as Record<string, unknown>).compression).toEqual({ alg: 'none', future: true })
    expect(decoded.changes).toHaveLength(2)
  })

  it('keeps unknown fields of changes (written by a newer minor version)', async () => {
    const bytes = await encodeSegment(input())
    const parts = split(bytes)
    const items = JSON.parse(fromUtf8(parts.body) as string) as Record<string, unknown>[]
    ;(items[0] as Record<string, unknown>).origin = 'import'
    const newer = await withHeader(bytes, () => {}, utf8(JSON.stringify(items)))
    expect(((await ok(newer)).changes[0] as Record<string, unknown>).origin).toBe('import')
  })

  it('reports a body that is not JSON, or does not match the header count, as invalidJson', async () => {
    const bytes = await encodeSegment(input())
    expect(await decodeSegment(await withHeader(bytes, () => {}, utf8('[{"hlc":')))).toMatchObject({
      ok: false,
      problem: 'invalidJson'
    })
    expect(await decodeSegment(await withHeader(bytes, (h) => (h.count = 3)))).toMatchObject({
      ok: false,
      problem: 'invalidJson'
    })
    expect(await decodeSegment(await withHeader(bytes, (h) => (h.seq = 'one')))).toMatchObject({
      ok: false,
      problem: 'invalidJson'
    })
  })

  it('quarantines one bad change and keeps the rest of the segment', async () => {
    const bytes = await encodeSegment(input())
    const items = JSON.parse(fromUtf8(split(bytes).body) as string) as Record<string, unknown>[]
    items.push({ ...items[0], table: 'passwords' })
    items.push({ ...items[0], device: 'pcB' })
    items.push({ ...items[0], hlc: hlc(1_800_000_000_000) })
    const mixed = await withHeader(bytes, (h) => (h.count = items.length), utf8(JSON.stringify(items)))
    const decoded = await ok(mixed)
    expect(decoded.changes).toHaveLength(2)
    expect(decoded.invalid.map((i) => i.index)).toEqual([2, 3, 4])
    expect(decoded.invalid[0]?.reason).toMatch(/table/)
    expect(decoded.invalid[1]?.reason).toMatch(/device/)
    expect(decoded.invalid[2]?.reason).toMatch(/range/)
  })

  it('quarantines a change whose HLC names another device than the change (docs/sync-format.md §11)', async () => {
    const bytes = await encodeSegment(input())
    const items = JSON.parse(fromUtf8(split(bytes).body) as string) as Record<string, unknown>[]
    const stamp = String(items[0]?.hlc)
    items.push({ ...items[0], hlc: stamp.replace(/-[^-]+$/, '-pcB') })
    const mixed = await withHeader(bytes, (h) => (h.count = items.length), utf8(JSON.stringify(items)))
    const decoded = await ok(mixed)
    expect(decoded.changes).toHaveLength(2)
    expect(decoded.invalid.map((i) => i.index)).toEqual([2])
    expect(decoded.invalid[0]?.reason).toMatch(/hlc of device pcB/)
  })

  it('never throws, whatever the bytes', async () => {
    const bytes = await encodeSegment(input())
    let seed = 7
    for (let n = 0; n < 200; n++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      const junk = bytes.slice(0, seed % bytes.length)
      junk[seed % Math.max(1, junk.length)] = seed & 0xff
      const result = await decodeSegment(junk)
      expect(typeof result.ok).toBe('boolean')
    }
  })

  it('refuses to write invalid changes or another device’s changes', async () => {
    await expect(encodeSegment(input({ changes: [change({ hlc: 'yesterday' })] }))).rejects.toThrow(/hlc/)
    await expect(encodeSegment(input({ changes: [change({ device: 'pcB' })] }))).rejects.toThrow(/own device/)
  })

  describe('encrypted', () => {
    it('round-trips with the right key, and the body is not readable on the share', async () => {
      const encryption = await testEncryption()
      const bytes = await encodeSegment(input({ encryption }))
      expect(fromUtf8(bytes)?.includes('牛奶') ?? false).toBe(false)
      expect(new TextDecoder().decode(bytes).includes('门店密码')).toBe(false)
      const decoded = await ok(bytes, encryption.key)
      expect(decoded.changes).toEqual(input().changes)
      expect(decoded.header.encryption).toMatchObject({
        alg: 'AES-256-GCM',
        kdf: 'PBKDF2-SHA256',
        iterations: TEST_ITERATIONS
      })
    })

    it('asks for the passphrase when no key is given', async () => {
      const bytes = await encodeSegment(input({ encryption: await testEncryption() }))
      expect(await decodeSegment(bytes)).toMatchObject({
        ok: false,
        problem: 'needsPassphrase',
        disposition: 'pending'
      })
    })

    it('explains a wrong passphrase', async () => {
      const bytes = await encodeSegment(input({ encryption: await testEncryption() }))
      const wrong = await deriveStoreKey('另一个密码', SALT, TEST_ITERATIONS)
      const result = await decodeSegment(bytes, { key: wrong })
      expect(result).toMatchObject({ ok: false, problem: 'wrongPassphrase', disposition: 'pending' })
      expect(result.ok ? '' : zhCN.syncPage.problem[result.problem]).toContain('密码不正确')
    })

    it('fails authentication when the header is altered (even with a fresh checksum)', async () => {
      const encryption = await testEncryption()
      const bytes = await encodeSegment(input({ encryption }))
      for (const edit of [
        (h: Record<string, unknown>) => Object.assign(h, { seq: 9, prevHash: 'a'.repeat(64) }),
        (h: Record<string, unknown>) => (h.deviceId = 'pcB'),
        (h: Record<string, unknown>) => (h.extra = 1)
      ]) {
        const tampered = await withHeader(bytes, edit)
        expect(await decodeSegment(tampered, { key: encryption.key })).toMatchObject({
          ok: false,
          problem: 'tampered',
          disposition: 'quarantine'
        })
      }
    })
  })

  describe('file names', () => {
    it('zero-pads seq so names sort in seq order, and parses back', () => {
      const names = [1, 2, 10, 100, 99999].map((s) => segmentFileName('pcA', s))
      expect([...names].sort()).toEqual(names)
      expect(names[0]).toBe('seg-pcA-000000000001.seg')
      expect(parseSegmentFileName('seg-pc-A_1-000000000042.seg')).toEqual({ deviceId: 'pc-A_1', seq: 42 })
      expect(segmentPath('pcA', 3)).toBe('devices/pcA/segments/seg-pcA-000000000003.seg')
    })

    it('ignores temp files and foreign names, and refuses unsafe ids', () => {
      expect(parseSegmentFileName('.tmp-seg-pcA-000000000001.seg')).toBeNull()
      expect(parseSegmentFileName('seg-pcA-1.seg')).toBeNull()
      expect(parseSegmentFileName('seg-pcA-000000000000.seg')).toBeNull()
      expect(() => segmentFileName('../etc', 1)).toThrow()
      expect(() => segmentFileName('pcA', 0)).toThrow()
    })
  })
})
