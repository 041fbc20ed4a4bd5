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
  // results are kept with what they answer, so a new drill or page shows loading, never stale rows
  const [found, setFound] = useState<{ drill: Drill; refs: RecordRef[] } | null>(null)
  const [paging, setPaging] = useState<{ drill: Drill | null; page: number }>({ drill: null, page: 1 })
  const [loaded, setLoaded] = useState<{ refs: RecordRef[]; page: number; rows: DrillRow[] } | null>(null)
  const refs = found && found.drill === drill ? found.refs : null
  const page = paging.drill === drill ? paging.page : 1
  const rows = loaded && loaded.refs === refs && loaded.page === page ? loaded.rows : null
  // what the last load gave, so a page already loaded with its refs is not loaded again
  const loadedRef = useRef<typeof loaded>(null)

  useEffect(() => {
    if (!drill) return
    let live = true
    if (drill.refs) {
      const given = drill.refs
      void Promise.resolve().then(() => live && setFound({ drill, refs: given }))
      return () => {
        live = false
      }
    }
    const target = drill.target
    void (
      target.metric === 'staff'
        ? data.read.reportStaffDrill(drill.filters, drill.range, target.clerk, target.list, drill.asOf)
        : data.read.reportDrillDown(drill.filters, drill.range, target, drill.asOf, drill.inputId)
    ).then(async (r) => {
      // the first page's records straight away, shown with the count in one render
      const first = await data.read.drillDownRows(r.slice(0, PAGE))
      if (!live) return
      loadedRef.current = { refs: r, page: 1, rows: first }
      setFound({ drill, refs: r })
      setLoaded(loadedRef.current)
    })
    return () => {
      live = false
    }
  }, [data, drill])

  useEffect(() => {
    if (!refs) return
    const kept = loadedRef.current
    if (kept && kept.refs === refs && kept.page === page) return
    let live = true
    void data.read.drillDownRows(refs.slice((page - 1) * PAGE, page * PAGE)).then((r) => {
      if (!live) return
      loadedRef.current = { refs, page, rows: r }
      setLoaded(loadedRef.current)
    })
    return () => {
      live = false
    }
  }, [data, refs, page])

  return (
    <Drawer
      open={!!drill}
      size="large"
      onClose={props.onClose}
      title={drill ? t('reports.ui.drillTitle', { title: drill.title, count: refs?.length ?? '…' }) : ''}
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
          total: refs?.length ?? 0,
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
