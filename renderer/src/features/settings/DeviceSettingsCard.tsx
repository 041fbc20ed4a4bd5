import { Button, Card, Descriptions, Form, Input } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { deviceCodeSchema, deviceNameSchema } from '@shared/ipc/contract'
import { useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'

const deviceSchema = z.object({ deviceName: deviceNameSchema, deviceCode: deviceCodeSchema })
type DeviceForm = z.input<typeof deviceSchema>

/** 本机信息: which PC this is. Saved by the main process; a rejected request keeps what was typed. */
export function DeviceSettingsCard() {
  const { t } = useTranslation()
  const device = useSession((s) => s.device)
  const appInfo = useSession((s) => s.appInfo)
  const saving = useAction({ staff: false })
  const form = useForm<DeviceForm, unknown, z.output<typeof deviceSchema>>({
    resolver: zodResolver(deviceSchema),
    defaultValues: { deviceName: device?.deviceName ?? '', deviceCode: device?.deviceCode ?? '' }
  })
  const save = form.handleSubmit((values) =>
    saving.run(() => useSession.getState().renameDevice(values), 'settings.saved')
  )
  return (
    <Card title={t('settings.device')}>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('settings.hostname')}>{device?.hostname}</Descriptions.Item>
        {/* for support: which devices/<id> folder on the share is this PC's */}
        <Descriptions.Item label={t('settings.deviceId')}>
          <span data-testid="device-id">{device?.deviceId}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.appVersion')}>{appInfo?.appVersion}</Descriptions.Item>
      </Descriptions>
      <Form layout="inline" component="div">
        <FormField
          name="deviceName"
          label={t('settings.deviceName')}
          error={form.formState.errors.deviceName}
        >
          <Controller
            name="deviceName"
            control={form.control}
            render={({ field }) => <Input {...field} id={fieldId('deviceName')} />}
          />
        </FormField>
        <FormField
          name="deviceCode"
          label={t('settings.deviceCode')}
          error={form.formState.errors.deviceCode}
        >
          <Controller
            name="deviceCode"
            control={form.control}
            render={({ field }) => <Input {...field} id={fieldId('deviceCode')} style={{ width: 80 }} />}
          />
        </FormField>
        <Button type="primary" loading={saving.busy} onClick={() => void save()} data-testid="save-device">
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  )
}
