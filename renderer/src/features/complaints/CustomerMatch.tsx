import { Typography } from 'antd'
import { useEffect } from 'react'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { ComplaintIntake, ComplaintIntakeForm } from '@shared/domain/complaint'
import { normalizePhone } from '@shared/domain/phone'
import { useData } from '@/app/session'

/** Phone is the key: a known number links the complaint to that customer and fills in the name. */
export function CustomerMatch({
  form
}: {
  form: UseFormReturn<ComplaintIntakeForm, unknown, ComplaintIntake>
}) {
  const { t } = useTranslation()
  const data = useData()
  const phone = useWatch({ control: form.control, name: 'customerPhone' })
  const normalized = normalizePhone(phone ?? '')
  const key = normalized.ok ? normalized.value : ''
  const match = useLiveQuery(async () => {
    if (!key) return null
    const customer = await data.read.findCustomerByPhone(key)
    return customer ? { customer, count: await data.read.countComplaintsOfCustomer(customer.id) } : null
  }, [data, key])

  useEffect(() => {
    if (match === undefined) return
    const customerId = match?.customer.id
    if (form.getValues('customerId') !== customerId) form.setValue('customerId', customerId)
    if (match && !form.getValues('customerName'))
      form.setValue('customerName', match.customer.name, { shouldDirty: true })
  }, [match, form])

  if (!key) return null
  return (
    <div style={{ paddingTop: 34 }} data-testid="customer-match">
      {match ? (
        <Typography.Text type="success">
          {t('complaint.existingCustomer', { name: match.customer.name, count: match.count })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('complaint.newCustomerHint')}</Typography.Text>
      )}
    </div>
  )
}
