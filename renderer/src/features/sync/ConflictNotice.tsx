import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { useData } from '@/app/session'

/** On a complaint or customer page: text another PC wrote into the same field at the same time and
 *  that did not win — kept for people to read and copy over if it matters (never dropped). */
export function ConflictNotice({
  table,
  recordId,
  fieldLabel
}: {
  table: 'complaints' | 'customers'
  recordId: string
  fieldLabel: (field: string) => string
}) {
  const { t } = useTranslation()
  const data = useData()
  const conflicts =
    useLiveQuery(() => data.read.listConflicts(table, recordId), [data, table, recordId]) ?? []
  if (conflicts.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="conflict-notice"
      title={t('syncPage.conflicts')}
      description={conflicts.map((c) => (
        <div key={c.id}>
          <Typography.Text strong>{fieldLabel(c.field)}</Typography.Text>
          <Typography.Text type="secondary">
            {t('pattern.bracketed', { note: dayjs(c.at).format('MM-DD HH:mm') })}
          </Typography.Text>
          {t('pattern.colon')}
          <Typography.Text copyable style={{ whiteSpace: 'pre-wrap' }}>
            {String(c.losingValue ?? '')}
          </Typography.Text>
        </div>
      ))}
    />
  )
}
