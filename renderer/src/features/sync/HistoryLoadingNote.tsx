import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSync } from '@/app/syncStore'

/** A list that is not whole yet because a new PC is still loading the store (issue 18 point 1). */
export function LoadingNote({ testId, message }: { testId: string; message: string }) {
  return <Alert type="info" showIcon data-testid={testId} style={{ marginBottom: 12 }} message={message} />
}

/** On pages that show history: while a new PC is still loading the store's settled complaints in the
 *  background, says what is shown is not complete yet (a list, a customer's timeline, or the reports'
 *  figures); gone once they are all stored (the page's live queries fill in as they arrive). */
export function HistoryLoadingNote({ of = 'list' }: { of?: 'list' | 'figures' }) {
  const { t } = useTranslation()
  const history = useSync((s) => s.status.history)
  if (!history) return null
  return (
    <LoadingNote
      testId="history-loading-note"
      message={of === 'figures' ? t('sync.historyHintFigures') : t('sync.historyHint')}
    />
  )
}
