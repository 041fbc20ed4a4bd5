import { useState } from 'react'
import { App, Form, Input, Modal, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'
import { staffHasPin } from '@/db'
import type { Staff } from '@shared/domain/staff'

/** 切换工号: pick who is working at this PC; later records carry their 工号. */
export function SwitchStaffModal({
  open,
  required,
  onClose
}: {
  open: boolean
  required: boolean
  onClose: () => void
}) {
  // Mounted only while open, so each opening starts from whoever is at the desk now.
  return open ? <SwitchStaffDialog required={required} onClose={onClose} /> : null
}

function SwitchStaffDialog({ required, onClose }: { required: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const current = useSession((s) => s.staff)
  const staff = useLiveQuery(() => data.read.listStaff(), [data]) ?? []
  const [picked, setPicked] = useState<string | undefined>(current?.staffNo)
  // the person picked who has a PIN: the dialog then asks for it (issue 17 point 1)
  const [asking, setAsking] = useState<Staff | null>(null)
  const [pin, setPin] = useState('')
  const [pinError, setPinError] = useState<string | null>(null)

  const become = async (person: Staff) => {
    await useSession.getState().switchStaff(person)
    message.success(t('staff.switched', { staffNo: person.staffNo, name: person.name }))
    onClose()
  }

  const confirm = async (staffNo = picked) => {
    const person = staff.find((s) => s.staffNo === staffNo && s.active)
    if (!person) {
      message.warning(t('staff.mustPick'))
      return
    }
    // staying who one is needs no PIN
    if (!staffHasPin(person) || person.staffNo === current?.staffNo) return become(person)
    if (asking?.staffNo !== person.staffNo) {
      setAsking(person)
      setPin('')
      setPinError(null)
      return
    }
    const check = await data.write.checkPinGuarded(person.staffNo, pin)
    switch (check.outcome) {
      case 'ok':
      case 'noPin': // cleared meanwhile: as without a PIN
        return become(person)
      case 'wrong':
        setPinError(
          pin.trim() === '' ? t('validation.required') : t('staffPin.check.wrongLeft', { left: check.left })
        )
        return
      case 'locked':
        setPinError(t('staffPin.check.locked', { time: dayjs(check.until).format('HH:mm') }))
        return
      case 'unknownStaff':
        setPinError(t('staffPin.check.unknownStaff'))
        return
      case 'inactive':
        setPinError(t('staffPin.check.inactive'))
    }
  }

  return (
    <Modal
      title={t('staff.switchTitle')}
      open
      onOk={() => void confirm()}
      onCancel={required ? undefined : onClose}
      closable={!required}
      maskClosable={!required}
      okText={t('action.switchStaff')}
      cancelButtonProps={{ style: required ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('staff.switchHint')}</Typography.Paragraph>
      <Select
        autoFocus
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        data-testid="staff-picker"
        placeholder={t('staff.staffNo')}
        value={picked}
        onChange={(value: string) => {
          setPicked(value)
          void confirm(value)
        }}
        options={staff
          .filter((s) => s.active)
          .map((s) => ({
            value: s.staffNo,
            label: t('pattern.noted', {
              text: `${s.staffNo} ${s.name}`,
              note: t(`staff.roleOption.${s.role}`)
            })
          }))}
      />
      {asking && asking.staffNo === picked && (
        <Form layout="vertical" component="div" style={{ marginTop: 12 }}>
          <Typography.Paragraph>
            {t('staffPin.switchPinHint', { staffNo: asking.staffNo, name: asking.name })}
          </Typography.Paragraph>
          <Form.Item
            label={t('staffPin.pin')}
            htmlFor="switch-pin"
            validateStatus={pinError ? 'error' : undefined}
            help={pinError ? <span data-testid="error-switchPin">{pinError}</span> : undefined}
          >
            <Input.Password
              id="switch-pin"
              autoFocus
              inputMode="numeric"
              maxLength={6}
              autoComplete="off"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              onPressEnter={() => void confirm()}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
