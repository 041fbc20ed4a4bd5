import { Button } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { Period } from '@shared/domain/metrics/period'
import type { Granularity, ParetoBy, ReportFilters } from '@shared/domain/metrics/report'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { downloadXlsx } from '@/features/customers/import/download'
import { overviewXlsx, paretoXlsx, reportFileName } from './reportsXlsx'

/** 导出Excel of the page shown, with the filters in force. */
export function ExportButton(props: {
  tab: 'overview' | 'causes'
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
