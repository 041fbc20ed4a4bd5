import { useEffect, useRef, useState } from 'react'
import { Button, Card, Input, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'

export function StoreSettingsCard() {
  const { t } = useTranslation()
  const data = useData()
  const stored = useLiveQuery(() => data.read.getStoreName(), [data])
  return <Card title={t('settings.store')}>{stored !== undefined && <StoreNameForm stored={stored} />}</Card>
}

function StoreNameForm({ stored }: { stored: string }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const [name, setName] = useState(stored)
  // A name synced from another PC shows at once — unless the field is being edited here: what is
  // typed is never replaced under the typing hands (saving it then wins, as the newer change).
  const shown = useRef(stored)
  useEffect(() => {
    setName((current) => (current === shown.current ? stored : current))
    shown.current = stored
  }, [stored])
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
