import { Typography } from 'antd'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { ReturnForm, ReturnInput } from '@shared/domain/returns'
import { usePhoneMatch } from '@/features/customers/usePhoneMatch'

/** Phone is the key: says whether the number is a known customer and fills in an empty name. */
export function CustomerHint({ form }: { form: UseFormReturn<ReturnForm, unknown, ReturnInput> }) {
  const { t } = useTranslation()
  const phone = useWatch({ control: form.control, name: 'customerPhone' })
  const { key, match } = usePhoneMatch(phone, (customer) => {
    if (customer && !form.getValues('customerName'))
      form.setValue('customerName', customer.name, { shouldDirty: true })
  })

  if (!key || match === undefined) return null
  return (
    <div style={{ paddingTop: 34 }} data-testid="return-customer-match">
      {match ? (
        <Typography.Text type="success">
          {t('returns.existingCustomer', { name: match.customer.name })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('returns.newCustomerHint')}</Typography.Text>
      )}
    </div>
  )
}
