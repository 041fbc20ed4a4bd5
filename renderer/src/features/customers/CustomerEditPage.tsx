import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd'
import { Controller, useFieldArray, useForm, useWatch, type FieldError } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import {
  CREDIT_GRADES,
  customerFormSchema,
  emptyCustomerForm,
  GENDERS,
  profileToRecord,
  recordToForm,
  TIERS,
  type CustomerForm,
  type CustomerProfile
} from '@shared/domain/customer'
import { maskPhone, normalizePhone } from '@shared/domain/phone'
import { CustomerRefusedError } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { FormField, fieldId } from '@/ui/FormField'
import { TextField } from '@/ui/TextField'
import { enterMovesOn, useCtrlS } from '@/ui/keyboard'
import { usePhoneDisplay } from './usePrivacy'

/** 新建客户 / edit a profile (every field of docs/design.md §3.2). A phone already on file is offered
 *  instead of making a second archive. */
export function CustomerEditPage() {
  const { id } = useParams()
  const { t } = useTranslation()
  const data = useData()
  const existing = useLiveQuery(
    async () => (id ? ((await data.read.getCustomer(id)) ?? null) : null),
    [data, id]
  )
  if (id && existing === undefined) return null
  if (id && !existing) return <Alert type="error" title={t('customer.notFound')} />
  return (
    <CustomerFormCard
      key={id ?? 'new'}
      id={id}
      initial={existing ? recordToForm(existing) : emptyCustomerForm()}
    />
  )
}

