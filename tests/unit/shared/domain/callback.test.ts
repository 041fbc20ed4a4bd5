import { describe, expect, it } from 'vitest'
import { CALLBACK_MAX_AHEAD_MS, callbackFormSchema, callbackState } from '@shared/domain/callback'

const NOW = Date.parse('2026-11-23T10:00:00+08:00')
const MIN = 60_000
const issues = (input: unknown) =>
  callbackFormSchema(NOW)
    .safeParse(input)
    .error?.issues.map((i) => i.message) ?? []

describe('callback form', () => {
  it('needs a time from a minute ago up to 30 days ahead; the note is optional and bounded', () => {
    expect(issues({ dueAt: NOW + 5 * MIN, note: '' })).toEqual([])
    expect(issues({ dueAt: NOW - MIN, note: '' })).toEqual([]) // the minute it took to type
    expect(issues({ dueAt: NOW - MIN - 1, note: '' })).toEqual(['callback.dueInPast'])
    expect(issues({ dueAt: NOW + CALLBACK_MAX_AHEAD_MS, note: '' })).toEqual([])
    expect(issues({ dueAt: NOW + CALLBACK_MAX_AHEAD_MS + 1, note: '' })).toEqual(['callback.dueTooFar'])
    expect(issues({ dueAt: undefined, note: '' })).toEqual(['callback.dueRequired'])
    expect(issues({ dueAt: NOW + MIN, note: '字'.repeat(201) })).toEqual(['validation.tooLong'])
    expect(callbackFormSchema(NOW).parse({ dueAt: NOW + MIN, note: '  下午方便  ' }).note).toBe('下午方便')
  })
})

describe('callbackState', () => {
  const at = NOW + 30 * MIN
  it('is pending until its time, overdue only after it, none without one or on an ended case', () => {
    expect(callbackState({ status: 'inProgress', callback: { dueAt: at } }, at - 1)).toBe('pending')
    expect(callbackState({ status: 'inProgress', callback: { dueAt: at } }, at)).toBe('pending')
    expect(callbackState({ status: 'inProgress', callback: { dueAt: at } }, at + 1)).toBe('overdue')
    expect(callbackState({ status: 'inProgress', callback: null }, at)).toBe('none')
    expect(callbackState({ status: 'inProgress' }, at)).toBe('none') // records from before callbacks
    expect(callbackState({ status: 'closed', callback: { dueAt: at } }, at + 1)).toBe('none')
    expect(callbackState({ status: 'rejected', callback: { dueAt: at } }, at + 1)).toBe('none')
  })
})
