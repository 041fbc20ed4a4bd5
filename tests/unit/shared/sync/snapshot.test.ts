import { describe, expect, it } from 'vitest'
import { fromUtf8, UTF8_PIECE, utf8 } from '@shared/sync/bytes'
import { gunzip, gzip } from '@shared/sync/compress'
import { encodeFrame, PREFIX_BYTES } from '@shared/sync/frame'
import type { StoreKey } from '@shared/sync/crypto'
import type { MergeRecord } from '@shared/sync/merge'
import {
  decodeSnapshotChunk,
  decodeSnapshotManifest,
  encodeSnapshot,
  MANIFEST_FILE,
  type SnapshotEntry,
  type SnapshotFile,
  type SnapshotInput,
  type SnapshotOptions
} from '@shared/sync/snapshot'
import { hlc, testEncryption } from './fixtures'

const OPTIONS: SnapshotOptions = {
  storeId: 'store1',
  deviceId: 'pcA',
  schemaVersion: 3,
  createdAt: 1_700_000_000_000,
  covers: { pcA: 12, pcB: 7 }
}

function record(i: number): MergeRecord {
  return {
    id: `k${i}`,
    name: `顾客${i}`,
    phone: `1380000${String(i).padStart(4, '0')}`,
    _clock: {
      name: hlc(1000 + i),
      phone: hlc(1000 + i),
      ...(i % 10 === 0 ? { _deleted: hlc(2000 + i) } : {})
    },
    ...(i % 10 === 0 ? { _deleted: 1 as const } : {}),
    _created: { hlc: hlc(1000 + i), device: 'pcA', staffNo: '1001' },
    // a derived local index key: not written
    _keys: ['x']
  }
}

function* entries(n: number): Generator<SnapshotEntry> {
  for (let i = 0; i < n; i++) yield { t: 'customers', r: record(i) }
}

/** A chunk file's header and its body as text (inflated when gzipped). */
async function chunkParts(bytes: Uint8Array): Promise<{ header: Record<string, unknown>; text: string }> {
  const headerLength = Number((fromUtf8(bytes.subarray(0, PREFIX_BYTES)) as string).slice(7, 15))
  const header = JSON.parse(
    fromUtf8(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)) as string
  ) as Record<string, unknown>
  const body = bytes.subarray(PREFIX_BYTES + headerLength + 1)
  return {
    header,
    text: fromUtf8(header.compression === 'gzip' ? ((await gunzip(body)) as Uint8Array) : body) as string
  }
}

async function collect(gen: AsyncGenerator<SnapshotFile>): Promise<SnapshotFile[]> {
  const files: SnapshotFile[] = []
  for await (const f of gen) files.push(f)
  return files
}

async function readAll(files: SnapshotFile[], key?: StoreKey) {
  const manifestFile = files.find((f) => f.path.endsWith(MANIFEST_FILE)) as SnapshotFile
  const manifest = await decodeSnapshotManifest(manifestFile.bytes, key ? { key } : {})
  if (!manifest.ok) throw new Error(manifest.detail)
  const out: SnapshotEntry[] = []
  for (const [i, ref] of manifest.chunks.entries()) {
    const file = files.find((f) => f.path.endsWith(ref.name)) as SnapshotFile
    const chunk = await decodeSnapshotChunk(file.bytes, {
      ...(key ? { key } : {}),
      expect: { snapshotId: manifest.header.snapshotId, index: i + 1, ref }
    })
    if (!chunk.ok) throw new Error(chunk.detail)
    out.push(...chunk.entries)
  }
  return { manifest, entries: out }
}

