process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { syncOnce } from '@/db/sync/syncOnce'
import { createCustomer } from '@/db/customers'
import { recordRevisitAttempt } from '@/db/revisitAttempts'
import { revisitTasksOfComplaint, revisitTasksOfCustomer, listRevisitQueue } from '@/db/revisitQueue'
import { generateRevisitTasks } from '@/db/revisitSweep'
import { getRevisitSettings, saveRevisitSettings } from '@/db/revisitSettings'
import { getComplaint } from '@/db/complaints'
import { createRealShare, type RealShare } from '../sync/realShare'
import { pc, syncedState } from '../sync/harness'
import { acceptedComplaint, profile } from './fixtures'

let shares: RealShare[] = []
afterEach(async () => {
  for (const s of shares) await s.dispose()
  shares = []
})

describe('回访 across two PCs', () => {
  it('two clerks calling the same task offline: after sync one task, both attempts, the same end state', async () => {
    const share = await createRealShare()
    shares.push(share)
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const c = await acceptedComplaint(a)
    await syncOnce(a, share)
    await syncOnce(b, share)
    const [onB] = await revisitTasksOfComplaint(b, c.id)
    const id = onB!.task.id
    // offline: A gets no answer at 11:00, B reaches the customer at 11:30
    a.time.value += 3_600_000
    b.time.value += 5_400_000
    await recordRevisitAttempt(a, { staffNo: '1002', role: 'clerk' }, id, {
      outcome: 'noAnswer',
      note: '无人接听'
    })
    await recordRevisitAttempt(b, { staffNo: '1003', role: 'clerk' }, id, {
      outcome: 'reached',
      satisfaction: 'satisfied',
      suggestions: '服务很好'
    })
    for (let i = 0; i < 2; i++) {
      await syncOnce(a, share)
      await syncOnce(b, share)
    }
    for (const ctx of [a, b]) {
      const tasks = await revisitTasksOfComplaint(ctx, c.id)
      expect(tasks).toHaveLength(1)
      expect(tasks[0]!.attempts.map((x) => [x.staffNo, x.outcome])).toEqual([
        ['1002', 'noAnswer'],
        ['1003', 'reached']
      ])
      expect(tasks[0]!.state.status).toBe('done')
      expect(tasks[0]!.task._status).toBe('done')
      expect(tasks[0]!.task._open).toBeUndefined()
      expect((await getComplaint(ctx, c.id))?.revisit?.satisfaction).toBe('satisfied')
      expect(await listRevisitQueue(ctx)).toEqual([])
    }
    expect(await syncedState(a)).toEqual(await syncedState(b))
  })

  it('two PCs generating the same tasks at once make one task each after sync', async () => {
    const share = await createRealShare()
    shares.push(share)
    const a = await pc('pcA', 'A1')
    const b = await pc('pcB', 'B1')
    const s = await getRevisitSettings(a)
    await saveRevisitSettings(a, '9001', {
      ...s,
      rules: { ...s.rules, keyAccount: { ...s.rules.keyAccount, enabled: false } }
    })
    const key = await createCustomer(a, '1002', profile({ tier: 'key' }))
    await syncOnce(a, share)
    await syncOnce(b, share)
    // both switch the rule on and sweep, offline
    await saveRevisitSettings(a, '9001', s)
    await saveRevisitSettings(b, '9002', s)
    expect(await generateRevisitTasks(a, ['keyAccount'])).toBe(1)
    expect(await generateRevisitTasks(b, ['keyAccount'])).toBe(1)
    for (let i = 0; i < 2; i++) {
      await syncOnce(a, share)
      await syncOnce(b, share)
    }
    for (const ctx of [a, b]) {
      const tasks = (await revisitTasksOfCustomer(ctx, key.id)).filter((t) => t.task.rule === 'keyAccount')
      expect(tasks).toHaveLength(1)
      expect(tasks[0]!.state.status).toBe('open')
    }
    expect(await syncedState(a)).toEqual(await syncedState(b))
  })
})
