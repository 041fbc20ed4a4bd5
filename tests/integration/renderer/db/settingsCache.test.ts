process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Change } from '@shared/sync/change'
import { getRevisitSettings, heldRevisitSettings, saveRevisitSettings } from '@/db/revisitSettings'
import { device, freshData } from './helpers'

// The 回访 rules held in memory for the write paths (settingsCache.ts): never a value another
// write has changed, never a value of a transaction that did not commit.

afterEach(() => vi.restoreAllMocks())

/** Counts the settings reads that reach the database. */
function countReads(ctx: Awaited<ReturnType<typeof freshData>>) {
  const proto = Object.getPrototypeOf(ctx.db.settings) as { get: (...a: unknown[]) => unknown }
  const real = proto.get
  const reads = { n: 0 }
  vi.spyOn(proto, 'get').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
    if (this.name === 'settings') reads.n++
    return real.apply(this, args)
  })
  return reads
}

describe('the 回访 rules held for write paths', () => {
  it('are read once, then from memory until a settings write; then the new value', async () => {
    const ctx = await freshData()
    const reads = countReads(ctx)
    const first = await heldRevisitSettings(ctx)
    expect(await heldRevisitSettings(ctx)).toBe(first)
    expect(reads.n).toBe(1)
    await saveRevisitSettings(ctx, '9001', { ...first, newCustomerSamplePercent: 37 })
    expect((await heldRevisitSettings(ctx)).newCustomerSamplePercent).toBe(37)
  })

  it('a settings write that rolls back leaves the committed value, not its own', async () => {
    const ctx = await freshData()
    const before = await heldRevisitSettings(ctx)
    await expect(
      ctx.writer.transact('9001', async (tx) => {
        await tx
          .update('settings', 'revisit', { newCustomerSamplePercent: 55 } as never)
          .catch(async () =>
            tx.create('settings', { ...before, id: 'revisit', newCustomerSamplePercent: 55 } as never)
          )
        // read inside the writing transaction: its own value…
        expect((await heldRevisitSettings(ctx)).newCustomerSamplePercent).toBe(55)
        throw new Error('abandoned')
      })
    ).rejects.toThrow('abandoned')
    // …which must not outlive the rollback.
    expect((await heldRevisitSettings(ctx)).newCustomerSamplePercent).toBe(before.newCustomerSamplePercent)
    expect(await heldRevisitSettings(ctx)).toEqual(await getRevisitSettings(ctx))
  })

  it('a change merged from another PC replaces the held value', async () => {
    const a = await freshData({ dev: device('dev-a', 'A1') })
    const b = await freshData({ dev: device('dev-b', 'B1') })
    const held = await heldRevisitSettings(b)
    await saveRevisitSettings(a, '9001', { ...(await getRevisitSettings(a)), newCustomerSamplePercent: 64 })
    expect(held.newCustomerSamplePercent).not.toBe(64)
    await b.writer.applyRemote((await a.db.outbox.toArray()).map(({ seq: _seq, ...e }) => e as Change))
    expect((await heldRevisitSettings(b)).newCustomerSamplePercent).toBe(64)
  })
})
