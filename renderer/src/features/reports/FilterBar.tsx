import { Form, Input, Segmented, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { CATEGORIES, CHANNELS, type Category, type Channel } from '@shared/domain/complaint'
import {
  customPeriod,
  dayPeriod,
  monthPeriod,
  weekPeriod,
  type Period,
  type PeriodRefusal
} from '@shared/domain/metrics/period'
import type { ReportFilters } from '@shared/domain/metrics/report'
import { useData } from '@/app/session'

// The filter bar every 统计报表 page shares: 今天 / 本周 / 本月 / 自定义 and the four filters. A custom
// range that is refused (bad date, ends before it starts, over 3 years) shows the catalogue's message
// under its field; what was typed stays, and the pages keep showing the last accepted period.

export type PeriodChoice = 'day' | 'week' | 'month' | 'custom'

export interface FilterState {
  choice: PeriodChoice
  from: string
  to: string
  filters: ReportFilters
}

export function initialFilters(now: number): FilterState {
  const month = monthPeriod(now)
  return { choice: 'month', from: month.from, to: month.to, filters: {} }
}

/** The period the state asks for, or why a custom range is refused. */
export function resolvePeriod(
  s: FilterState,
  now: number
): { ok: true; period: Period } | { ok: false; code: PeriodRefusal } {
  if (s.choice === 'day') return { ok: true, period: dayPeriod(now) }
  if (s.choice === 'week') return { ok: true, period: weekPeriod(now) }
  if (s.choice === 'month') return { ok: true, period: monthPeriod(now) }
  return customPeriod(s.from.trim(), s.to.trim())
}

export function FilterBar(props: {
  value: FilterState
  onChange: (next: FilterState) => void
  refusal: PeriodRefusal | null
}) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useLiveQuery(() => data.read.listStaff(), [data])
  const departments = useLiveQuery(() => data.read.getWorkflowConfig(), [data])?.departments
  const { value, onChange } = props
  const patch = (f: Partial<ReportFilters>) => {
    const filters: ReportFilters = { ...value.filters, ...f }
    for (const k of Object.keys(filters) as (keyof ReportFilters)[]) if (!filters[k]) delete filters[k]
    onChange({ ...value, filters })
  }
  // the end-date field carries the range's message unless the start itself is not a date
  const fromBad =
    props.refusal === 'reports.period.badDate' && !customPeriod(value.from.trim(), value.from.trim()).ok
  return (
    <Form layout="inline" component="div" data-testid="report-filters" style={{ rowGap: 8 }}>
      <Form.Item label={<span id="report-period">{t('reports.ui.period')}</span>}>
        <Segmented<PeriodChoice>
          aria-labelledby="report-period"
          value={value.choice}
          onChange={(choice) => onChange({ ...value, choice })}
          options={(['day', 'week', 'month', 'custom'] as const).map((k) => ({
            value: k,
            label: t(`reports.ui.periodOption.${k}`)
          }))}
        />
      </Form.Item>
      {value.choice === 'custom' && (
        <Space.Compact>
          <Form.Item
            label={t('reports.ui.from')}
            htmlFor="report-from"
            validateStatus={fromBad ? 'error' : undefined}
            help={fromBad ? t(props.refusal as PeriodRefusal) : undefined}
          >
            <Input
              id="report-from"
              style={{ width: 130 }}
              placeholder={t('reports.ui.datePlaceholder')}
              value={value.from}
              onChange={(e) => onChange({ ...value, from: e.target.value })}
            />
          </Form.Item>
          <Form.Item
            label={t('reports.ui.to')}
            htmlFor="report-to"
            validateStatus={props.refusal && !fromBad ? 'error' : undefined}
            help={props.refusal && !fromBad ? t(props.refusal) : undefined}
          >
            <Input
              id="report-to"
              style={{ width: 130 }}
              placeholder={t('reports.ui.datePlaceholder')}
              value={value.to}
              onChange={(e) => onChange({ ...value, to: e.target.value })}
            />
          </Form.Item>
        </Space.Compact>
      )}
      <Form.Item label={t('workflow.field.department')} htmlFor="report-department">
        <Select<string>
          id="report-department"
          allowClear
          virtual={false}
          style={{ minWidth: 120 }}
          popupMatchSelectWidth={false}
          placeholder={t('reports.ui.allDepartments')}
          value={value.filters.department}
          onChange={(department) => patch({ department })}
          options={(departments ?? []).map((d) => ({ value: d, label: d }))}
        />
      </Form.Item>
      <Form.Item label={t('complaint.category')} htmlFor="report-category">
        <Select<Category>
          id="report-category"
          allowClear
          virtual={false}
          style={{ minWidth: 120 }}
          popupMatchSelectWidth={false}
          placeholder={t('reports.ui.allCategories')}
          value={value.filters.category}
          onChange={(category) => patch({ category })}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`complaint.categoryOption.${c}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('reports.ui.clerk')} htmlFor="report-clerk">
        <Select<string>
          id="report-clerk"
          allowClear
          virtual={false}
          style={{ minWidth: 120 }}
          popupMatchSelectWidth={false}
          placeholder={t('reports.ui.allClerks')}
          value={value.filters.clerk}
          onChange={(clerk) => patch({ clerk })}
          options={(staff ?? []).map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))}
        />
      </Form.Item>
      <Form.Item label={t('complaint.channel')} htmlFor="report-channel">
        <Select<Channel>
          id="report-channel"
          allowClear
          virtual={false}
          style={{ minWidth: 110 }}
          popupMatchSelectWidth={false}
          placeholder={t('reports.ui.allChannels')}
          value={value.filters.channel}
          onChange={(channel) => patch({ channel })}
          options={CHANNELS.map((c) => ({ value: c, label: t(`complaint.channelOption.${c}`) }))}
        />
      </Form.Item>
    </Form>
  )
}

/** The filters in words, for the export and the print: 统计期间, 部门, 类别, 客服, 渠道. */
export function filterSummary(
  t: (k: string, o?: Record<string, unknown>) => string,
  period: Period,
  filters: ReportFilters
): { label: string; value: string }[] {
  const all = t('reports.ui.allFilters')
  return [
    { label: t('reports.ui.period'), value: t('reports.ui.rangeText', { from: period.from, to: period.to }) },
    { label: t('workflow.field.department'), value: filters.department ?? all },
    {
      label: t('complaint.category'),
      value: filters.category ? t(`complaint.categoryOption.${filters.category}`) : all
    },
    { label: t('reports.ui.clerk'), value: filters.clerk ?? all },
    {
      label: t('complaint.channel'),
      value: filters.channel ? t(`complaint.channelOption.${filters.channel}`) : all
    }
  ]
}

export function RangeKept(props: { period: Period }) {
  const { t } = useTranslation()
  return (
    <Typography.Text type="secondary" data-testid="range-kept">
      {t('reports.ui.rangeKept', { from: props.period.from, to: props.period.to })}
    </Typography.Text>
  )
}
