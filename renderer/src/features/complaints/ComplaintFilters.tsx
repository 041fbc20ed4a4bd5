import { Checkbox, DatePicker, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { CATEGORIES, STATUSES, URGENCIES } from '../../../../shared/domain/complaint'
import { getWorkflowConfig, listStaff, type ComplaintFilter } from '../../db'
import { useData } from '../../app/session'

/** The list's criteria: status, category, urgency, overdue, escalation, first responder, department, dates, order. */
export function ComplaintFilters({ filter, onChange }: { filter: ComplaintFilter; onChange: (f: ComplaintFilter) => void }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useLiveQuery(() => listStaff(data), [data]) ?? []
  const departments = useLiveQuery(() => getWorkflowConfig(data), [data])?.departments ?? []
  const set = (patch: Partial<ComplaintFilter>) => onChange({ ...filter, ...patch })
  return (
    <Space wrap size={8} data-testid="complaint-filters">
      <Select style={{ width: 120 }} value={filter.status} aria-label={t('complaint.status')} data-testid="status-filter"
        onChange={(status) => set({ status })}
        options={[{ value: 'all', label: t('complaint.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`complaint.statusOption.${s}`) }))]} />
      <Select allowClear style={{ width: 120 }} placeholder={t('complaint.category')} value={filter.category} data-testid="category-filter"
        onChange={(category) => set({ category })} options={CATEGORIES.map((c) => ({ value: c, label: t(`complaint.categoryOption.${c}`) }))} />
      <Select allowClear style={{ width: 110 }} placeholder={t('complaint.urgency')} value={filter.urgency} data-testid="urgency-filter"
        onChange={(urgency) => set({ urgency })} options={URGENCIES.map((u) => ({ value: u, label: t(`complaint.urgencyOption.${u}`) }))} />
      <Select allowClear style={{ width: 130 }} placeholder={t('complaint.escalation')} value={filter.escalation} data-testid="escalation-filter"
        onChange={(escalation) => set({ escalation })}
        options={[{ value: 1, label: t('complaint.overdueLevel.1') }, { value: 2, label: t('complaint.overdueLevel.2') }]} />
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 140 }} placeholder={t('complaint.firstResponder')} value={filter.firstResponder}
        data-testid="responder-filter" onChange={(firstResponder) => set({ firstResponder })}
        options={staff.map((s) => ({ value: s.staffNo, label: `${s.staffNo} ${s.name}` }))} />
      <Select allowClear style={{ width: 130 }} placeholder={t('workflow.field.department')} value={filter.department} data-testid="department-filter"
        onChange={(department) => set({ department })} options={departments.map((d) => ({ value: d, label: d }))} />
      <DatePicker.RangePicker
        style={{ width: 240 }}
        value={filter.from !== undefined && filter.to !== undefined ? [dayjs(filter.from), dayjs(filter.to)] : null}
        onChange={(range) =>
          set(range?.[0] && range[1] ? { from: range[0].startOf('day').valueOf(), to: range[1].endOf('day').valueOf() } : { from: undefined, to: undefined })
        }
      />
      <Select style={{ width: 150 }} value={filter.sort ?? 'newest'} data-testid="sort-order" onChange={(sort) => set({ sort })}
        options={[{ value: 'newest', label: t('complaint.filter.newest') }, { value: 'oldest', label: t('complaint.filter.oldest') }]} />
      <Checkbox checked={!!filter.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })} data-testid="overdue-filter">
        {t('complaint.overdue')}
      </Checkbox>
    </Space>
  )
}
