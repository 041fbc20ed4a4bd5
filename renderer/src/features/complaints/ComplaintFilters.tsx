import { memo } from 'react'
import { Checkbox, DatePicker, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { CATEGORIES, STATUSES, URGENCIES } from '@shared/domain/complaint'
import { type ComplaintFilter } from '@/db'
import { useData } from '@/app/session'

type Patch = (patch: Partial<ComplaintFilter>) => void

// Selects are as wide as their text, at least their minWidth: English labels are longer than the
// Chinese ones and a fixed width cut them ("All statu…", issue 13.10); their lists fit their options.
// Each control is its own memoised component with a stable `onPatch`, so changing one criterion
// re-renders that control only (the date range picker alone cost ~10 ms per render). Small option
// lists are not virtualised: measuring rows cost more than rendering ten of them.

/** The list's criteria: status, category, urgency, overdue, escalation, first responder, department, dates, order. */
export function ComplaintFilters({ filter, onPatch }: { filter: ComplaintFilter; onPatch: Patch }) {
  const data = useData()
  const staff = useLiveQuery(() => data.read.listStaff(), [data])
  const departments = useLiveQuery(() => data.read.getWorkflowConfig(), [data])?.departments
  return (
    <Space wrap size={8} data-testid="complaint-filters">
      <StatusFilter value={filter.status} onPatch={onPatch} />
      <CategoryFilter value={filter.category} onPatch={onPatch} />
      <UrgencyFilter value={filter.urgency} onPatch={onPatch} />
      <EscalationFilter value={filter.escalation} onPatch={onPatch} />
      <ResponderFilter value={filter.firstResponder} staff={staff} onPatch={onPatch} />
      <DepartmentFilter value={filter.department} departments={departments} onPatch={onPatch} />
      <DateFilter from={filter.from} to={filter.to} onPatch={onPatch} />
      <SortFilter value={filter.sort ?? 'newest'} onPatch={onPatch} />
      <OverdueFilter value={!!filter.overdue} onPatch={onPatch} />
    </Space>
  )
}

const StatusFilter = memo(function StatusFilter({
  value,
  onPatch
}: {
  value: ComplaintFilter['status']
  onPatch: Patch
}) {
  const { t } = useTranslation()
  return (
    <Select
      style={{ minWidth: 120 }}
      popupMatchSelectWidth={false}
      virtual={false}
      value={value}
      aria-label={t('complaint.status')}
      data-testid="status-filter"
      onChange={(status) => onPatch({ status })}
      options={[
        { value: 'all', label: t('complaint.allStatuses') },
        ...STATUSES.map((s) => ({ value: s, label: t(`complaint.statusOption.${s}`) }))
      ]}
    />
  )
})

const CategoryFilter = memo(function CategoryFilter({
  value,
  onPatch
}: {
  value: ComplaintFilter['category']
  onPatch: Patch
}) {
  const { t } = useTranslation()
  return (
    <Select
      allowClear
      virtual={false}
      style={{ minWidth: 120 }}
      popupMatchSelectWidth={false}
      placeholder={t('complaint.category')}
      value={value}
      data-testid="category-filter"
      onChange={(category) => onPatch({ category })}
      options={CATEGORIES.map((c) => ({ value: c, label: t(`complaint.categoryOption.${c}`) }))}
    />
  )
})

const UrgencyFilter = memo(function UrgencyFilter({
  value,
  onPatch
}: {
  value: ComplaintFilter['urgency']
  onPatch: Patch
}) {
  const { t } = useTranslation()
  return (
    <Select
      allowClear
      virtual={false}
      style={{ minWidth: 110 }}
      popupMatchSelectWidth={false}
      placeholder={t('complaint.urgency')}
      value={value}
      data-testid="urgency-filter"
      onChange={(urgency) => onPatch({ urgency })}
      options={URGENCIES.map((u) => ({ value: u, label: t(`complaint.urgencyOption.${u}`) }))}
    />
  )
})

const EscalationFilter = memo(function EscalationFilter({
  value,
  onPatch
}: {
  value: ComplaintFilter['escalation']
  onPatch: Patch
}) {
  const { t } = useTranslation()
  return (
    <Select
      allowClear
      virtual={false}
      style={{ minWidth: 130 }}
      popupMatchSelectWidth={false}
      placeholder={t('complaint.escalation')}
      value={value}
      data-testid="escalation-filter"
      onChange={(escalation) => onPatch({ escalation })}
      options={[
        { value: 1, label: t('complaint.overdueLevel.1') },
        { value: 2, label: t('complaint.overdueLevel.2') }
      ]}
    />
  )
})

const ResponderFilter = memo(function ResponderFilter({
  value,
  staff,
  onPatch
}: {
  value: string | undefined
  staff: { staffNo: string; name: string }[] | undefined
  onPatch: Patch
}) {
  const { t } = useTranslation()
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 140 }}
      popupMatchSelectWidth={false}
      placeholder={t('complaint.firstResponder')}
      value={value}
      data-testid="responder-filter"
      onChange={(firstResponder) => onPatch({ firstResponder })}
      options={(staff ?? []).map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))}
    />
  )
})

const DepartmentFilter = memo(function DepartmentFilter({
  value,
  departments,
  onPatch
}: {
  value: string | undefined
  departments: string[] | undefined
  onPatch: Patch
}) {
  const { t } = useTranslation()
  return (
    <Select
      allowClear
      virtual={false}
      style={{ minWidth: 130 }}
      popupMatchSelectWidth={false}
      placeholder={t('workflow.field.department')}
      value={value}
      data-testid="department-filter"
      onChange={(department) => onPatch({ department })}
      options={(departments ?? []).map((d) => ({ value: d, label: d }))}
    />
  )
})

const DateFilter = memo(function DateFilter({
  from,
  to,
  onPatch
}: {
  from: number | undefined
  to: number | undefined
  onPatch: Patch
}) {
  return (
    <DatePicker.RangePicker
      style={{ width: 240 }}
      value={from !== undefined && to !== undefined ? [dayjs(from), dayjs(to)] : null}
      onChange={(range) =>
        onPatch(
          range?.[0] && range[1]
            ? { from: range[0].startOf('day').valueOf(), to: range[1].endOf('day').valueOf() }
            : { from: undefined, to: undefined }
        )
      }
    />
  )
})

const SortFilter = memo(function SortFilter({
  value,
  onPatch
}: {
  value: 'newest' | 'oldest'
  onPatch: Patch
}) {
  const { t } = useTranslation()
  return (
    <Select
      style={{ minWidth: 150 }}
      popupMatchSelectWidth={false}
      virtual={false}
      value={value}
      data-testid="sort-order"
      onChange={(sort) => onPatch({ sort })}
      options={[
        { value: 'newest', label: t('complaint.filter.newest') },
        { value: 'oldest', label: t('complaint.filter.oldest') }
      ]}
    />
  )
})

const OverdueFilter = memo(function OverdueFilter({ value, onPatch }: { value: boolean; onPatch: Patch }) {
  const { t } = useTranslation()
  return (
    <Checkbox
      checked={value}
      onChange={(e) => onPatch({ overdue: e.target.checked || undefined })}
      data-testid="overdue-filter"
    >
      {t('complaint.overdue')}
    </Checkbox>
  )
})
