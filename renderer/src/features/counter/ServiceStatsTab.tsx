import { useState } from 'react'
import { Button, DatePicker, Radio, Space, Typography } from 'antd'
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { PERIODS, periodRange, type Period } from '@shared/domain/counter/week'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { downloadXlsx } from '@/features/customers/import/download'
import { StatsTable } from './StatsTable'
import { counterFileName, serviceStatsXlsx } from './counterXlsx'
import { useStaffNames } from './useStaffNames'
import './counter.css'

/** 服务统计表: per clerk for a day, week or month; printable on A4 and exported to Excel. */
export function ServiceStatsTab() {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const [period, setPeriod] = useState<Period>('day')
  const [at, setAt] = useState(() => data.now())
  const range = periodRange(period, at)
  const shown = useLiveQuery(
    async () => ({ key: `${range.start}-${range.end}`, stats: await data.read.getServiceStats(range) }),
    [data, range.start, range.end]
  )
  const stats = shown?.stats
  const names = useStaffNames()
  const exporting = useAction({ staff: false })
  const exportXlsx = () =>
    void exporting.run(async () => {
      const rows = await data.read.listConsultations({ from: range.start, to: range.end - 1 }, 100_000)
      if (!stats) return
      downloadXlsx(
        await serviceStatsXlsx(t, stats, rows),
        counterFileName(t('counter.stats.title'), range.start)
      )
    })
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <div role="radiogroup" aria-label={t('counter.stats.period')}>
          <Radio.Group
            optionType="button"
            value={period}
            onChange={(e) => setPeriod(e.target.value as Period)}
            options={PERIODS.map((p) => ({ value: p, label: t(`counter.stats.periodOption.${p}`) }))}
          />
        </div>
        <DatePicker
          aria-label={t('counter.stats.period')}
          picker={period === 'day' ? 'date' : period}
          key={period}
          allowClear={false}
          value={dayjs(at)}
          onChange={(d) => d && setAt(d.valueOf())}
        />
        <Typography.Text type="secondary" data-testid="stats-range">
          {t('counter.weekly.week', {
            from: dayjs(range.start).format('YYYY-MM-DD'),
            to: dayjs(range.end - 1).format('YYYY-MM-DD')
          })}
        </Typography.Text>
        <Button
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => navigate(`/print/counter/stats?period=${period}&at=${at}`)}
        >
          {t('counter.stats.print')}
        </Button>
        <Button icon={<FileExcelOutlined aria-hidden />} loading={exporting.busy} onClick={exportXlsx}>
          {t('action.exportExcel')}
        </Button>
      </Space>
      {shown && <StatsTable stats={shown.stats} names={names} rangeKey={shown.key} />}
      <Typography.Text type="secondary">{t('counter.stats.rateNote')}</Typography.Text>
    </Space>
  )
}
