import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { HandoverStatus } from '@shared/domain/handover'

const COLOR: Record<HandoverStatus, string> = { draft: 'default', submitted: 'gold', acknowledged: 'green' }

export function StatusTag({ status }: { status: HandoverStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLOR[status]} data-testid="handover-status">
      {t(`handover.statusOption.${status}`)}
    </Tag>
  )
}