describe('snapshots', () => {
  it('round-trips records with clocks and tombstones in bounded chunks, manifest last', async () => {
    const files = await collect(encodeSnapshot(entries(2_345), { ...OPTIONS, chunkRecords: 1000 }))
    expect(files.map((f) => f.path)).toEqual([
      'snapshots/001700000000000-pcA/chunk-000001.snap',
      'snapshots/001700000000000-pcA/chunk-000002.snap',
      'snapshots/001700000000000-pcA/chunk-000003.snap',
      'snapshots/001700000000000-pcA/manifest.snap'
    ])
    const { manifest, entries: read } = await readAll(files)
    expect(manifest.header).toMatchObject({
      covers: { pcA: 12, pcB: 7 },
      chunkCount: 3,
      recordCount: 2_345,
      schemaVersion: 3
    })
    expect(read).toHaveLength(2_345)
    const { _keys, ...expected } = record(10)
    expect(_keys).toEqual(['x'])
    expect(read[10]).toEqual({ t: 'customers', r: expected })
    expect(read[10]?.r._deleted).toBe(1)
    // NDJSON body, gzipped: one record per line
    const { header, text: chunkText } = await chunkParts((files[0] as SnapshotFile).bytes)
    expect(header.compression).toBe('gzip')
    expect(chunkText.split('\n').filter((l) => l.startsWith('{"t":"customers"'))).toHaveLength(1000)
  })

  it('puts records marked history into chunks of their own, marked in the manifest (format 1.1)', async () => {
    // 5 working-set records, 7 history, 2 working-set again (a writer lists history last; the encoder
    // still never mixes the two in a chunk)
    function* marked(): Generator<SnapshotInput> {
      for (let i = 0; i < 14; i++) yield { t: 'customers', r: record(i), history: i >= 5 && i < 12 }
    }
    const files = await collect(encodeSnapshot(marked(), { ...OPTIONS, chunkRecords: 4 }))
    const { manifest, entries: read } = await readAll(files)
    expect(manifest.chunks.map((c) => [c.count, c.history ?? false])).toEqual([
      [4, false],
      [1, false],
      [4, true],
      [3, true],
      [2, false]
    ])
    expect(read.map((e) => e.r.id)).toEqual([...entries(14)].map((e) => e.r.id))
    const { header } = await chunkParts((files[0] as SnapshotFile).bytes)
    expect(header.formatVersion).toEqual({ major: 1, minor: 1 })
  })

  it('pauses every 500 records while decoding a chunk, when asked (a desk decoding in the background stays responsive)', async () => {
    const files = await collect(encodeSnapshot(entries(1_234), OPTIONS))
    const manifest = await decodeSnapshotManifest((files[1] as SnapshotFile).bytes)
    if (!manifest.ok) throw new Error(manifest.detail)
    const ref = manifest.chunks[0] as NonNullable<(typeof manifest.chunks)[number]>
    // and between the pieces of its body's UTF-8 decoding (the test below)
    const pieces = Math.ceil(
      utf8((await chunkParts((files[0] as SnapshotFile).bytes)).text).length / UTF8_PIECE
    )
    for (const verified of [false, true]) {
      let pauses = 0
      const chunk = await decodeSnapshotChunk((files[0] as SnapshotFile).bytes, {
        expect: { snapshotId: manifest.header.snapshotId, index: 1, ref },
        verified,
        pause: async () => void pauses++
      })
      expect(chunk.ok && chunk.entries.length).toBe(1_234)
      expect(pauses).toBe(2 + pieces - 1)
    }
  })

  it('decodes a long chunk body a piece at a time when asked to pause, to the same records', async () => {
    // ~600 KB of body: more than one UTF8_PIECE, with multi-byte characters across the cuts
    const long = (i: number): SnapshotEntry => ({
      t: 'customers',
      r: { ...record(i), name: `客户${'服务台'.repeat(150)}${i}` }
    })
    const files = await collect(
      encodeSnapshot(
        (function* () {
          for (let i = 0; i < 400; i++) yield long(i)
        })(),
        OPTIONS
      )
    )
    const bytes = (files[0] as SnapshotFile).bytes
    const { text } = await chunkParts(bytes)
    expect(utf8(text).length).toBeGreaterThan(2 * UTF8_PIECE)
    let pauses = 0
    const paused = await decodeSnapshotChunk(bytes, { pause: async () => void pauses++ })
    const whole = await decodeSnapshotChunk(bytes)
    expect(paused.ok && whole.ok && paused.entries).toEqual(whole.ok && whole.entries)
    expect(pauses).toBe(Math.ceil(utf8(text).length / UTF8_PIECE) - 1)
  })

  it('bounds chunks by size too', async () => {
    const big = (i: number): SnapshotEntry => ({
      t: 'customers',
      r: { ...record(i), notes: '备'.repeat(20_000) }
    })
    const files = await collect(
      encodeSnapshot(
        (function* () {
          for (let i = 0; i < 20; i++) yield big(i)
        })(),
        { ...OPTIONS, chunkBytes: 200_000 }
      )
    )
    expect(files.length).toBeGreaterThan(5)
    for (const f of files) expect(f.bytes.length).toBeLessThan(200_000 + 2_000)
  })

  it('splits a large store into chunks of 5 000 records, listed by the manifest (speed: npm run bench)', async () => {
    let count = 0
    let manifest: Uint8Array | undefined
    for await (const f of encodeSnapshot(entries(30_000), OPTIONS)) {
      if (f.path.endsWith(MANIFEST_FILE)) manifest = f.bytes
      else count++
    }
    const decoded = await decodeSnapshotManifest(manifest as Uint8Array)
    expect(decoded).toMatchObject({ ok: true, header: { recordCount: 30_000, chunkCount: 6 } })
    expect(decoded.ok && decoded.chunks.map((c) => c.count)).toEqual([
      5_000, 5_000, 5_000, 5_000, 5_000, 5_000
    ])
    expect(count).toBe(6)
  })

  it('encrypts chunks and manifest; a wrong passphrase or missing key is reported', async () => {
    const encryption = await testEncryption()
    const files = await collect(encodeSnapshot(entries(30), { ...OPTIONS, encryption }))
    expect(fromUtf8(files[0]?.bytes as Uint8Array)?.includes('顾客') ?? false).toBe(false)
    expect((await readAll(files, encryption.key)).entries).toHaveLength(30)
    const wrong = await testEncryption('wrong')
    expect(await decodeSnapshotManifest(files[1]?.bytes as Uint8Array, { key: wrong.key })).toMatchObject({
      ok: false,
      problem: 'wrongPassphrase'
    })
    expect(await decodeSnapshotChunk(files[0]?.bytes as Uint8Array)).toMatchObject({
      ok: false,
      problem: 'needsPassphrase'
    })
  })

  it('detects corruption, truncation and a chunk that is not the one the manifest lists', async () => {
    const files = await collect(encodeSnapshot(entries(30), { ...OPTIONS, chunkRecords: 10 }))
    const chunk = files[0]?.bytes as Uint8Array
    const damaged = chunk.slice()
    damaged[PREFIX_BYTES + 200] = (damaged[PREFIX_BYTES + 200] as number) ^ 0x20
    expect(await decodeSnapshotChunk(damaged)).toMatchObject({ ok: false, problem: 'checksum' })
    expect(await decodeSnapshotChunk(chunk.subarray(0, chunk.length - 5))).toMatchObject({
      ok: false,
      problem: 'truncated'
    })
    const manifest = await decodeSnapshotManifest(files[3]?.bytes as Uint8Array)
    if (!manifest.ok) throw new Error(manifest.detail)
    const ref = manifest.chunks[1]
    if (!ref) throw new Error('no chunk 2')
    const swapped = await decodeSnapshotChunk(chunk, {
      expect: { snapshotId: manifest.header.snapshotId, index: 2, ref }
    })
    expect(swapped).toMatchObject({ ok: false, problem: 'checksum' })
    expect(await decodeSnapshotManifest(chunk)).toMatchObject({ ok: false, problem: 'notASegment' })
  })

  it('refuses to write an invalid record', async () => {
    const bad: SnapshotEntry = { t: 'customers', r: { id: 'k1', _clock: { name: 'yesterday' }, name: 'x' } }
    await expect(collect(encodeSnapshot([bad], OPTIONS))).rejects.toThrow(/HLC/)
  })

  it('validates every record it reads: a bad line is quarantined, the rest of the chunk applies', async () => {
    const files = await collect(encodeSnapshot(entries(3), OPTIONS))
    const {
      header: { compression: _gz, ...header },
      text
    } = await chunkParts(files[0]?.bytes as Uint8Array)
    const lines = text.split('\n').filter(Boolean)
    lines.splice(
      1,
      0,
      JSON.stringify({ t: 'customers', r: { id: 'k9', _clock: { _keys: hlc(1) }, _keys: ['x'] } }),
      '{"t":"outbox","r":{}}',
      'not json'
    )
    // (written plain this time: a chunk without `compression` is read as it is)
    const rebuilt = await encodeFrame(
      utf8(JSON.stringify({ ...header, count: lines.length })),
      utf8(lines.map((l) => `${l}\n`).join(''))
    )
    const decoded = await decodeSnapshotChunk(rebuilt)
    expect(decoded).toMatchObject({ ok: true, invalid: [{ index: 2 }, { index: 3 }, { index: 4 }] })
    expect(decoded.ok ? decoded.entries.map((e) => e.r.id) : []).toEqual(['k0', 'k1', 'k2'])
  })

  it('gzips chunk bodies (a tenth of the text or less) and refuses a body that is not gzip or inflates too far', async () => {
    const files = await collect(encodeSnapshot(entries(2_000), OPTIONS))
    const chunk = files[0]?.bytes as Uint8Array
    const { header, text } = await chunkParts(chunk)
    expect(chunk.length * 5).toBeLessThan(utf8(text).length)
    const garbage = await encodeFrame(utf8(JSON.stringify(header)), utf8('this is not gzip'))
    expect(await decodeSnapshotChunk(garbage)).toMatchObject({
      ok: false,
      problem: 'invalidJson',
      disposition: 'quarantine'
    })
    // 300 MB of one repeated byte: small on the share, refused before it is held in memory
    const bomb = await gzip(new Uint8Array(300 * 1024 * 1024).fill(0x20))
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const bombFile = await encodeFrame(utf8(JSON.stringify({ ...header, count: 1 })), bomb)
    expect(await decodeSnapshotChunk(bombFile)).toMatchObject({
      ok: false,
      problem: 'invalidJson',
      detail: expect.stringContaining('gzip')
    })
  })

  it('keeps a snapshot of a newer major pending and reads a newer minor with its extra fields', async () => {
    const files = await collect(encodeSnapshot(entries(3), OPTIONS))
    const manifest = files[1]?.bytes as Uint8Array
    const headerLength = Number((fromUtf8(manifest.subarray(0, PREFIX_BYTES)) as string).slice(7, 15))
    const header = JSON.parse(
      fromUtf8(manifest.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)) as string
    ) as Record<string, unknown>
    const body = manifest.subarray(PREFIX_BYTES + headerLength + 1)
    const future = await encodeFrame(
      utf8(JSON.stringify({ ...header, formatVersion: { major: 2, minor: 0 } })),
      body
    )
    expect(await decodeSnapshotManifest(future)).toMatchObject({
      ok: false,
      problem: 'futureFormat',
      disposition: 'pending'
    })
    const minor = await encodeFrame(
      utf8(JSON.stringify({ ...header, formatVersion: { major: 1, minor: 3 }, region: 'east' })),
      body
    )
    expect(await decodeSnapshotManifest(minor)).toMatchObject({
      ok: true,
      header: { region: 'east', formatVersion: { minor: 3 } }
    })
  })
})
