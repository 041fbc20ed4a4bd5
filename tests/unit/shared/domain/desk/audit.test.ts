import { describe, expect, it } from 'vitest'
import {
  auditEntryHash,
  auditEntryId,
  verifyAuditChain,
  type AuditEntry,
  type AuditEntryBody
} from '@shared/domain/desk/audit'

const T0 = Date.parse('2026-12-06T10:00:00+08:00')

/** A PC's chain of `n` entries, each linked to the one before by its hash. */
async function chain(device: string, n: number): Promise<AuditEntry[]> {
  const out: AuditEntry[] = []
  let prevHash = ''
  for (let seq = 1; seq <= n; seq++) {
    const body: AuditEntryBody = {
      id: auditEntryId(device, seq),
      device,
      deviceName: `KEFU-${device}`,
      seq,
      prevHash,
      kind: seq % 2 ? 'phoneRevealed' : 'customersExported',
      staffNo: seq % 2 ? '1002' : '1001',
      at: T0 + seq * 60_000,
      params: seq % 2 ? { customerId: `c${seq}` } : { count: seq * 10, masked: true }
    }
    const hash = await auditEntryHash(body)
    out.push({ ...body, hash })
    prevHash = hash
  }
  return out
}

describe('操作日志 hash chain (per PC: seq + hash of the previous entry, SHA-256 over canonical JSON)', () => {
  it('says intact for untouched chains of several PCs, in any order', async () => {
    const entries = [...(await chain('pc-a', 5)), ...(await chain('pc-b', 3))].reverse()
    expect(await verifyAuditChain(entries)).toEqual({ intact: true, entries: 8 })
    expect(await verifyAuditChain([])).toEqual({ intact: true, entries: 0 })
  })

  it('the hash does not depend on key order, and changes with any field', async () => {
    const [first] = await chain('pc-a', 1)
    const entry = first as AuditEntry
    const reordered = Object.fromEntries(Object.entries(entry).reverse()) as unknown as AuditEntryBody
    expect(await auditEntryHash(reordered)).toBe(entry.hash)
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await auditEntryHash({ ...entry, staffNo: '1003' })).not.toBe(entry.hash)
    expect(await auditEntryHash({ ...entry, params: { customerId: 'c2' } })).not.toBe(entry.hash)
  })

  it('finds a removed entry: which PC, from which number', async () => {
    const a = await chain('pc-a', 5)
    const b = await chain('pc-b', 3)
    const withoutThird = [...a.filter((e) => e.seq !== 3), ...b]
    expect(await verifyAuditChain(withoutThird)).toEqual({
      intact: false,
      entries: 7,
      breaks: [{ device: 'pc-a', seq: 4, problem: 'missing', missingFrom: 3 }]
    })
    // the first entry removed: the chain must start at 1
    expect(await verifyAuditChain(b.slice(1))).toMatchObject({
      intact: false,
      breaks: [{ device: 'pc-b', seq: 2, problem: 'missing', missingFrom: 1 }]
    })
  })

  it('finds an edited entry, and one edited with its hash recomputed (the next link breaks)', async () => {
    const a = await chain('pc-a', 5)
    const edited = a.map((e) => (e.seq === 2 ? { ...e, params: { count: 1, masked: true } } : e))
    expect(await verifyAuditChain(edited)).toEqual({
      intact: false,
      entries: 5,
      breaks: [{ device: 'pc-a', seq: 2, problem: 'edited' }]
    })
    const rehashed = await Promise.all(
      a.map(async (e) => {
        if (e.seq !== 2) return e
        const body = { ...e, staffNo: '9999' }
        return { ...body, hash: await auditEntryHash(body) }
      })
    )
    expect(await verifyAuditChain(rehashed)).toMatchObject({
      intact: false,
      breaks: [{ device: 'pc-a', seq: 3, problem: 'relinked' }]
    })
  })

  it('an entry renumbered into a hole, or moved to another PC, is found', async () => {
    const a = await chain('pc-a', 3)
    const moved = a.map((e) => (e.seq === 3 ? { ...e, device: 'pc-b', seq: 1 } : e))
    const check = await verifyAuditChain(moved)
    expect(check.intact).toBe(false)
    expect(check).toMatchObject({ breaks: [{ device: 'pc-b', seq: 1, problem: 'edited' }] })
  })
})
