import { useState } from 'react'
import { Button, Card, Form, Input, List, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { closedDayRange } from '@shared/domain/clock/closedDays'
import { normalizeDateInput } from '@shared/text'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'

/** Consecutive dates joined into ranges, for a list a manager can read (a week's closing is one row). */
function asRanges(days: readonly string[]): { from: string; to: string; days: string[] }[] {
  const out: { from: string; to: string; days: string[] }[] = []
  for (const day of days) {
    const last = out[out.length - 1]
    const next = last && new Date(Date.parse(`${last.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    if (last && next === day) {
      last.to = day
      last.days.push(day)
    } else out.push({ from: day, to: day, days: [day] })
  }
  return out
}

/** 停业日 (系统设置, issue 16): the store's closed days — a date or a range added, a range removed. No
 *  time limit counts on them; every PC's deadlines follow. Only a 客服经理 changes them (the data layer
 *  refuses anyone else too). A bad date is refused with the reason under its field; what was typed
 *  and the stored list stay. */
export function ClosedDaysCard() {
  const { t } = useTranslation()
  const data = useData()
  const me = useSession((s) => s.staff)
  const days = useLiveQuery(() => data.read.getClosedDays(), [data])
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [errors, setErrors] = useState<{ from?: string; to?: string; list?: string }>({})
  const saving = useAction({ showError: (text) => setErrors({ list: text }) })
  const canManage = me?.role === 'manager'

  async function add(): Promise<void> {
    const range = closedDayRange(normalizeDateInput(from), normalizeDateInput(to))
    if (!range.ok) {
      setErrors({ [range.field]: t(range.code) })
      return
    }
    setErrors({})
    const saved = await saving.run(
      (at) => data.write.saveClosedDays(at.staffNo, [...(days ?? []), ...range.days]),
      'reports.closedDayCard.saved'
    )
    if (saved) {
      setFrom('')
      setTo('')
    }
  }

  const remove = (gone: readonly string[]) =>
    void saving.run(
      (at) =>
        data.write.saveClosedDays(
          at.staffNo,
          (days ?? []).filter((d) => !gone.includes(d))
        ),
      'reports.closedDayCard.saved'
    )

  const ranges = asRanges(days ?? [])
  return (
    <Card title={t('reports.closedDays')} size="small" data-testid="closed-days-settings">
      <Typography.Paragraph type="secondary">{t('reports.closedDayCard.hint')}</Typography.Paragraph>
      {canManage ? (
        <Form layout="inline" component="div" style={{ marginBottom: 12 }}>
          <Form.Item
            label={t('reports.closedDayCard.from')}
            htmlFor="closed-day-from"
            validateStatus={errors.from ? 'error' : undefined}
            help={errors.from}
          >
            <Input
              id="closed-day-from"
              value={from}
              style={{ width: 150 }}
              placeholder={t('reports.closedDayCard.placeholder')}
              onChange={(e) => setFrom(e.target.value)}
              onPressEnter={() => void add()}
            />
          </Form.Item>
          <Form.Item
            label={t('reports.closedDayCard.to')}
            htmlFor="closed-day-to"
            validateStatus={errors.to ? 'error' : undefined}
            help={errors.to ?? t('reports.closedDayCard.toHint')}
          >
            <Input
              id="closed-day-to"
              value={to}
              style={{ width: 150 }}
              onChange={(e) => setTo(e.target.value)}
              onPressEnter={() => void add()}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" loading={saving.busy} onClick={() => void add()}>
              {t('reports.closedDayCard.add')}
            </Button>
          </Form.Item>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary">{t('reports.closedDayCard.managerOnly')}</Typography.Paragraph>
      )}
      {errors.list && (
        <Typography.Paragraph type="danger" data-testid="closed-days-error">
          {errors.list}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        bordered
        data-testid="closed-days-list"
        locale={{ emptyText: t('reports.closedDayCard.empty') }}
        dataSource={ranges}
        rowKey={(r) => r.from}
        header={
          days && days.length > 0 ? t('reports.closedDayCard.count', { count: days.length }) : undefined
        }
        renderItem={(r) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Button key="remove" size="small" type="link" onClick={() => remove(r.days)}>
                      {t('reports.closedDayCard.remove')}
                    </Button>
                  ]
                : []
            }
          >
            <Space>
              {r.from === r.to
                ? r.from
                : t('reports.closedDayCard.range', { from: r.from, to: r.to, count: r.days.length })}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  )
}
