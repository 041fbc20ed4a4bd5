import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { PERIODS, periodRange, type Period } from '@shared/domain/counter/week'
import { useData } from '@/app/session'
import { StatsTable } from '@/features/counter/StatsTable'
import { WeeklySummaryView } from '@/features/counter/WeeklySummaryView'
import { useStaffNames } from '@/features/counter/useStaffNames'
import { PrintView } from './PrintView'
import '@/features/counter/counter.css'

/** #/print/counter/stats?period=&at= and #/print/counter/weekly?at= — 服务统计表 / 每周汇总 on A4. */
export function CounterPrintPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  const { kind = 'stats' } = useParams()
  const [params] = useSearchParams()
  const at = Number(params.get('at')) || data.now()
  const asked = params.get('period') as Period
  const period: Period = kind === 'weekly' ? 'week' : PERIODS.includes(asked) ? asked : 'day'
  const range = periodRange(period, at)
  const names = useStaffNames()
  const storeName = useLiveQuery(() => data.read.getStoreName(), [data])
  const stats = useLiveQuery(
    () => (kind === 'weekly' ? Promise.resolve(null) : data.read.getServiceStats(range)),
    [data, kind, range.start, range.end]
  )
  const summary = useLiveQuery(
    () => (kind === 'weekly' ? data.read.getWeeklySummary(range) : Promise.resolve(null)),
    [data, kind, range.start]
  )
  if (storeName === undefined || stats === undefined || summary === undefined) return null
  const title = kind === 'weekly' ? t('counter.weekly.title') : t('counter.stats.title')
  const span = t('counter.weekly.week', {
    from: dayjs(range.start).format('YYYY-MM-DD'),
    to: dayjs(range.end - 1).format('YYYY-MM-DD')
  })
  return (
    <PrintView
      title={`${title} ${span}`}
      fileName={`${title}-${dayjs(range.start).format('YYYYMMDD')}`}
      onBack={() => navigate(`/counter?tab=${kind === 'weekly' ? 'weekly' : 'stats'}`)}
      audit={{
        form: kind === 'weekly' ? 'counterWeekly' : 'counterStats',
        record: dayjs(range.start).format('YYYY-MM-DD')
      }}
    >
      <div data-testid="counter-sheet">
        <h2 style={{ textAlign: 'center', margin: '0 0 4px' }}>
          {storeName} {title}
        </h2>
        <p style={{ textAlign: 'center', margin: '0 0 12px' }}>{span}</p>
        {stats && <StatsTable stats={stats} names={names} />}
        {summary && <WeeklySummaryView summary={summary} names={names} />}
        {stats && <p style={{ marginTop: 8, fontSize: 11 }}>{t('counter.stats.rateNote')}</p>}
      </div>
    </PrintView>
  )
}
