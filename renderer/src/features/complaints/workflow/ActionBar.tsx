import { useState } from 'react'
import { Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { Complaint } from '@shared/domain/complaint'
import { availableActions, type ActionType } from '@shared/domain/workflow'
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
  // Say why a shift leader sees no 批准方案: the amount is above their limit.
  const needsManager =
    complaint.status === 'awaitingApproval' &&
    staff.role === 'shiftLeader' &&
    (complaint.plan?.amount ?? 0) > config.managerApprovalAbove
  return (
    <>
      {needsManager && (
        <Typography.Paragraph type="warning" data-testid="approval-hint">
          {t('workflow.needManager')}
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
