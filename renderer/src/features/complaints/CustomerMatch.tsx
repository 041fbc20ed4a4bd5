import { Typography } from 'antd'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { ComplaintIntake, ComplaintIntakeForm } from '@shared/domain/complaint'
import { useData } from '@/app/session'
import { usePhoneMatch } from '@/features/customers/usePhoneMatch'

/** Phone is the key: a known number links the complaint to that customer and fills in the name. */
export function CustomerMatch({
  form
}: {
  form: UseFormReturn<ComplaintIntakeForm, unknown, ComplaintIntake>
}) {
  const { t } = useTranslation()
  const data = useData()
  const phone = useWatch({ control: form.control, name: 'customerPhone' })
  const { key, match } = usePhoneMatch(
    phone,
    (customer) => {
      if (form.getValues('customerId') !== customer?.id) form.setValue('customerId', customer?.id)
      if (customer && !form.getValues('customerName'))
        form.setValue('customerName', customer.name, { shouldDirty: true })
    },
    async (customer) => ({ count: await data.read.countComplaintsOfCustomer(customer.id) })
  )

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
