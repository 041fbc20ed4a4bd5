import { carriesAmount, type ActionType, type WorkflowAction } from '@shared/domain/workflow'
import type { Resolution, Satisfaction } from '@shared/domain/complaint'
import { toHalfWidth } from '@shared/text'

// What each workflow step asks for, and how the typed values become a WorkflowAction.
// The domain (applyAction) is the one judge of the values; this only converts them.

export type FieldKind =
  | 'customerText'
  | 'text'
  | 'textarea'
  | 'department'
  | 'resolution'
  | 'amount'
  | 'accepted'
  | 'satisfaction'
  | 'reopen'
  | 'feedbackDepartments'

export interface FieldSpec {
  /** form value name; also the name the domain uses in WorkflowError.field */
  name: string
  kind: FieldKind
  /** i18n key of the label */
  label: string
  /** shown (and read) only when this holds for the values typed so far; always when absent */
  shownWhen?: (values: ActionValues) => boolean
}

export type ActionValues = Record<string, string | boolean | string[]>

export class AmountFormatError extends Error {}

function amount(raw: unknown): number | null {
  const text = toHalfWidth(String(raw ?? '')).replace(/[,，\s¥￥元]/g, '')
  if (!text) return null
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new AmountFormatError('workflow.amountNotNumber')
  return Number(text)
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** 补偿金额 belongs to the plans that pay money (the domain's carriesAmount); hidden for the others. */
const paysMoney = (v: ActionValues): boolean => carriesAmount(str(v.resolution) as Resolution)

export const ACTION_FORMS: Record<
  ActionType,
  { fields: FieldSpec[]; defaults: ActionValues; toAction(values: ActionValues): WorkflowAction }
> = {
  judgeValid: { fields: [], defaults: {}, toAction: () => ({ type: 'judgeValid' }) },
  judgeInvalid: {
    fields: [{ name: 'explanation', kind: 'customerText', label: 'workflow.field.explanation' }],
    defaults: { explanation: '' },
    toAction: (v) => ({ type: 'judgeInvalid', explanation: str(v.explanation) })
  },
  assignDepartment: {
    fields: [{ name: 'department', kind: 'department', label: 'workflow.field.department' }],
    defaults: { department: '' },
    toAction: (v) => ({ type: 'assignDepartment', department: str(v.department) })
  },
  proposePlan: {
    fields: [
      { name: 'resolution', kind: 'resolution', label: 'workflow.field.resolution' },
      { name: 'amount', kind: 'amount', label: 'workflow.field.amount', shownWhen: paysMoney },
      { name: 'text', kind: 'customerText', label: 'workflow.field.text' }
    ],
    defaults: { resolution: 'repair', amount: '', text: '' },
    toAction: (v) => ({
      type: 'proposePlan',
      resolution: str(v.resolution) as Resolution,
      // A hidden amount (typed before switching to 换货, say) is neither parsed nor sent.
      amount: paysMoney(v) ? amount(v.amount) : null,
      text: str(v.text)
    })
  },
  approvePlan: {
    fields: [{ name: 'note', kind: 'text', label: 'workflow.field.note' }],
    defaults: { note: '' },
    toAction: (v) => ({ type: 'approvePlan', note: str(v.note) })
  },
  returnPlan: {
    fields: [{ name: 'reason', kind: 'textarea', label: 'workflow.field.reason' }],
    defaults: { reason: '' },
    toAction: (v) => ({ type: 'returnPlan', reason: str(v.reason) })
  },
  recordResult: {
    fields: [
      { name: 'text', kind: 'customerText', label: 'workflow.field.resultText' },
      { name: 'accepted', kind: 'accepted', label: 'workflow.field.accepted' }
    ],
    defaults: { text: '', accepted: true },
    toAction: (v) => ({ type: 'recordResult', text: str(v.text), accepted: v.accepted === true })
  },
  recordRevisit: {
    fields: [
      { name: 'satisfaction', kind: 'satisfaction', label: 'workflow.field.satisfaction' },
      { name: 'notes', kind: 'textarea', label: 'workflow.field.notes' },
      { name: 'reopen', kind: 'reopen', label: 'workflow.field.reopen' }
    ],
    defaults: { satisfaction: 'satisfied', notes: '', reopen: false },
    toAction: (v) => ({
      type: 'recordRevisit',
      satisfaction: str(v.satisfaction) as Satisfaction,
      notes: str(v.notes),
      reopen: v.reopen === true
    })
  },
  closeCase: {
    fields: [
      {
        name: 'feedbackDepartments',
        kind: 'feedbackDepartments',
        label: 'workflow.field.feedbackDepartments'
      }
    ],
    defaults: { feedbackDepartments: [] },
    toAction: (v) => ({
      type: 'closeCase',
      feedbackDepartments: Array.isArray(v.feedbackDepartments) ? v.feedbackDepartments : []
    })
  },
  urge: {
    fields: [{ name: 'note', kind: 'text', label: 'workflow.field.urgeNote' }],
    defaults: { note: '' },
    toAction: (v) => ({ type: 'urge', note: str(v.note) })
  }
}
