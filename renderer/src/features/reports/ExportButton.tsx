import { Button } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { Period } from '@shared/domain/metrics/period'
import type { Granularity, ParetoBy, ReportFilters } from '@shared/domain/metrics/report'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { downloadXlsx } from '@/features/customers/import/download'
import { overviewXlsx, paretoXlsx, reportFileName } from './reportsXlsx'
import { staffXlsx, timelinessXlsx } from './reportsPagesXlsx'
import type { ReportTab } from './ReportsPage'

/** 导出Excel of the page shown, with the filters in force. */
export function ExportButton(props: {
  tab: ReportTab
  period: Period
  filters: ReportFilters
  by: Granularity
  paretoBy: ParetoBy
}) {
  const { t, i18n } = useTranslation()
  const data = useData()
  const exporting = useAction({ staff: false })
  const run = () =>
    void exporting.run(
      async () => {
        const query = { period: props.period, filters: props.filters }
        if (props.tab === 'overview') {
          const o = await data.read.reportOverview(query, props.by)
          const refs = await data.read.reportDrillDown(
            props.filters,
            o.current,
            { metric: 'complaints' },
            o.asOf
          )
          const rows = await data.read.drillDownRows(refs)
          const name = reportFileName(t, t('reports.overview'), props.period)
          downloadXlsx(await overviewXlsx(t, i18n.language, o, rows), name)
          return name
        }
        if (props.tab === 'timeliness') {
          const tl = await data.read.reportTimeliness(query, props.by)
          const target = (of: 'firstResponseTime' | 'closeTime') =>
            data.read.reportDrillDown(props.filters, tl.current, { metric: of, part: 'denominator' }, tl.asOf)
          const [received, responded, closed] = await Promise.all([
            data.read.reportDrillDown(props.filters, tl.current, { metric: 'complaints' }, tl.asOf),
            target('firstResponseTime'),
            target('closeTime')
          ])
          // one row per case measured: received in the period, or closed in it
          const ids = new Set(received.map((r) => r.id))
          const refs = [...received, ...closed.filter((r) => !ids.has(r.id))]
          const rows = await data.read.drillDownRows(refs)
          const name = reportFileName(t, t('reports.timeliness'), props.period)
          downloadXlsx(await timelinessXlsx(t, i18n.language, props.by, tl, rows, responded, closed), name)
          return name
        }
        if (props.tab === 'staff') {
          const s = await data.read.reportStaffReview(query)
          const staff = await data.read.listStaff()
          const names = new Map(staff.map((x) => [x.staffNo, x.name]))
          const refs = await data.read.reportDrillDown(
            props.filters,
            s.range,
            { metric: 'complaints' },
            s.asOf
          )
          const rows = await data.read.drillDownRows(refs)
          const name = reportFileName(t, t('reports.staffReview'), props.period)
          downloadXlsx(await staffXlsx(t, i18n.language, s, names, rows), name)
          return name
        }
        const p = await data.read.reportPareto(query, props.paretoBy)
        const refs = await data.read.reportDrillDown(props.filters, p.range, { metric: 'complaints' }, p.asOf)
        const rows = await data.read.drillDownRows(refs)
        const name = reportFileName(t, t('reports.causeAnalysis'), props.period)
        downloadXlsx(
          await paretoXlsx(t, i18n.language, props.period, props.filters, props.paretoBy, p, rows),
          name
        )
        return name
      },
      (file) => t('reports.ui.exported', { file })
    )
  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={exporting.busy} onClick={run}>
      {t('action.exportExcel')}
    </Button>
  )
}
