import { useEffect, useState } from 'react'
import { Button, DatePicker, Space, Typography } from 'antd'
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { periodRange, previousWeek } from '@shared/domain/counter/week'
import { mayDecideProblems } from '@shared/domain/counter/problem'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { downloadXlsx } from '@/features/customers/import/download'
import { WeeklySummaryView } from './WeeklySummaryView'
import { counterFileName, weeklySummaryXlsx } from './counterXlsx'
import { useStaffNames } from './useStaffNames'
import './counter.css'

/** 每周汇总 (Monday–Sunday), last week's first: what the manager reads on Monday. Opening it marks it
 *  read for the 值班长 / 客服经理 at the desk, which clears 工作台's 未读 mark. */
export function WeeklySummaryTab() {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const staff = useSession((s) => s.staff)
  const [at, setAt] = useState(() => previousWeek(data.now()).start)
  const range = periodRange('week', at)
  const summary = useLiveQuery(() => data.read.getWeeklySummary(range), [data, range.start])
  const names = useStaffNames()
  const exporting = useAction({ staff: false })
  useEffect(() => {
    if (staff && mayDecideProblems(staff.role)) void data.write.markWeeklySummaryRead(staff.staffNo, range)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per week shown
  }, [data, staff, range.start])
  const exportXlsx = () =>
    void exporting.run(async () => {
      if (!summary) return
      const [problems, consultations] = await Promise.all([
        data.read.problemsLoggedIn(range),
        data.read.listConsultations({ from: range.start, to: range.end - 1 }, 100_000)
      ])
      downloadXlsx(
        await weeklySummaryXlsx(t, summary, problems, consultations),
        counterFileName(t('counter.weekly.title'), range.start)
      )
    })
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker
          aria-label={t('counter.weekly.title')}
          picker="week"
          allowClear={false}
          value={dayjs(at)}
          onChange={(d) => d && setAt(d.valueOf())}
        />
        <Typography.Text strong data-testid="weekly-range">
          {t('counter.weekly.week', {
            from: dayjs(range.start).format('YYYY-MM-DD'),
            to: dayjs(range.end - 1).format('YYYY-MM-DD')
          })}
        </Typography.Text>
        <Button
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => navigate(`/print/counter/weekly?at=${at}`)}
        >
          {t('counter.stats.print')}
        </Button>
        <Button icon={<FileExcelOutlined aria-hidden />} loading={exporting.busy} onClick={exportXlsx}>
          {t('action.exportExcel')}
        </Button>
      </Space>
      {summary && <WeeklySummaryView summary={summary} names={names} />}
    </Space>
  )
}
