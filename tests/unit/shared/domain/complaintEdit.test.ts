import { describe, expect, it } from 'vitest'
import { buildComplaint, complaintIntakeSchema, emptyIntakeForm } from '@shared/domain/complaint'
import { diffIntake } from '@shared/domain/complaintEdit'

const schema = complaintIntakeSchema('2026-11-22')
const intake = schema.parse({
  ...emptyIntakeForm,
  customerPhone: '13800138000',
  customerName: '张三',
  content: '不加热',
  product: '电饭煲'
})
const complaint = buildComplaint(intake, {
  id: 'c1',
  no: 'TS-20261122-A3-001',
  customerId: 'u1',
  receivedAt: 1,
  firstResponder: '1001'
})

describe('editing a complaint', () => {
  it('lists exactly the changed fields with old and new values', () => {
    const edited = schema.parse({
      ...emptyIntakeForm,
      customerPhone: '13800138000',
      customerName: '张三',
      content: '不加热，有焦味',
      product: '电饭煲',
      quantity: '2'
    })
    expect(diffIntake(complaint, edited)).toEqual([
      { field: 'quantity', from: null, to: 2 },
      { field: 'content', from: '不加热', to: '不加热，有焦味' }
    ])
  })
  it('finds nothing when nothing changed', () => {
    expect(diffIntake(complaint, intake)).toEqual([])
  })
})
