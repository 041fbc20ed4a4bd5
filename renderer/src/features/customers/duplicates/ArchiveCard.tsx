import type { ReactNode } from 'react'
import { Card, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ArchiveSummary } from '@/db'
import { KeyAccountMark } from '../KeyAccountMark'
import { phonesOf, valueText } from './mergeText'

/** One archive of a suspected pair, compact: who, phones (masked unless this role may see them),
 *  tier with 大客户 marked, and how much history it carries. */
export function ArchiveCard({
  summary,
  canUnmask,
  extra,
  testId
}: {
  summary: ArchiveSummary
  canUnmask: boolean
  extra?: ReactNode
  testId?: string
}) {
  const { t } = useTranslation()
  const { customer: c, complaints, returns } = summary
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space size={6}>
          <span data-testid="archive-name">{c.name}</span>
          <KeyAccountMark tier={c.tier} />
          {c.tier !== 'key' && <Tag>{t(`customer.tierOption.${c.tier ?? 'regular'}`)}</Tag>}
        </Space>
      }
      extra={extra}
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <span data-testid="archive-phones">{valueText(t, 'phones', phonesOf(c), !canUnmask)}</span>
        {c.memberNo && (
          <Typography.Text type="secondary">
            {t('customer.memberNo')} {c.memberNo}
          </Typography.Text>
        )}
        <Space size={12}>
          <span data-testid="archive-complaints">{t('customerMerge.complaints', { count: complaints })}</span>
          <Typography.Text type="secondary">{t('customerMerge.returns', { count: returns })}</Typography.Text>
          <Link to={`/customers/${c.id}`}>{t('customerMerge.open')}</Link>
        </Space>
      </Space>
    </Card>
  )
}
