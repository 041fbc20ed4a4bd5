import { Alert, Descriptions, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { planMerge } from '@shared/domain/customerMerge'
import { mergeEventData } from '@shared/domain/customerMergeRecord'
import type { Customer } from '@shared/domain/customer'
import type { MergeDifferenceRecord } from '@shared/domain/customerMergeRecord'
import { KeyAccountMark } from '../KeyAccountMark'
import { valueText, whereOtherGoes } from './mergeText'

/** The merged profile, three to a row; long values take a row of their own. */
const PROFILE: readonly (keyof Customer)[] = [
  'phones',
  'name',
  'tier',
  'memberNo',
  'gender',
  'birthday',
  'credit',
  'address',
  'tags',
  'source',
  'assignedClerk',
  'needs'
]
const WIDE: ReadonlySet<keyof Customer> = new Set(['phones', 'assignedClerk', 'needs'])

/** What the merge will do, before it is done: the merged profile, what the kept archive gains, every
 *  differing value and where the other one goes — the same data the merge then records. */
export function MergePreview({
  survivor,
  other,
  moved,
  canUnmask
}: {
  survivor: Customer
  other: Customer
  moved: { complaints: number; returns: number }
  canUnmask: boolean
}) {
  const { t } = useTranslation()
  const plan = planMerge(survivor, other)
  const record = mergeEventData(survivor, other, plan, moved)
  const merged = plan.merged as Partial<Record<keyof Customer, unknown>>
  return (
    <>
      <Alert type="info" showIcon title={t('customerMerge.moves', moved)} data-testid="merge-moves" />
      <Typography.Title level={5}>{t('customerMerge.differences')}</Typography.Title>
      {record.differences.length === 0 ? (
        <Typography.Text type="secondary">{t('customerMerge.noDifferences')}</Typography.Text>
      ) : (
        <Table<MergeDifferenceRecord>
          size="small"
          pagination={false}
          data-testid="merge-differences"
          rowKey="field"
          dataSource={record.differences}
          columns={[
            { title: t('customerMerge.column.field'), render: (_, d) => t(`customer.${d.field}`) },
            {
              title: t('customerMerge.column.kept'),
              render: (_, d) => valueText(t, d.field, d.survivor, false)
            },
            {
              title: t('customerMerge.column.other'),
              render: (_, d) => valueText(t, d.field, d.other, false)
            },
            {
              title: t('customerMerge.column.where'),
              render: (_, d) => t(`customerMerge.where.${whereOtherGoes(d, record.filled)}`)
            }
          ]}
        />
      )}
      <Typography.Title level={5}>{t('customerMerge.filled')}</Typography.Title>
      <Typography.Paragraph data-testid="merge-filled">
        {record.filled.length
          ? record.filled
              .map((f) => `${t(`customer.${f.field}`)} ${valueText(t, f.field, f.value, false)}`)
              .join(t('pattern.clauseSeparator'))
          : t('customerMerge.nothingFilled')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('customerMerge.preview')}</Typography.Title>
      <Descriptions size="small" column={3} bordered data-testid="merge-preview">
        {PROFILE.map((field) => (
          <Descriptions.Item key={field} label={t(`customer.${field}`)} span={WIDE.has(field) ? 3 : 1}>
            {field === 'tier' && plan.merged.tier === 'key' ? (
              <KeyAccountMark tier="key" />
            ) : (
              valueText(t, field, merged[field], !canUnmask)
            )}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('customer.notes')} span={3}>
          <span style={{ whiteSpace: 'pre-wrap' }} data-testid="merge-notes">
            {plan.merged.notes ?? '—'}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </>
  )
}
