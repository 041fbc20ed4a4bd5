import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StoredDraftHandle } from '@/ui/storedDraft'

/** Over a settings editor holding unsaved edits: another PC saved this setting meanwhile (it arrived
 *  by sync). The edits stay; one click drops them and shows the new value. */
export function ChangedElsewhereNote({
  draft
}: {
  draft: Pick<StoredDraftHandle<unknown>, 'changedElsewhere' | 'discard'>
}) {
  const { t } = useTranslation()
  if (!draft.changedElsewhere) return null
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="setting-changed-elsewhere"
      title={t('settings.changedElsewhere')}
      action={
        <Button size="small" onClick={draft.discard}>
          {t('settings.showChanged')}
        </Button>
      }
    />
  )
}
