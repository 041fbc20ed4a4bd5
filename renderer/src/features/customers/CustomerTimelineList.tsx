import { List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import dayjs from 'dayjs'
import type { Staff } from '@shared/domain/staff'
import type { CustomerTimelineEntry } from '@/db'
import { MergeExplanation } from './duplicates/MergeDialog'

type Change = { field: string; from: unknown; to: unknown }

/** Complaints, returns and the archive's own steps in one list, newest first. */
export function CustomerTimelineList({
  entries,
  staff
}: {
  entries: CustomerTimelineEntry[]
  staff: Staff[]
}) {
  const { t } = useTranslation()
  const who = (staffNo: string) => {
    const s = staff.find((x) => x.staffNo === staffNo)
    return s ? `${s.staffNo} ${s.name}` : staffNo
  }
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? '—'
      : Array.isArray(v)
        ? v.join(t('pattern.listSeparator'))
        : String(v)
  return (
    <List
      size="small"
      dataSource={entries}
      renderItem={(e) => (
        <List.Item data-testid={`timeline-${e.kind}`}>
          <Typography.Text type="secondary" style={{ width: 130, flex: 'none' }}>
            {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
          <div style={{ flex: 1 }}>
            {e.kind === 'complaint' && (
              <span>
                <Tag color="blue">{t('complaint.complaint')}</Tag>
                <Link to={`/complaints/${e.complaint.id}`}>{e.complaint.no}</Link> ·{' '}
                <Tag>{t(`complaint.statusOption.${e.complaint.status}`)}</Tag>
                {e.complaint.content}
              </span>
            )}
            {e.kind === 'return' && (
              <span>
                <Tag color="purple">{t('returns.title')}</Tag>
                {t(`returns.typeOption.${e.request.type}`)} · {e.request.amount ?? ''} ·{' '}
                <Tag>{t(`returns.statusOption.${e.request.status}`)}</Tag>
                {e.request.reason}
              </span>
            )}
            {e.kind === 'consultation' && (
              <span>
                <Tag color="cyan">{t('returns.counterTab.consultation')}</Tag>
                {t(`counter.topicOption.${e.consultation.topic}`)} ·{' '}
                {e.consultation.outcome && <Tag>{t(`counter.outcomeOption.${e.consultation.outcome}`)}</Tag>}
                {e.consultation.question}
              </span>
            )}
            {e.kind === 'event' && (
              <span>
                <Tag>{t(`customer.event.${e.event.type}`, { defaultValue: e.event.type })}</Tag>
                {e.event.type === 'customerNote' && (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{String(e.event.data.text ?? '')}</span>
                )}
                {e.event.type === 'customerEdited' &&
                  ((e.event.data.changes as Change[] | undefined) ?? []).map((c) => (
                    <div key={c.field}>
                      {t('pattern.changed', {
                        label: t(`customer.${c.field}`, { defaultValue: c.field }),
                        from: show(c.from),
                        to: show(c.to)
                      })}
                    </div>
                  ))}
                {e.event.type === 'phoneRevealed' && <span>{String(e.event.data.phone ?? '')}</span>}
                {(e.event.type === 'customerMerged' || e.event.type === 'mergedInto') && (
                  <MergeExplanation event={e.event} />
                )}
              </span>
            )}
          </div>
          {e.kind === 'event' && <Typography.Text type="secondary">{who(e.event.staffNo)}</Typography.Text>}
          {e.kind === 'consultation' && (
            <Typography.Text type="secondary">{who(e.consultation.staffNo)}</Typography.Text>
          )}
        </List.Item>
      )}
    />
  )
}
