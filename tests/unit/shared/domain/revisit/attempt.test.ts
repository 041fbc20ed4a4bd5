import { describe, expect, it } from 'vitest'
import { attemptInputSchema, NOTE_MAX } from '@shared/domain/revisit'

const NOW = Date.parse('2026-11-22T10:00:00+08:00')
const DAY = 86_400_000
const issues = (input: unknown) => {
  const r = attemptInputSchema(NOW).safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('call outcome input (bad input)', () => {
  it('已接通 without a satisfaction is refused next to the satisfaction', () => {
    expect(issues({ outcome: 'reached' })).toEqual(['satisfaction:revisit.needSatisfaction'])
    expect(issues({ outcome: 'reached', satisfaction: 'satisfied' })).toEqual([])
  })

  it('改约 to a time in the past, now, or more than 90 days ahead is refused; 90 days exactly is fine', () => {
    expect(issues({ outcome: 'rebooked' })).toEqual(['rebookAt:revisit.needRebookAt'])
    expect(issues({ outcome: 'rebooked', rebookAt: NOW - 1 })).toEqual(['rebookAt:revisit.rebookPast'])
    expect(issues({ outcome: 'rebooked', rebookAt: NOW })).toEqual(['rebookAt:revisit.rebookPast'])
    expect(issues({ outcome: 'rebooked', rebookAt: NOW + 90 * DAY })).toEqual([])
    expect(issues({ outcome: 'rebooked', rebookAt: NOW + 90 * DAY + 1 })).toEqual([
      'rebookAt:revisit.rebookTooFar'
    ])
  })

  it('a note or suggestion over 2 000 characters is refused; 2 000 is fine', () => {
    expect(issues({ outcome: 'noAnswer', note: 'x'.repeat(NOTE_MAX) })).toEqual([])
    expect(issues({ outcome: 'noAnswer', note: 'x'.repeat(NOTE_MAX + 1) })).toEqual([
      'note:validation.tooLong'
    ])
    expect(
      issues({ outcome: 'reached', satisfaction: 'satisfied', suggestions: 'y'.repeat(NOTE_MAX + 1) })
    ).toEqual(['suggestions:validation.tooLong'])
  })

  it('reopen only with 不满意', () => {
    expect(issues({ outcome: 'reached', satisfaction: 'neutral', reopen: true })).toEqual([
      'reopen:workflow.reopenOnlyUnsatisfied'
    ])
    expect(issues({ outcome: 'reached', satisfaction: 'unsatisfied', reopen: true })).toEqual([])
  })
})
