process.env.TZ = 'Asia/Shanghai'
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { recordRevisitAttempt } from '@/db/revisitAttempts'
import { revisitTasksOfComplaint } from '@/db/revisitQueue'
import { revisitStats, revisitStatsTasks } from '@/db/revisitStats'
import { freshData } from '../helpers'
import { acceptedComplaint, clerk } from './fixtures'

const DAY = 86_400_000

describe('回访统计 from the stored tasks', () => {
  it('counts per rule and clerk, coverage against the target, and lists the tasks behind a figure', async () => {
    const ctx = await freshData()
    const start = ctx.time.value
    // three complaints: one called on time (satisfied), one late (unsatisfied), one refused
    const ids: string[] = []
    for (const phone of ['13800138000', '13900139000', '13700137000']) {
      const c = await acceptedComplaint(ctx, 'apology', phone)
      ids.push((await revisitTasksOfComplaint(ctx, c.id))[0]!.task.id)
    }
    await recordRevisitAttempt(ctx, clerk, ids[0]!, { outcome: 'reached', satisfaction: 'satisfied' })
    await recordRevisitAttempt(ctx, clerk, ids[2]!, { outcome: 'refused' })
    ctx.time.value += 4 * DAY
    await recordRevisitAttempt(ctx, clerk, ids[1]!, {
      outcome: 'reached',
      satisfaction: 'unsatisfied',
      note: '太慢'
    })

    const stats = await revisitStats(ctx, start, start + 10 * DAY)
    const complaint = stats.byRule.find((r) => r.rule === 'complaint')!.row
    expect(complaint.counts).toMatchObject({
      generated: 3,
      due: 3,
      done: 2,
      onTime: 1,
      refused: 1,
      satisfied: 1,
      unsatisfied: 1
    })
    expect(complaint.coverage).toBe(33.3)
    expect(complaint.targetPercent).toBe(100)
    expect(complaint.belowTarget).toBe(true)
    expect(stats.byClerk.map((c) => c.clerk)).toEqual([''])

    const late = await revisitStatsTasks(ctx, start, start + 10 * DAY, {
      rule: 'complaint',
      measure: 'unsatisfied'
    })
    expect(late.map((t) => t.task.id)).toEqual([ids[1]])
    const onTime = await revisitStatsTasks(ctx, start, start + 10 * DAY, { measure: 'onTime' })
    expect(onTime.map((t) => t.task.id)).toEqual([ids[0]])
  })
})
