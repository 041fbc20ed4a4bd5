import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import type { Period } from '@shared/domain/metrics/period'
import type { ReportFilters } from '@shared/domain/metrics/report'
import { useData } from '@/app/session'
import { filterSummary } from '@/features/reports/FilterBar'
import { useAnomalies, useCustomerNames } from '@/features/reports/AnomalyTab'
import { comparisonRows, flagDetail, flagTitle, meanText } from '@/features/reports/anomalyText'
import { departmentLabel, useFeedback } from '@/features/reports/FeedbackTab'
import { count, percent } from '@/features/reports/format'
import { useWorkRows } from '@/features/reports/WorkTab'
import { WORK_FIGURES } from '@shared/domain/workReport'
import { asOfValue, useHistoryLoading } from '@/features/reports/asOf'

// 打印报表 of 质量异常分析日报表, 部门反馈 and 工作报表 (ReportsPrintPage picks by ?tab=): the day or the filters and
// 数据截至 at the top, tables whose rows do not break (print.css .print-table), the records of each flag
// or the closed cases with no feedback listed by number.

const stamp = (ms: number) => dayjs(ms).format('YYYY-MM-DD HH:mm')

function Line(props: { items: { label: string; value: string }[] }) {
  const { t } = useTranslation()
  return (
    <p style={{ margin: '0 0 8px', fontSize: 11 }} data-testid="print-filters">
      {props.items
        .map((i) => t('pattern.labelValue', { label: i.label, value: i.value }))
        .join(t('pattern.clauseSeparator'))}
    </p>
  )
}

/** complaint numbers of a list of ids (one read) */
function useNumbers(ids: readonly string[]) {
  const data = useData()
  return useLiveQuery(async () => {
    const rows = await data.read.drillDownRows(ids.map((id) => ({ kind: 'complaint' as const, id })))
    return new Map(rows.map((r) => [r.ref.id, r.no]))
  }, [data, ids.join(',')])
}

