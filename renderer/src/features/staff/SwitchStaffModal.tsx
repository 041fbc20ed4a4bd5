import { useState } from 'react'
import { App, Modal, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'
import { useBecomeStaff } from './useBecomeStaff'
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
  const become = useBecomeStaff({
    // staying who one is needs no PIN
    needsPin: (person) => person.staffNo !== current?.staffNo,
    onBecome: async (person) => {
      await useSession.getState().switchStaff(person)
      message.success(t('staff.switched', { staffNo: person.staffNo, name: person.name }))
      onClose()
    }
  })

  const confirm = async (staffNo = picked) => {
    const person = staff.find((s) => s.staffNo === staffNo && s.active)
    if (!person) {
      message.warning(t('staff.mustPick'))
      return
    }
    await become.confirm(person)
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
      <StaffPicker
        staff={staff}
        value={picked}
        onChange={(value) => {
          setPicked(value)
          void confirm(value)
        }}
      />
      {become.asking?.staffNo === picked && become.fields}
    </Modal>
  )
}

/** The active staff as 工号 姓名 (角色), searchable by typing the 工号. */
export function StaffPicker({
  staff,
  value,
  onChange,
  id
}: {
  staff: readonly Staff[]
  value: string | undefined
  onChange: (staffNo: string) => void
  id?: string
}) {
  const { t } = useTranslation()
  return (
    <Select
      id={id}
      autoFocus
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
      data-testid="staff-picker"
      placeholder={t('staff.staffNo')}
      value={value}
      onChange={onChange}
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
  )
}
