import { useEffect, useState } from 'react'
import { Alert, Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { DataReader, DuplicatePair } from '@/db'
import { useData } from '@/app/session'
import { describeError } from '@/app/errors'
import { useCanUnmask } from '../usePrivacy'
import { ArchiveCard } from './ArchiveCard'
import { MergeDialog } from './MergeDialog'

type Found = { total: number; rows: Awaited<ReturnType<DataReader['describeDuplicates']>> }

/** 疑似重复客户: pairs of archives that look like one customer, side by side, each with 合并.
 *  The scan walks the whole archive's index keys (a second or two at 100 000 customers), so it runs
 *  when the page opens and on 重新查找 — not live on every change. */
export function DuplicatesPage() {
  const { t } = useTranslation()
  const data = useData()
  const canUnmask = useCanUnmask()
  const [found, setFound] = useState<Found | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [merging, setMerging] = useState<(DuplicatePair & { left: string; right: string }) | null>(null)

  const [round, setRound] = useState(0)

  useEffect(() => {
    let current = true
    data.read
      .findPossibleDuplicates()
      .then(async ({ pairs, total }) => ({ total, rows: await data.read.describeDuplicates(pairs) }))
      .then(
        (result) => current && setFound(result),
        (e: unknown) => current && setError(describeError(e, t))
      )
    return () => {
      current = false
    }
  }, [data, t, round])

  const rescan = () => {
    setFound(null)
    setError(null)
    setRound((r) => r + 1)
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 1080 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('customerMerge.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={rescan} disabled={!found && !error}>
          {t('customerMerge.rescan')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('customerMerge.intro')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {!found && !error && (
        <Spin description={t('customerMerge.scanning')} data-testid="duplicates-scanning" />
      )}
      {found && found.rows.length === 0 && <Empty description={t('customerMerge.none')} />}
      {found && found.rows.length > 0 && (
        <Typography.Text data-testid="duplicates-count">
          {t('customerMerge.found', { count: found.total })}
          {found.total > found.rows.length && t('customerMerge.shownFirst', { shown: found.rows.length })}
        </Typography.Text>
      )}
      {found?.rows.map(({ pair, sides: [left, right] }) => (
        <Card
          key={`${pair.a}|${pair.b}`}
          size="small"
          data-testid="duplicate-pair"
          title={
            <Space>
              <Tag color={pair.reason === 'samePhone' ? 'red' : 'orange'} data-testid="duplicate-reason">
                {t(`customerMerge.reason.${pair.reason}`)}
              </Tag>
              {pair.reason === 'similarPhone' && (
                <Typography.Text type="secondary">
                  {t(`customerMerge.likeness.${pair.likeness}`)}
                </Typography.Text>
              )}
            </Space>
          }
          extra={
            <Button
              type="primary"
              onClick={() => setMerging({ ...pair, left: left.customer.id, right: right.customer.id })}
            >
              {t('customerMerge.merge')}
            </Button>
          }
        >
          <Row gutter={12}>
            <Col span={12}>
              <ArchiveCard summary={left} canUnmask={canUnmask} />
            </Col>
            <Col span={12}>
              <ArchiveCard summary={right} canUnmask={canUnmask} />
            </Col>
          </Row>
        </Card>
      ))}
      <MergeDialog
        open={!!merging}
        customerId={merging?.left}
        otherId={merging?.right}
        onClose={() => setMerging(null)}
      />
    </Space>
  )
}
