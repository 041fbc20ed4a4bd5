import { useEffect, useState } from 'react'
import { Button, Card, Input, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useStoredDraft } from '@/ui/storedDraft'
import { ChangedElsewhereNote } from './ChangedElsewhereNote'

export function StoreSettingsCard() {
  const { t } = useTranslation()
  const data = useData()
  const stored = useLiveQuery(() => data.read.getStoreName(), [data])
  // A name synced from another PC shows at once — unless the field is being edited here: what is
  // typed is never replaced under the typing hands (saving it then wins, as the newer change).
  const draft = useStoredDraft(stored)
  return (
    <Card title={t('settings.store')}>
      <ChangedElsewhereNote draft={draft} />
      {draft.base !== undefined && (
        <StoreNameForm key={draft.key} stored={draft.base} onEdit={draft.edited} />
      )}
    </Card>
  )
}

function StoreNameForm({ stored, onEdit }: { stored: string; onEdit: (name: string) => void }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const [name, setName] = useState(stored)
  useEffect(() => onEdit(name), [name, onEdit])
  const saving = useAction()
  const canEdit = staff?.role === 'manager'
  const save = () =>
    name.trim() && saving.run((at) => data.write.updateStoreName(at.staffNo, name.trim()), 'settings.saved')
  return (
    <Space.Compact style={{ width: 420 }}>
      <Input
        aria-label={t('settings.storeName')}
        value={name}
        disabled={!canEdit}
        maxLength={40}
        onChange={(e) => setName(e.target.value)}
      />
      <Button type="primary" disabled={!canEdit || !name.trim()} onClick={() => void save()}>
        {t('action.save')}
      </Button>
    </Space.Compact>
  )
}
