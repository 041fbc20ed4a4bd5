import { useState } from 'react'
import { App, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { toHalfWidth } from '@shared/text'
import { useData, useSession } from '@/app/session'
import { DeskLockRefusedError } from '@/db'

/** 锁定与PIN (issue 17 point 1): idle minutes before 已锁定 and "PIN for everyone". Only a 客服经理 changes
 *  them (the data layer refuses anyone else too). Bad minutes: the reason under the field, what was
 *  typed stays, nothing is saved. */
export function DeskLockSettingsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const me = useSession((s) => s.staff)
  const settings = useLiveQuery(() => data.read.getDeskLockSettings(), [data])
  const [minutes, setMinutes] = useState<string | null>(null)
  // the box shows the click at once; the stored value takes over once it has caught up
  const [pendingPinForEveryone, setPendingPinForEveryone] = useState<boolean | null>(null)
  if (pendingPinForEveryone !== null && settings?.pinForEveryone === pendingPinForEveryone)
    setPendingPinForEveryone(null)
  const [error, setError] = useState<string | null>(null)
  const isManager = me?.role === 'manager'
  // what was typed, else the stored value
  const shown = minutes ?? (settings ? String(settings.idleMinutes) : '')

  const save = async (values: { idleMinutes?: number; pinForEveryone?: boolean }): Promise<boolean> => {
    if (!me) return false
    try {
      await data.write.saveDeskLockSettings(me.staffNo, values)
    } catch (e) {
      if (!(e instanceof DeskLockRefusedError)) throw e
      setError(t(e.message as 'deskLock.refused.notManager'))
      return false
    }
    setError(null)
    message.success(t('deskLock.saved'))
    return true
  }

  const saveMinutes = () => {
    const text = toHalfWidth(shown).trim()
    void save({ idleMinutes: text === '' || !/^-?\d+(\.\d+)?$/.test(text) ? Number.NaN : Number(text) })
  }

  return (
    <Card title={t('deskLock.settingsTitle')} data-testid="desk-lock-settings">
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('deskLock.idleMinutes')}
          htmlFor="idle-minutes"
          extra={t('deskLock.idleHint')}
          validateStatus={error ? 'error' : undefined}
          help={error ? <span data-testid="error-idleMinutes">{error}</span> : undefined}
        >
          <Space.Compact>
            <Input
              id="idle-minutes"
              inputMode="numeric"
              style={{ width: 120 }}
              disabled={!isManager || !settings}
              value={shown}
              onChange={(e) => setMinutes(e.target.value)}
              onPressEnter={saveMinutes}
            />
            <Button disabled={!isManager || !settings} onClick={saveMinutes}>
              {t('action.save')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item extra={t('deskLock.pinForEveryoneHint')} style={{ marginBottom: 0 }}>
          <Checkbox
            disabled={!isManager || !settings || pendingPinForEveryone !== null}
            checked={pendingPinForEveryone ?? settings?.pinForEveryone ?? false}
            onChange={(e) => {
              const value = e.target.checked
              setPendingPinForEveryone(value)
              void save({ pinForEveryone: value }).then((saved) => {
                if (!saved) setPendingPinForEveryone(null)
              })
            }}
          >
            {t('deskLock.pinForEveryone')}
          </Checkbox>
        </Form.Item>
      </Form>
      {!isManager && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('deskLock.managerOnly')}
        </Typography.Paragraph>
      )}
    </Card>
  )
}
