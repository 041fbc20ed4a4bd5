import { describe, expect, it } from 'vitest'
import {
  buildComplaint,
  complaintIntakeSchema,
  emptyIntakeForm,
  RESOLUTIONS,
  type Complaint
} from '@shared/domain/complaint'
import {
  applyAction,
  approvalNeed,
  availableActions,
  carriesAmount,
  DEFAULT_WORKFLOW_SETTINGS,
  type Actor,
  type ActionType,
  type WorkflowAction
} from '@shared/domain/workflow'

const S = DEFAULT_WORKFLOW_SETTINGS
const clerk: Actor = { staffNo: '1001', role: 'clerk' }
const leader: Actor = { staffNo: '2001', role: 'shiftLeader' }
const manager: Actor = { staffNo: '8001', role: 'manager' }

function fresh(): Complaint {
  const intake = complaintIntakeSchema('2026-11-22').parse({
    ...emptyIntakeForm,
    customerPhone: '13800138000',
    customerName: '张三',
    content: '不加热'
  })
  return buildComplaint(intake, {
    id: 'c1',
    no: 'TS-20261122-A3-001',
    customerId: 'u1',
    receivedAt: 1000,
    firstResponder: '1001'
  })
}

/** Applies actions in order, failing the test on any refusal. */
function run(c: Complaint, steps: [WorkflowAction, Actor?][]): Complaint {
  let now = 2000
  for (const [action, actor] of steps) {
    const out = applyAction(c, action, actor ?? clerk, now++, S)
    if (!out.ok) throw new Error(`${action.type} refused: ${out.error.message}`)
    c = { ...c, ...out.patch }
  }
  return c
}

const valid: [WorkflowAction][] = [[{ type: 'judgeValid' }]]
const withDept: [WorkflowAction][] = [...valid, [{ type: 'assignDepartment', department: '售后服务部' }]]
const proposed = (amount: number | null = 50): [WorkflowAction][] => [
  ...withDept,
  [
    {
      type: 'proposePlan',
      resolution: amount ? 'compensation' : 'repair',
      amount,
      text: '为您免费维修并补偿'
    }
  ]
]
const approved = (amount: number | null = 50): [WorkflowAction, Actor?][] => [
  ...proposed(amount),
  [{ type: 'approvePlan', note: '' }, leader]
]
const resolved: [WorkflowAction, Actor?][] = [
  ...approved(),
  [{ type: 'recordResult', text: '已补偿50元', accepted: true }]
]

function refusal(c: Complaint, action: WorkflowAction, actor: Actor = clerk): string | undefined {
  const out = applyAction(c, action, actor, 9999, S)
  return out.ok ? undefined : out.error.message
}

