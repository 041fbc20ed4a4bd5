import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { TimelineEvent } from '@/db'
import type { CustomerMergedData, MergedIntoData } from '@shared/domain/customerMergeRecord'
import { valueText, whereOtherGoes } from './mergeText'

/** A merge step on a customer's timeline, readably: which archive came in and with what, and where
 *  every differing value went ('customerMerged'); or which archive this one went into ('mergedInto'). */
export function MergeExplanation({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation()
  if (event.type === 'mergedInto') {
    const d = event.data as Partial<MergedIntoData>
    return (
      <span data-testid="merge-explanation">
        {t('customerMerge.explanation.into', { name: d.survivorName ?? '' })}{' '}
        {d.survivorId && (
          <Link to={`/customers/${d.survivorId}`}>{t('customerMerge.explanation.openSurvivor')}</Link>
        )}
      </span>
    )
  }
  if (event.type !== 'customerMerged') return null
  const d = event.data as Partial<CustomerMergedData>
  const filled = d.filled ?? []
  const differences = d.differences ?? []
  // Event data holds phones masked already.
  const show = (field: string, value: unknown) => valueText(t, field, value, false)
  return (
    <div data-testid="merge-explanation">
      <div>
        {t('customerMerge.explanation.merged', {
          name: d.otherName ?? '',
          phones: (d.otherPhones ?? []).join(t('pattern.listSeparator'))
        })}
        {d.otherId && (
          <>
            {' '}
            <Link to={`/customers/${d.otherId}`}>{t('customerMerge.open')}</Link>
          </>
        )}
        {' · '}
        {t('customerMerge.explanation.moved', { complaints: d.complaints ?? 0, returns: d.returns ?? 0 })}
      </div>
      {filled.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('customerMerge.explanation.filled')}</Typography.Text>
          {filled
            .map((f) => `${t(`customer.${f.field}`)} ${show(f.field, f.value)}`)
            .join(t('pattern.clauseSeparator'))}
        </div>
      )}
      {differences.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('customerMerge.explanation.differences')}</Typography.Text>
          {differences
            .map((x) =>
              t('pattern.labelValue', {
                label: t(`customer.${x.field}`),
                value: t('pattern.noted', {
                  text: t('customerMerge.explanation.keptValue', {
                    kept: show(x.field, x.survivor),
                    other: show(x.field, x.other)
                  }),
                  note: t(`customerMerge.where.${whereOtherGoes(x, filled)}`)
                })
              })
            )
            .join(t('pattern.clauseSeparator'))}
        </div>
      )}
    </div>
  )
}
