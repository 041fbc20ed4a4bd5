import { useState } from 'react'
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { ROLES, staffFormSchema, type Staff, type StaffForm } from '@shared/domain/staff'
import type { z } from 'zod'
import { DuplicateStaffNoError } from '@/db'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { enterMovesOn } from '@/ui/keyboard'
import { SetPinModal } from '@/features/staff/SetPinModal'
import { StaffPinActions, StaffPinTag } from '@/features/staff/StaffPinActions'

/** Staff list; managers add staff. PINs: everyone sets their own, the manager anyone's (StaffPinActions). */
export function StaffSettingsCard() {
  const { t } = useTranslation()
  const data = useData()
  const me = useSession((s) => s.staff)
  const staff = useLiveQuery(() => data.read.listStaff(), [data]) ?? []
  const form = useForm<StaffForm, unknown, z.output<typeof staffFormSchema>>({
    resolver: zodResolver(staffFormSchema),
    defaultValues: { staffNo: '', name: '', role: 'clerk' }
  })
  const errors = form.formState.errors
  const canManage = me?.role === 'manager'
  const [pinFor, setPinFor] = useState<Staff | null>(null)

  const adding = useAction({
    toField: (e) => {
      if (!(e instanceof DuplicateStaffNoError)) return false
      form.setError('staffNo', { message: 'staff.duplicate' })
      return true
    }
  })

  const submit = form.handleSubmit((input) =>
    adding.run(
      async (at) => {
        await data.write.addStaff(at.staffNo, input)
        form.reset({ staffNo: '', name: '', role: input.role })
      },
      () => t('staff.added', input)
    )
  )

  return (
    <Card title={t('staff.list')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={staff}
        data-testid="staff-table"
        columns={[
          { title: t('staff.staffNo'), dataIndex: 'staffNo' },
          { title: t('staff.name'), dataIndex: 'name' },
          {
            title: t('staff.role'),
            dataIndex: 'role',
            render: (role: string) => t(`staff.roleOption.${role}`)
          },
          {
            title: t('staff.active'),
            dataIndex: 'active',
            render: (active: boolean) => (active ? <Tag color="green">{t('staff.active')}</Tag> : null)
          },
          {
            title: t('staffPin.column'),
            key: 'pin',
            render: (_: unknown, row: Staff) => <StaffPinTag staff={row} />
          },
          {
            title: t('staffPin.actions'),
            key: 'pinActions',
            render: (_: unknown, row: Staff) => <StaffPinActions staff={row} me={me} onSet={setPinFor} />
          }
        ]}
      />
      <SetPinModal target={pinFor} onClose={() => setPinFor(null)} />
      {canManage && (
        <Form layout="inline" component="div" style={{ marginTop: 16 }} onKeyDown={enterMovesOn}>
          <FormField
            name="newStaffNo"
            label={t('staff.staffNo')}
            error={
              errors.staffNo && {
                ...errors.staffNo,
                message: t(errors.staffNo.message ?? '', { staffNo: form.getValues('staffNo') })
              }
            }
          >
            <Controller
              name="staffNo"
              control={form.control}
              render={({ field }) => (
                <Input {...field} id={fieldId('newStaffNo')} data-field="staffNo" style={{ width: 120 }} />
              )}
            />
          </FormField>
          <FormField name="newStaffName" label={t('staff.name')} error={errors.name}>
            <Controller
              name="name"
              control={form.control}
              render={({ field }) => (
                <Input {...field} id={fieldId('newStaffName')} data-field="name" style={{ width: 120 }} />
              )}
            />
          </FormField>
          <FormField name="newStaffRole" label={t('staff.role')} error={errors.role}>
            <Controller
              name="role"
              control={form.control}
              render={({ field }) => (
                <Select
                  {...field}
                  id={fieldId('newStaffRole')}
                  data-field="role"
                  style={{ width: 130 }}
                  options={ROLES.map((r) => ({ value: r, label: t(`staff.roleOption.${r}`) }))}
                />
              )}
            />
          </FormField>
          <Button type="primary" onClick={() => void submit()} data-field="submit">
            {t('staff.add')}
          </Button>
        </Form>
      )}
    </Card>
  )
}
