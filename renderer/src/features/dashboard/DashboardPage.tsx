import { useEffect } from 'react'
import { Button, Card, Col, List, Row, Statistic, Tag, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { KeyAccountMark } from '@/features/customers/KeyAccountMark'
import { OverdueTag } from '@/features/complaints/OverdueTag'
import { useData, useSession } from '@/app/session'
import { useNow } from '@/ui/useNow'
import { preloadPages } from '@/app/lazyPages'
import { DashboardHandovers } from '@/features/handover/DashboardHandovers'
import { DashboardRevisits } from '@/features/revisits/DashboardRevisits'
import { CounterDashboardCard } from '@/features/counter/CounterDashboardCard'
import { LastBackupLine } from '@/features/backup/LastBackupLine'

const READY_MARK = 'desk:ready'
const OVERDUE_SHOWN = 10

/** 工作台: today's numbers and the latest cases at a glance. */
export function DashboardPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const dayStart = dayjs(data.now()).startOf('day').valueOf()
  // 已超时 is a matter of the clock: re-read each minute even when no data changed.
  const minute = Math.floor(useNow(data, 60_000) / 60_000)
  const counts = useLiveQuery(
    () => data.read.dashboardCounts(dayStart, staff?.staffNo ?? ''),
    [data, dayStart, staff, minute]
  )
  const recentRows = useLiveQuery(() => data.read.listComplaints({ status: 'all', search: '' }, 0, 8), [data])
  const settled = counts !== undefined && recentRows !== undefined
  // The lists below the numbers are read once the numbers and recent cases are on screen, so they
  // do not compete with what the clerk looks at first.
  const overdue =
    useLiveQuery(
      () =>
        settled
          ? data.read.listComplaints(
              { status: 'all', search: '', overdue: true, sort: 'oldest' },
              0,
              OVERDUE_SHOWN
            )
          : [],
      [data, settled, minute]
    ) ?? []
  const unfedBack = useLiveQuery(() => (settled ? data.read.listUnfedBack(20) : []), [data, settled]) ?? []
  const recent = recentRows ?? []
  const listed = [...recent, ...overdue, ...unfedBack].map((c) => c.customerId)
  const keyAccounts = useLiveQuery(
    () => (settled ? data.read.keyAccountsAmong(listed) : new Set<string>()),
    [data, settled, listed.join()]
  )
  const title = (c: { no: string; customerName: string; customerId: string }) => (
    <>
      {c.no} · {c.customerName} {keyAccounts?.has(c.customerId) && <KeyAccountMark tier="key" />}
    </>
  )
  const overdueCount = counts?.overdue ?? 0
  // Marks the moment the desk is usable after start-up; the benchmark reads it.
  useEffect(() => {
    if (!settled || performance.getEntriesByName(READY_MARK).length > 0) return
    performance.mark(READY_MARK)
    preloadPages(data)
  }, [settled, data])

  return (
    <div style={{ maxWidth: 1080 }}>
      <Row justify="space-between" align="middle" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dashboard.greeting', { name: staff?.name ?? '' })}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/complaints/new')}>
          {t('action.newComplaint')}
        </Button>
      </Row>
      <LastBackupLine />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title={t('dashboard.todayComplaints')} value={counts?.today ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('dashboard.openComplaints')} value={counts?.open ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('dashboard.myOpen')} value={counts?.mine ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card data-testid="overdue-count">
            <Statistic
              title={t('complaint.overdue')}
              value={overdueCount}
              valueStyle={overdueCount ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
      </Row>
      <DashboardHandovers enabled={settled} />
      <DashboardRevisits enabled={settled} />
      <CounterDashboardCard />
      {overdue.length > 0 && (
        <Card title={t('dashboard.overdue')} style={{ marginBottom: 16 }} data-testid="overdue-list">
          <List
            dataSource={overdue}
            renderItem={(c) => (
              <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/complaints/${c.id}`)}>
                <List.Item.Meta title={title(c)} description={c.content} />
                <OverdueTag complaint={c} />
              </List.Item>
            )}
          />
        </Card>
      )}
      {unfedBack.length > 0 && (
        <Card title={t('dashboard.unfedBack')} style={{ marginBottom: 16 }} data-testid="unfed-back-list">
          <List
            dataSource={unfedBack}
            renderItem={(c) => (
              <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/complaints/${c.id}`)}>
                <List.Item.Meta title={title(c)} description={c.department || '—'} />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card title={t('dashboard.recent')}>
        <List
          dataSource={recent}
          locale={{ emptyText: t('complaint.empty') }}
          renderItem={(c) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/complaints/${c.id}`)}>
              <List.Item.Meta title={title(c)} description={c.content} />
              <Tag>{t(`complaint.statusOption.${c.status}`)}</Tag>
              <Typography.Text type="secondary">{dayjs(c.receivedAt).format('MM-DD HH:mm')}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </div>
  )
}
