import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSync } from '@/app/syncStore'

/** On pages that list history (issue 18 point 1): while a new PC is still loading the store's settled
 *  complaints in the background, says the list is not complete yet; gone once they are all stored
 *  (the page's live queries fill in as they arrive). */
export function HistoryLoadingNote() {
  const { t } = useTranslation()
  const history = useSync((s) => s.status.history)
  if (!history) return null
  return (
    <Alert
      type="info"
      showIcon
      data-testid="history-loading-note"
      style={{ marginBottom: 12 }}
      message={t('sync.historyHint')}
    />
  )
}
