import { useEffect, useRef, useState } from 'react'
import { Button, Drawer, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Range } from '@shared/domain/metrics/period'
import type { DrillTarget, RecordRef, ReportFilters } from '@shared/domain/metrics/report'
import type { DrillRow } from '@/db'
import type { StaffList } from '@shared/domain/metrics/staffReview'
import { useData } from '@/app/session'
import { count, dateText, duration } from './format'

// The records behind a number of a report: the ids come from the data layer in one call, each page's
// records are loaded when shown (20 at a time), and a complaint opens its own page.

/** 客服考核: one figure of one clerk (staffReview.ts) */
export interface StaffTarget {
  metric: 'staff'
  clerk: string
  list: StaffList
}

export interface Drill {
  title: string
  range: Range
  target: DrillTarget | StaffTarget
  filters: ReportFilters
  asOf: number
  /** the input the report was counted from (OverviewResult.inputId): its drill-downs need no new read */
  inputId?: string
  /** the records themselves, when the report already named them (质量异常分析日报表's flags) */
  refs?: RecordRef[]
}

const PAGE = 20

export function DrillDrawer(props: { drill: Drill | null; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const drill = props.drill
  // what is shown is kept with the drill and page it answers: a new drill or page shows loading,
  // never stale rows (the count stays while another page of the same drill loads)
  const [shown, setShown] = useState<{ drill: Drill; page: number; total: number; rows: DrillRow[] } | null>(
    null
  )
  const [paging, setPaging] = useState<{ drill: Drill | null; page: number }>({ drill: null, page: 1 })
  const page = paging.drill === drill ? paging.page : 1
  const current = shown && shown.drill === drill ? shown : null
  const rows = current && current.page === page ? current.rows : null
  const total = current?.total ?? null
  // a whole list (given, or 客服考核's), kept for its drill's pages
  const list = useRef<{ drill: Drill; refs: RecordRef[] } | null>(null)

  useEffect(() => {
    if (!drill) return
    let live = true
    const pageOf = async (): Promise<{ total: number; refs: RecordRef[] }> => {
      const target = drill.target
      const offset = (page - 1) * PAGE
      // a report's number: the list stays in the data layer, one page comes here
      if (!drill.refs && target.metric !== 'staff')
        return data.read.reportDrillPage(
          drill.filters,
          drill.range,
          target,
          drill.asOf,
          drill.inputId,
          offset,
          PAGE
        )
      let refs = list.current?.drill === drill ? list.current.refs : null
      if (!refs) {
        refs =
          drill.refs ??
          (target.metric === 'staff'
            ? await data.read.reportStaffDrill(
                drill.filters,
                drill.range,
                target.clerk,
                target.list,
                drill.asOf
              )
            : [])
        list.current = { drill, refs }
      }
      return { total: refs.length, refs: refs.slice(offset, offset + PAGE) }
    }
    void pageOf().then(async (found) => {
      const loaded = await data.read.drillDownRows(found.refs)
      if (live) setShown({ drill, page, total: found.total, rows: loaded })
    })
    return () => {
      live = false
    }
  }, [data, drill, page])

  return (
    <Drawer
      open={!!drill}
      size="large"
      onClose={props.onClose}
      title={drill ? t('reports.ui.drillTitle', { title: drill.title, count: total ?? '…' }) : ''}
    >
      <Table<DrillRow>
        size="small"
        data-testid="drill-list"
        rowKey={(r) => `${r.ref.kind}:${r.ref.id}:${'limit' in r.ref ? (r.ref.limit ?? '') : ''}`}
        loading={!rows}
        dataSource={rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: total ?? 0,
          showSizeChanger: false,
          onChange: (p) => setPaging({ drill, page: p })
        }}
        columns={[
          {
            key: 'record',
            title: t('reports.ui.record'),
            render: (_, r) =>
              r.ref.kind === 'complaint' ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => navigate(`/complaints/${r.ref.id}`)}
                >
                  {r.no}
                </Button>
              ) : (
                t(`reports.ui.recordKind.${r.ref.kind}`)
              )
          },
          {
            key: 'at',
            title: t('reports.ui.at'),
            // a day's figure is the day itself
            render: (_, r) => (r.ref.kind === 'dailyFigure' ? r.ref.id : dateText(t, r.at))
          },
          { key: 'customer', title: t('complaint.customerName'), dataIndex: 'customerName' },
          {
            key: 'category',
            title: t('complaint.category'),
            render: (_, r) => (r.category ? t(`complaint.categoryOption.${r.category}`) : '')
          },
          { key: 'department', title: t('workflow.field.department'), dataIndex: 'department' },
          {
            key: 'status',
            title: t('complaint.status'),
            render: (_, r) =>
              r.ref.kind === 'complaint'
                ? t(`complaint.statusOption.${r.status}`)
                : r.ref.kind === 'problem'
                  ? t(`counter.problem.statusOption.${r.status}`)
                  : ''
          },
          { key: 'staff', title: t('reports.ui.clerk'), dataIndex: 'staffNo' },
          ...((rows ?? []).some((r) => r.ref.kind === 'dailyFigure')
            ? [
                {
                  key: 'figure',
                  title: t('reports.ui.figureValue'),
                  render: (_: unknown, r: DrillRow) =>
                    r.ref.kind === 'dailyFigure' ? count(i18n.language, r.ref.value) : ''
                }
              ]
            : []),
          {
            key: 'extra',
            title: t('reports.ui.duration'),
            render: (_, r) =>
              r.ref.kind === 'complaint' && r.ref.durationMs !== undefined
                ? duration(t, i18n.language, r.ref.durationMs)
                : r.ref.kind === 'complaint' && r.ref.limit
                  ? t(`reports.limit.${r.ref.limit}`)
                  : ''
          }
        ]}
      />
    </Drawer>
  )
}
