import { Button, Card, Space, Statistic, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { figuresOf } from '@shared/domain/counter/serviceStats'
import { periodRange, previousWeek } from '@shared/domain/counter/week'
import { mayDecideProblems } from '@shared/domain/counter/problem'
import { useData, useSession } from '@/app/session'
import { useNow } from '@/ui/useNow'
import { useRateText } from './StatsTable'

/** 工作台: my 服务统计表 figures for today, and — on Mondays, for a 值班长 / 客服经理 — last week's
 *  每周汇总 marked 未读 until they open it. */
export function CounterDashboardCard() {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const staff = useSession((s) => s.staff)
  const now = useNow(data, 60_000)
  const rate = useRateText()
  const today = periodRange('day', now)
  const week = previousWeek(now)
  const stats = useLiveQuery(() => data.read.getServiceStats(today), [data, today.start])
  const decider = mayDecideProblems(staff?.role)
  const monday = dayjs(now).day() === 1
  const read = useLiveQuery(
    async () => (staff && decider && monday ? data.read.isWeeklySummaryRead(staff.staffNo, week) : true),
    [data, staff, decider, monday, week.start]
  )
  if (!staff || !stats) return null
  const mine = figuresOf(stats, staff.staffNo)
  return (
    <Card
      size="small"
      title={t('counter.stats.mine')}
      style={{ marginBottom: 16 }}
      data-testid="my-service-today"
      extra={
        read === false && (
          <Space>
            <Tag color="red" data-testid="weekly-unread">
              {t('counter.weekly.unread')}
            </Tag>
            <Button size="small" type="primary" onClick={() => navigate('/counter?tab=weekly')}>
              {t('counter.weekly.open')}
            </Button>
          </Space>
        )
      }
    >
      <Space size={40} wrap>
        <Statistic title={t('counter.stats.customersServed')} value={mine.served} />
        <Statistic title={t('counter.stats.consultations')} value={mine.consultations} />
        <Statistic title={t('counter.stats.converted')} value={mine.converted} />
        <Statistic title={t('counter.stats.conversionRate')} value={rate(mine.rate)} />
      </Space>
    </Card>
  )
}
