import { useState } from 'react'
import { Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Staff } from '../../../../shared/domain/staff'
import { useSession } from '../../app/session'

// TEMPORARY until staff PINs land: accepts the staff at the desk only (the staff-switch fallback).
export function StaffCredentialsForm({ submitLabel, onSubmit }: { submitLabel: string; onSubmit(result: { staff: Staff }): Promise<void> }) {
  const { t } = useTranslation()
  const me = useSession((s) => s.staff)
  const [staffNo, setStaffNo] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <Form
      layout="vertical"
      onFinish={() => {
        if (!me || staffNo.trim() !== me.staffNo) return setError(t('staff.none'))
        setError(null)
        void onSubmit({ staff: me })
      }}
    >
      <Form.Item label={t('staff.staffNo')} validateStatus={error ? 'error' : undefined} help={error}>
        <Input value={staffNo} onChange={(e) => setStaffNo(e.target.value)} data-testid="credentials-staff-no" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="credentials-submit">
        {submitLabel}
      </Button>
    </Form>
  )
}
