import { describe, expect, it } from 'vitest'
import {
  acknowledgeRefusal,
  carryOverItems,
  editRefusal,
  handoverItemSchema,
  handoverNotesSchema,
  isEmptyHandover,
  isItemOverdue,
  type HandoverItem
} from '@shared/domain/handover'
import { EMPTY_PREFILL } from '@shared/domain/handoverPrefill'

function item(id: string, over: Partial<HandoverItem> = {}): HandoverItem {
  return {
    id,
    originId: id,
    section: 'urgent',
    text: `事项${id}`,
    customerId: null,
    customerName: '',
    customerPhone: '',
    dueAt: 1,
    done: false,
    carried: 0,
    ...over
  }
}

describe('carry-over', () => {
  it('hands on every unfinished item one shift older, keeping where it started; done items stay behind', () => {
    let n = 0
    const next = carryOverItems(
      { items: [item('a'), item('b', { done: true }), item('c', { carried: 2, originId: 'x' })] },
      () => `new${++n}`
    )
    expect(next).toEqual([
      { ...item('a'), id: 'new1', carried: 1 },
      { ...item('c', { originId: 'x' }), id: 'new2', carried: 3 }
    ])
  })

  it('counts shifts over a chain of handovers', () => {
    let items = [item('a')]
    for (let shift = 1; shift <= 3; shift++) items = carryOverItems({ items }, () => `s${shift}`)
    expect(items.map((i) => [i.originId, i.carried])).toEqual([['a', 3]])
  })
})

describe('overdue items', () => {
  it('are unfinished items past their due time', () => {
    expect(isItemOverdue(item('a', { dueAt: 100 }), 101)).toBe(true)
    expect(isItemOverdue(item('a', { dueAt: 100 }), 100)).toBe(false)
    expect(isItemOverdue(item('a', { dueAt: 100, done: true }), 500)).toBe(false)
    expect(isItemOverdue(item('a', { dueAt: null }), 500)).toBe(false)
  })
})

describe('lock after acknowledgement', () => {
  it('lets only the outgoing clerk edit, and nobody once acknowledged', () => {
    expect(editRefusal({ status: 'draft', outgoingStaffNo: '1001' }, '1001')).toBeNull()
    // issue 13.5: once submitted the note is read-only, for its author too
    expect(editRefusal({ status: 'submitted', outgoingStaffNo: '1001' }, '1001')).toBe('submitted')
    expect(editRefusal({ status: 'submitted', outgoingStaffNo: '1001' }, '1002')).toBe('submitted')
    expect(editRefusal({ status: 'draft', outgoingStaffNo: '1001' }, '1002')).toBe('notOutgoing')
    expect(editRefusal({ status: 'acknowledged', outgoingStaffNo: '1001' }, '1001')).toBe('locked')
    expect(editRefusal({ status: 'acknowledged', outgoingStaffNo: '1001' }, '8001')).toBe('locked')
  })

  it('acknowledges a submitted note once, never one’s own', () => {
    expect(acknowledgeRefusal({ status: 'submitted', outgoingStaffNo: '1001' }, '1002')).toBeNull()
    expect(acknowledgeRefusal({ status: 'submitted', outgoingStaffNo: '1001' }, '1001')).toBe('ownHandover')
    expect(acknowledgeRefusal({ status: 'draft', outgoingStaffNo: '1001' }, '1002')).toBe('notSubmitted')
    expect(acknowledgeRefusal({ status: 'acknowledged', outgoingStaffNo: '1001' }, '1002')).toBe(
      'alreadyAcknowledged'
    )
  })
})

describe('item and note validation', () => {
  const messages = (input: unknown) =>
    handoverItemSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? []
  it('needs a due time and a text for urgent matters, a customer for the other sections', () => {
    expect(
      messages({
        section: 'urgent',
        text: '',
        customerId: null,
        customerName: '',
        customerPhone: '',
        dueAt: null
      })
    ).toEqual(['text:validation.required', 'dueAt:handover.dueRequired'])
    expect(
      messages({
        section: 'customers',
        text: '退款进度',
        customerId: null,
        customerName: '',
        customerPhone: '',
        dueAt: null
      })
    ).toEqual(['customerName:handover.customerRequired'])
    expect(
      messages({
        section: 'prospects',
        text: '',
        customerId: null,
        customerName: '赵先生',
        customerPhone: '',
        dueAt: null
      })
    ).toEqual([])
  })

  it('refuses a 5 000-character note with its own message', () => {
    expect(handoverNotesSchema.safeParse('字'.repeat(2000)).success).toBe(true)
    expect(handoverNotesSchema.safeParse('字'.repeat(5000)).error?.issues[0]?.message).toBe(
      'handover.notesTooLong'
    )
  })

  it('knows an empty handover', () => {
    expect(isEmptyHandover({ prefill: EMPTY_PREFILL, items: [], notes: '  ' })).toBe(true)
    expect(isEmptyHandover({ prefill: EMPTY_PREFILL, items: [], notes: '注意' })).toBe(false)
    expect(isEmptyHandover({ prefill: EMPTY_PREFILL, items: [item('a')], notes: '' })).toBe(false)
  })
})
