import { useEffect } from 'react'
import { Typography } from 'antd'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { ReturnForm, ReturnInput } from '@shared/domain/returns'
import { normalizePhone } from '@shared/domain/phone'
import { useData } from '@/app/session'

/** Phone is the key: says whether the number is a known customer and fills in an empty name. */
export function CustomerHint({ form }: { form: UseFormReturn<ReturnForm, unknown, ReturnInput> }) {
  const { t } = useTranslation()
  const data = useData()
  const phone = useWatch({ control: form.control, name: 'customerPhone' })
  const normalized = normalizePhone(phone ?? '')
  const key = normalized.ok ? normalized.value : ''
  const match = useLiveQuery(
    async () => (key ? ((await data.read.findCustomerByPhone(key)) ?? null) : null),
    [data, key]
  )

  useEffect(() => {
    if (match && !form.getValues('customerName'))
      form.setValue('customerName', match.name, { shouldDirty: true })
  }, [match, form])

  if (!key || match === undefined) return null
  return (
    <div style={{ paddingTop: 34 }} data-testid="return-customer-match">
      {match ? (
        <Typography.Text type="success">
          {t('returns.existingCustomer', { name: match.name })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('returns.newCustomerHint')}</Typography.Text>
      )}
    </div>
  )
}
