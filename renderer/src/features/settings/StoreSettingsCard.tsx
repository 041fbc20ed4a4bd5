import { useState } from 'react'
import { Button, Card, Input, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'

export function StoreSettingsCard() {
  const { t } = useTranslation()
  const data = useData()
  const stored = useLiveQuery(() => data.read.getStoreName(), [data])
  return (
    <Card title={t('settings.store')}>
      {/* keyed by the stored name: a change synced from another PC resets the field */}
      {stored !== undefined && <StoreNameForm key={stored} stored={stored} />}
    </Card>
  )
}

function StoreNameForm({ stored }: { stored: string }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const [name, setName] = useState(stored)
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
