import { useState } from 'react'
import { Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Complaint } from '@shared/domain/complaint'
import { approvalNeed, availableActions, type ActionType, type ApprovalNeed } from '@shared/domain/workflow'
import { useData, useSession } from '@/app/session'
import { ActionDialog } from './ActionDialog'

const PRIMARY: ReadonlySet<ActionType> = new Set([
  'judgeValid',
  'proposePlan',
  'approvePlan',
  'recordResult',
  'recordRevisit',
  'closeCase'
])

/** The steps this person may take on this case now — and only those. */
export function ActionBar({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const config = useLiveQuery(() => data.read.getWorkflowConfig(), [data])
  const [open, setOpen] = useState<ActionType | null>(null)
  if (!config || !staff) return null
  const actions = availableActions(complaint, { staffNo: staff.staffNo, role: staff.role }, config)
  // Whoever cannot approve a waiting plan learns who can, and why (the amount against the limit).
  const need = actions.includes('approvePlan') ? null : approvalNeed(complaint, config)
  const hint = (n: ApprovalNeed): string => {
    const figures = { amount: n.amount, limit: n.limit }
    if (n.approver === 'manager') return t('workflow.approvalNeed.manager', figures)
    return n.amount === null
      ? t('workflow.approvalNeed.noAmount')
      : t('workflow.approvalNeed.shiftLeaderOrManager', figures)
  }
  return (
    <>
      {need && (
        <Typography.Paragraph type="warning" data-testid="approval-hint">
          {hint(need)}
        </Typography.Paragraph>
      )}
      <Space wrap data-testid="workflow-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={a === 'judgeInvalid'}
            onClick={() => setOpen(a)}
          >
            {t(`workflow.action.${a}`)}
          </Button>
        ))}
      </Space>
      {open && (
        <ActionDialog complaint={complaint} action={open} config={config} onClose={() => setOpen(null)} />
      )}
    </>
  )
}