describe('complaint workflow', () => {
  it('a registered complaint can only be judged (or urged)', () => {
    const c = fresh()
    expect(availableActions(c, clerk, S)).toEqual<ActionType[]>(['judgeValid', 'judgeInvalid', 'urge'])
    expect(refusal(c, { type: 'proposePlan', resolution: 'repair', amount: null, text: 'x' })).toBe(
      'workflow.notNow'
    )
    expect(refusal(c, { type: 'recordResult', text: 'x', accepted: true })).toBe('workflow.notNow')
    expect(refusal(c, { type: 'closeCase', feedbackDepartments: [] })).toBe('workflow.notNow')
  })

  it('投诉成立 moves to 处理中 and counts as the first response', () => {
    const c = run(fresh(), valid)
    expect(c.status).toBe('inProgress')
    expect(c.firstResponseAt).toBe(2000)
  })

  it('投诉不成立 needs a written explanation and ends the case', () => {
    expect(refusal(fresh(), { type: 'judgeInvalid', explanation: '' })).toBe('workflow.explainMore')
    expect(refusal(fresh(), { type: 'judgeInvalid', explanation: '不符合' })).toBe('workflow.explainMore')
    const c = run(fresh(), [
      [{ type: 'judgeInvalid', explanation: '经核实商品在保修期外，我们可以为您提供付费维修服务。' }]
    ])
    expect(c.status).toBe('rejected')
    expect(c.explanation).toContain('付费维修')
    expect(availableActions(c, manager, S)).toEqual([])
  })

  it('a plan needs the responsible department first', () => {
    const c = run(fresh(), valid)
    expect(refusal(c, { type: 'proposePlan', resolution: 'repair', amount: null, text: '维修' })).toBe(
      'workflow.needDepartment'
    )
    expect(availableActions(c, clerk, S)).toContain('proposePlan')
  })

  it('plan amounts: not negative, not absurd, whole cents, required for compensation and refund', () => {
    const c = run(fresh(), withDept)
    const plan = (amount: number | null, resolution: 'compensation' | 'repair' = 'compensation') =>
      refusal(c, { type: 'proposePlan', resolution, amount, text: '补偿' })
    expect(plan(-1)).toBe('workflow.amountNegative')
    expect(plan(Number.NaN)).toBe('workflow.amountNegative')
    expect(plan(100_001)).toBe('workflow.amountTooLarge')
    expect(plan(10.005)).toBe('workflow.amountCents')
    expect(plan(null)).toBe('workflow.amountRequired')
    expect(plan(null, 'repair')).toBeUndefined()
    expect(plan(99.5)).toBeUndefined()
  })

  it('only refund and compensation carry an amount; a stale amount on another plan is neither checked nor stored', () => {
    expect(RESOLUTIONS.filter(carriesAmount)).toEqual(['refund', 'compensation'])
    const c = run(fresh(), withDept)
    // e.g. 补偿 with -5 typed, then switched to 换货: the hidden amount must not block the plan
    const exchange: WorkflowAction = { type: 'proposePlan', resolution: 'exchange', amount: -5, text: '换新' }
    expect(refusal(c, exchange)).toBeUndefined()
    const out = applyAction(c, { ...exchange, amount: 80 }, clerk, 3000, S)
    expect(out.ok && out.patch.plan?.amount).toBeNull()
    const refund = applyAction(
      c,
      { type: 'proposePlan', resolution: 'refund', amount: 80, text: '退款' },
      clerk,
      3000,
      S
    )
    expect(refund.ok && refund.patch.plan?.amount).toBe(80)
  })

  it('says who must approve a waiting plan and the limit behind it', () => {
    expect(approvalNeed(run(fresh(), withDept), S)).toBeNull()
    expect(approvalNeed(run(fresh(), proposed(null)), S)).toEqual({
      approver: 'shiftLeaderOrManager',
      amount: null,
      limit: 500
    })
    expect(approvalNeed(run(fresh(), proposed(500)), S)).toEqual({
      approver: 'shiftLeaderOrManager',
      amount: 500,
      limit: 500
    })
    expect(approvalNeed(run(fresh(), proposed(800)), { ...S, managerApprovalAbove: 300 })).toEqual({
      approver: 'manager',
      amount: 800,
      limit: 300
    })
  })

  it('only a shift leader or manager approves; above the limit only the manager', () => {
    const small = run(fresh(), proposed(500))
    expect(small.status).toBe('awaitingApproval')
    expect(refusal(small, { type: 'approvePlan', note: '' }, clerk)).toBe('workflow.needApprover')
    expect(refusal(small, { type: 'approvePlan', note: '' }, leader)).toBeUndefined()
    const large = run(fresh(), proposed(500.01))
    expect(refusal(large, { type: 'approvePlan', note: '' }, leader)).toBe('workflow.needManager')
    expect(refusal(large, { type: 'approvePlan', note: '' }, manager)).toBeUndefined()
    expect(availableActions(large, clerk, S)).toEqual(['urge'])
  })

  it('a plan sent back needs a reason and returns to 处理中 for a new plan', () => {
    const c = run(fresh(), proposed())
    expect(refusal(c, { type: 'returnPlan', reason: ' ' }, leader)).toBe('validation.required')
    const back = run(c, [[{ type: 'returnPlan', reason: '金额过高' }, leader]])
    expect(back.status).toBe('inProgress')
    expect(back.plan).toBeNull()
    expect(availableActions(back, clerk, S)).toContain('proposePlan')
  })

  it('a result can be recorded only after approval; not accepted → a new plan is needed', () => {
    const c = run(fresh(), proposed())
    expect(refusal(c, { type: 'recordResult', text: 'x', accepted: true })).toBe('workflow.notNow')
    const refused = run(fresh(), [
      ...approved(),
      [{ type: 'recordResult', text: '补偿50元', accepted: false }]
    ])
    expect(refused.status).toBe('inProgress')
    expect(refused.plan).toBeNull()
    expect(refused.resolvedAt).toBeNull()
    expect(availableActions(refused, clerk, S)).toContain('proposePlan')
  })

  it('accepted result → 待回访; a follow-up before the result is refused', () => {
    expect(
      refusal(run(fresh(), approved()), {
        type: 'recordRevisit',
        satisfaction: 'satisfied',
        notes: '',
        reopen: false
      })
    ).toBe('workflow.revisitBeforeResult')
    const c = run(fresh(), resolved)
    expect(c.status).toBe('awaitingRevisit')
    expect(c.resolvedAt).not.toBeNull()
    expect(refusal(c, { type: 'closeCase', feedbackDepartments: [] })).toBe('workflow.closeNeedsRevisit')
  })

  it('不满意 can reopen the case; reopening is only for unsatisfied customers', () => {
    const c = run(fresh(), resolved)
    expect(refusal(c, { type: 'recordRevisit', satisfaction: 'neutral', notes: '一般', reopen: true })).toBe(
      'workflow.reopenOnlyUnsatisfied'
    )
    expect(refusal(c, { type: 'recordRevisit', satisfaction: 'unsatisfied', notes: '', reopen: true })).toBe(
      'validation.required'
    )
    const reopened = run(c, [
      [{ type: 'recordRevisit', satisfaction: 'unsatisfied', notes: '补偿太少', reopen: true }]
    ])
    expect(reopened).toMatchObject({
      status: 'inProgress',
      plan: null,
      result: null,
      resolvedAt: null,
      reopenCount: 1
    })
  })

  it('after a follow-up the case closes, recording which departments were informed', () => {
    const c = run(fresh(), [
      ...resolved,
      [{ type: 'recordRevisit', satisfaction: 'satisfied', notes: '', reopen: false }]
    ])
    expect(availableActions(c, clerk, S)).toEqual(['closeCase', 'urge'])
    const closed = run(c, [[{ type: 'closeCase', feedbackDepartments: ['采购部'] }]])
    expect(closed).toMatchObject({ status: 'closed', feedbackDepartments: ['采购部'] })
    expect(availableActions(closed, manager, S)).toEqual([])
    expect(refusal(closed, { type: 'urge', note: '' })).toBe('workflow.notNow')
  })

  it('催办 is open to any staff on an open case and counts', () => {
    const c = run(fresh(), [[{ type: 'urge', note: '客户来电催问' }], [{ type: 'urge', note: '' }, manager]])
    expect(c.urgeCount).toBe(2)
    expect(c.status).toBe('registered')
  })

  it('every action yields exactly one timeline event naming what happened', () => {
    const types: string[] = []
    let c = fresh()
    let now = 5000
    for (const [action, actor] of [
      ...resolved,
      [{ type: 'recordRevisit', satisfaction: 'neutral', notes: '还行', reopen: false }],
      [{ type: 'closeCase', feedbackDepartments: [] }]
    ] as [WorkflowAction, Actor?][]) {
      const out = applyAction(c, action, actor ?? clerk, now++, S)
      if (!out.ok) throw new Error(out.error.message)
      types.push(out.event.type)
      c = { ...c, ...out.patch }
    }
    expect(types).toEqual([
      'judgedValid',
      'departmentAssigned',
      'planProposed',
      'planApproved',
      'resultRecorded',
      'revisitRecorded',
      'closed'
    ])
  })
})