function CustomerFormCard({ id, initial }: { id: string | undefined; initial: CustomerForm }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const data = useData()
  const today = dayjs(data.now()).format('YYYY-MM-DD')
  // A phone already on file is said on its own; other failures as 保存失败：….
  const saving = useAction({
    failure: (e) => (e instanceof CustomerRefusedError && e.existingId ? null : 'error.saveFailed')
  })
  const form = useForm<CustomerForm, unknown, CustomerProfile>({
    resolver: zodResolver(customerFormSchema(today)),
    defaultValues: initial,
    reValidateMode: 'onChange'
  })
  const { control, formState } = form
  const phones = useFieldArray({ control, name: 'phones' })
  const clerks = useLiveQuery(() => data.read.listStaff(), [data]) ?? []
  const clash = usePhoneClash(form.control, id)
  // The archive's own numbers show masked to those without the right; saving keeps them as stored.
  const [storedPhones] = useState(() => initial.phones.map((p) => p.value).filter(Boolean))
  const phoneDisplay = usePhoneDisplay(storedPhones)

  const save = () => {
    void form.handleSubmit(
      (profile) =>
        saving.run(
          async (staff) => {
            const record = profileToRecord(profile)
            if (id) {
              await data.write.updateCustomer(staff.staffNo, id, record)
              navigate(`/customers/${id}`)
              return t('customer.saved')
            }
            const created = await data.write.createCustomer(staff.staffNo, record)
            navigate(`/customers/${created.id}`)
            return t('customer.created', { name: created.name })
          },
          (done) => done
        ),
      () => message.warning(t('validation.fixErrors'))
    )()
  }
  useCtrlS(save)

  const err = (name: keyof CustomerForm) => formState.errors[name] as FieldError | undefined
  const text = (
    name: 'name' | 'address' | 'memberNo' | 'source' | 'needs' | 'notes' | 'birthday',
    label: string,
    extra: { rows?: number; required?: boolean; placeholder?: string; autoFocus?: boolean } = {}
  ) => <TextField control={control} name={name} label={label} error={err(name)} {...extra} />
  const select = (
    name: 'tier' | 'credit' | 'assignedClerk',
    label: string,
    options: { value: string; label: string }[],
    allowClear = true
  ) => (
    <FormField name={name} label={label} error={err(name)}>
      <Controller
        name={name}
        control={control}
        render={({ field }) => (
          <Select
            id={fieldId(name)}
            data-field={name}
            allowClear={allowClear}
            value={field.value || undefined}
            onChange={(v) => field.onChange(v ?? '')}
            options={options}
          />
        )}
      />
    </FormField>
  )

  return (
    <Card
      title={id ? t('customer.editTitle') : t('action.newCustomer')}
      style={{ maxWidth: 1080 }}
      extra={<Typography.Text type="secondary">{t('complaint.keyboardHint')}</Typography.Text>}
    >
      <Form layout="vertical" component="div" onKeyDown={enterMovesOn}>
        <Row gutter={16}>
          <Col span={8}>{text('name', t('customer.name'), { required: true, autoFocus: true })}</Col>
          <Col span={16}>
            <FormField
              name="phones"
              label={t('customer.phones')}
              required
              error={formState.errors.phones?.root ?? (formState.errors.phones as FieldError | undefined)}
            >
              <Space orientation="vertical" style={{ width: '100%' }}>
                {phones.fields.map((f, i) => (
                  <Space key={f.id}>
                    <Controller
                      name={`phones.${i}.value`}
                      control={control}
                      render={({ field }) => {
                        const shown = phoneDisplay(field.value)
                        return (
                          <Input
                            {...field}
                            value={shown ?? field.value}
                            data-masked={shown === null ? undefined : 'true'}
                            onFocus={shown === null ? undefined : (e) => e.currentTarget.select()}
                            id={fieldId(`phones.${i}`)}
                            data-field={`phones.${i}`}
                            aria-label={`${t('customer.phone')} ${i + 1}`}
                            status={formState.errors.phones?.[i]?.value ? 'error' : undefined}
                            style={{ width: 240 }}
                          />
                        )
                      }}
                    />
                    {formState.errors.phones?.[i]?.value?.message && (
                      <Typography.Text type="danger" data-testid={`error-phones.${i}`}>
                        {t(formState.errors.phones[i].value.message)}
                      </Typography.Text>
                    )}
                    {phones.fields.length > 1 && (
                      <Button size="small" onClick={() => phones.remove(i)}>
                        {t('action.remove')}
                      </Button>
                    )}
                  </Space>
                ))}
                {phones.fields.length < 5 && (
                  <Button size="small" onClick={() => phones.append({ value: '' })}>
                    {t('customer.addPhone')}
                  </Button>
                )}
              </Space>
            </FormField>
          </Col>
        </Row>
        {clash && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="phone-clash"
            title={t('customer.phoneBelongsTo', { name: clash.name, phone: maskPhone(clash.phone) })}
            action={
              <Button size="small" onClick={() => navigate(`/customers/${clash.id}`)}>
                {t('customer.openExisting')}
              </Button>
            }
          />
        )}
        <Row gutter={16}>
          <Col span={8}>
            <FormField name="gender" label={t('customer.gender')}>
              <Controller
                name="gender"
                control={control}
                render={({ field }) => (
                  <div data-field="gender" role="radiogroup" aria-label={t('customer.gender')}>
                    <Radio.Group
                      optionType="button"
                      value={field.value}
                      onChange={(e) => field.onChange(e.target.value)}
                      options={GENDERS.map((g) => ({ value: g, label: t(`customer.genderOption.${g}`) }))}
                    />
                  </div>
                )}
              />
            </FormField>
          </Col>
          <Col span={8}>
            {text('birthday', t('customer.birthday'), { placeholder: t('complaint.datePlaceholder') })}
          </Col>
          <Col span={8}>{text('memberNo', t('customer.memberNo'))}</Col>
        </Row>
        {text('address', t('customer.address'))}
        <Row gutter={16}>
          <Col span={8}>
            {select(
              'tier',
              t('customer.tier'),
              TIERS.map((v) => ({ value: v, label: t(`customer.tierOption.${v}`) })),
              false
            )}
          </Col>
          <Col span={8}>
            {select(
              'credit',
              t('customer.credit'),
              CREDIT_GRADES.map((v) => ({ value: v, label: v }))
            )}
          </Col>
          <Col span={8}>
            {select(
              'assignedClerk',
              t('customer.assignedClerk'),
              clerks
                .filter((s) => s.active)
                .map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={16}>
            <FormField name="tags" label={t('customer.tags')} error={err('tags')}>
              <Controller
                name="tags"
                control={control}
                render={({ field }) => (
                  <Select
                    id={fieldId('tags')}
                    data-field="tags"
                    mode="tags"
                    value={field.value}
                    onChange={field.onChange}
                    tokenSeparators={[',', '，', '、']}
                    open={false}
                  />
                )}
              />
            </FormField>
          </Col>
          <Col span={8}>{text('source', t('customer.source'))}</Col>
        </Row>
        {text('needs', t('customer.needs'), { rows: 2 })}
        {text('notes', t('customer.notes'), { rows: 3 })}
        <Space>
          <Button type="primary" loading={saving.busy} onClick={save} data-field="submit">
            {t('action.save')}
          </Button>
          <Button onClick={() => navigate(id ? `/customers/${id}` : '/customers')}>
            {t('action.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  )
}

/** The live archive (other than this one) that already holds one of the typed phones. */
function usePhoneClash(
  control: ReturnType<typeof useForm<CustomerForm, unknown, CustomerProfile>>['control'],
  selfId: string | undefined
) {
  const data = useData()
  const typed = useWatch({ control, name: 'phones' })
  const keys = (typed ?? [])
    .map((p) => normalizePhone(p?.value ?? ''))
    .flatMap((r) => (r.ok ? [r.value] : []))
  const joined = keys.join(',')
  const [clash, setClash] = useState<{ id: string; name: string; phone: string } | null>(null)
  useEffect(() => {
    let live = true
    void (async () => {
      for (const phone of joined ? joined.split(',') : []) {
        const owner = await data.read.findCustomerByPhone(phone)
        if (owner && owner.id !== selfId) {
          if (live) setClash({ id: owner.id, name: owner.name, phone })
          return
        }
      }
      if (live) setClash(null)
    })()
    return () => {
      live = false
    }
  }, [data, joined, selfId])
  return clash
}