export function AnomalySheet(props: { day: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const historyLoading = useHistoryLoading()
  const r = useAnomalies(props.day)
  const names = useCustomerNames(r)
  const numbers = useNumbers(r ? r.flags.flatMap((f) => f.caseIds) : [])
  if (!r || !numbers) return null
  return (
    <>
      <Line
        items={[
          { label: t('reports.anomalyPage.day'), value: r.day },
          { label: t('reports.dataAsOf'), value: asOfValue(t, r.asOf, historyLoading) }
        ]}
      />
      <table className="print-table" data-testid="print-anomaly-comparison">
        <thead>
          <tr>
            <th>{t('reports.anomalyPage.row')}</th>
            <th>
              {t('reports.anomalyPage.today')}
              <br />
              {r.day}
            </th>
            {r.baselineDays.map((d) => (
              <th key={d}>{d}</th>
            ))}
            <th>{t('reports.anomalyPage.mean')}</th>
          </tr>
        </thead>
        <tbody>
          {comparisonRows(r).map((row) => (
            <tr key={row.key}>
              <td>{t(`reports.anomalyPage.${row.key}`)}</td>
              <td>{count(locale, row.today)}</td>
              {row.baseline.map((n, i) => (
                <td key={i}>{count(locale, n)}</td>
              ))}
              <td>{meanText(locale, row.baseline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 style={{ margin: '10px 0 4px' }}>{t('reports.anomalyPage.flags')}</h3>
      {r.flags.length === 0 ? (
        <p>{t('reports.anomalyPage.noFlags')}</p>
      ) : (
        <table className="print-table" data-testid="print-anomaly-flags">
          <tbody>
            {r.flags.map((f) => (
              <tr key={`${f.rule}:${f.rule === 'repeatCustomer' ? f.customerId : ''}`}>
                <td style={{ whiteSpace: 'nowrap' }}>{flagTitle(t, f)}</td>
                <td>
                  {flagDetail(
                    t,
                    locale,
                    f,
                    r,
                    f.rule === 'repeatCustomer' ? names?.get(f.customerId) : undefined
                  )}
                </td>
                <td>
                  {f.caseIds
                    .map((id) => numbers.get(id) ?? t('reports.ui.recordKind.task'))
                    .join(t('pattern.listSeparator'))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

export function FeedbackSheet(props: { period: Period; filters: ReportFilters }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const historyLoading = useHistoryLoading()
  const r = useFeedback(props.period, props.filters)
  const numbers = useNumbers(r?.total.unfedBack ?? [])
  if (!r || !numbers) return null
  const rate = (v: number | null) => (v === null ? '—' : percent(locale, v))
  return (
    <>
      <Line
        items={[
          ...filterSummary(t, props.period, props.filters),
          { label: t('reports.dataAsOf'), value: asOfValue(t, r.asOf, historyLoading) }
        ]}
      />
      <table className="print-table" data-testid="print-feedback">
        <thead>
          <tr>
            <th>{t('reports.feedbackPage.department')}</th>
            <th>{t('reports.feedbackPage.closed')}</th>
            <th>{t('reports.feedbackPage.fedBack')}</th>
            <th>{t('reports.feedbackPage.unfedBack')}</th>
            <th>{t('reports.feedbackPage.fedBackRate')}</th>
            <th>{t('reports.feedbackPage.received')}</th>
          </tr>
        </thead>
        <tbody>
          {[...r.rows, { ...r.total, department: null }].map((row) => (
            <tr
              key={row.department ?? '\u0000'}
              style={row.department === null ? { fontWeight: 700 } : undefined}
            >
              <td>
                {row.department === null
                  ? t('reports.feedbackPage.total')
                  : departmentLabel(t, row.department)}
              </td>
              <td>{count(locale, row.closed.length)}</td>
              <td>{count(locale, row.fedBack.length)}</td>
              <td>{count(locale, row.unfedBack.length)}</td>
              <td>{rate(row.rate)}</td>
              <td>{count(locale, row.received.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 style={{ margin: '10px 0 4px' }}>{t('reports.feedbackPage.unfedBackList')}</h3>
      <p style={{ fontSize: 11 }} data-testid="print-unfed">
        {r.total.unfedBack.length === 0
          ? '—'
          : r.total.unfedBack.map((id) => numbers.get(id) ?? '').join(t('pattern.listSeparator'))}
      </p>
    </>
  )
}

/** 工作报表 of a day: every staff member's figures, 提交情况 and remark (a clerk prints their own). */
export function WorkSheet(props: { day: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const historyLoading = useHistoryLoading()
  const r = useWorkRows(props.day)
  if (!r) return null
  return (
    <>
      <Line
        items={[
          { label: t('reports.workPage.day'), value: props.day },
          { label: t('reports.dataAsOf'), value: asOfValue(t, r.asOf, historyLoading) },
          {
            label: t('reports.workPage.status'),
            value: t('reports.workPage.whoSubmitted', {
              submitted: r.rows.filter((row) => row.submitted).length,
              total: r.rows.length
            })
          }
        ]}
      />
      <table className="print-table" data-testid="print-work">
        {/* the fixed layout shares the width equally: the names, the time and the remark need more */}
        <colgroup>
          <col style={{ width: '14%' }} />
          {WORK_FIGURES.map((f) => (
            <col key={f} style={{ width: '7%' }} />
          ))}
          <col style={{ width: '18%' }} />
          <col style={{ width: '26%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('reports.workPage.staff')}</th>
            {WORK_FIGURES.map((f) => (
              // narrow number columns: their titles may wrap
              <th key={f} style={{ whiteSpace: 'normal' }}>
                {t(`reports.workPage.figure.${f}`)}
              </th>
            ))}
            <th>{t('reports.workPage.status')}</th>
            <th>{t('reports.workPage.remark')}</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.staffNo}>
              <td>
                {row.staffNo} {row.name}
              </td>
              {WORK_FIGURES.map((f) => (
                <td key={f}>{count(locale, row.figures[f].length)}</td>
              ))}
              <td>
                {row.submitted
                  ? t('reports.workPage.submittedAt', { time: stamp(row.submitted.submittedAt) })
                  : t('reports.workPage.notSubmitted')}
              </td>
              <td>{row.submitted?.remark ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
