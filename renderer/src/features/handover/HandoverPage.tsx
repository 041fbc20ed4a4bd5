import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Card, Descriptions, Result, Select, Space, Typography } from 'antd'
import { CheckCircleOutlined, PrinterOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { HANDOVER_SECTIONS, isEmptyHandover, isItemOverdue } from '@shared/domain/handover'
import { overdueCount } from '@shared/domain/handoverPrefill'
import { shiftHours } from '@shared/domain/shifts'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useCanUnmask } from '@/features/customers/usePrivacy'
import { AcknowledgeDialog } from './AcknowledgeDialog'
import { formatWhen, slotHours } from './format'
import { ItemsSection } from './ItemsSection'
import { NotesEditor } from './NotesEditor'
import { PrefillTables } from './PrefillTables'
import { RemarksPanel } from './RemarksPanel'
import { StatusTag } from './StatusTag'

/** One handover note: the pre-filled data, the three free sections, notes; 提交交接 / 打印交接单 /
 *  确认接班. Editable by its outgoing clerk while a draft; read-only for everyone once submitted, and
 *  open to appended remarks once acknowledged. */
export function HandoverPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id = '' } = useParams()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const unmasked = useCanUnmask()
  const h = useLiveQuery(() => data.read.getHandover(id).then((x) => x ?? null), [data, id])
  const events = useLiveQuery(() => data.read.handoverEvents(id), [data, id]) ?? []
  const shifts = useLiveQuery(() => data.read.getShifts(), [data]) ?? []
  const [acknowledging, setAcknowledging] = useState(false)
  const action = useAction()
  const editable = !!h && h.status === 'draft' && staff?.staffNo === h.outgoingStaffNo
  // A draft shows the data as it is now: re-read once when its author opens it.
  const refreshed = useRef(false)
  useEffect(() => {
    if (!h || !staff || refreshed.current || h.status !== 'draft' || h.outgoingStaffNo !== staff.staffNo)
      return
    refreshed.current = true
    void data.write.refreshHandoverPrefill(staff.staffNo, h.id).catch(() => undefined)
  }, [h, staff, data])

  if (h === undefined) return null
  if (h === null)
    return (
      <Result
        status="404"
        title={t('handover.refused.notFound')}
        extra={<Button onClick={() => navigate('/handover')}>{t('action.backToList')}</Button>}
      />
    )

  const p = h.prefill
  const carried = h.items.filter((i) => i.carried > 0 && !i.done).length
  const who = (no: string, name: string) => (no ? `${no} ${name}` : '—')

  return (
    <div style={{ maxWidth: 1180 }} data-testid="handover-page">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="handover-title">
            {t('handover.handover')} · {h.date} {h.shiftName} {slotHours(h.shiftStart, h.shiftEnd)}
          </Typography.Title>
          <StatusTag status={h.status} />
        </Space>
        <Space wrap>
          <Button onClick={() => navigate('/handover')}>{t('action.backToList')}</Button>
          {editable && (
            <Button
              icon={<ReloadOutlined />}
              disabled={action.busy}
              onClick={() =>
                void action.run(
                  (staff) => data.write.refreshHandoverPrefill(staff.staffNo, h.id),
                  'handover.refreshed'
                )
              }
            >
              {t('handover.refresh')}
            </Button>
          )}
          <Button
            icon={<PrinterOutlined />}
            onClick={() => navigate(`/print/handover/${h.id}`)}
            data-testid="print-handover"
          >
            {t('handover.print')}
          </Button>
          {editable && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={action.busy}
              onClick={() =>
                void action.run(
                  (staff) => data.write.submitHandover(staff.staffNo, h.id),
                  'handover.submitted'
                )
              }
              data-testid="submit-handover"
            >
              {t('handover.submit')}
            </Button>
          )}
          {h.status === 'submitted' && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={() => setAcknowledging(true)}
              data-testid="acknowledge-handover"
            >
              {t('handover.acknowledge')}
            </Button>
          )}
        </Space>
      </Space>

      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('handover.shift')}>
            {editable ? (
              <Select
                size="small"
                style={{ width: 160 }}
                value={h.shiftId}
                onChange={(shiftId) =>
                  void action.run((staff) => data.write.changeHandoverShift(staff.staffNo, h.id, shiftId))
                }
                options={shifts.map((s) => ({ value: s.id, label: `${s.name} ${shiftHours(s)}` }))}
                data-testid="handover-shift"
              />
            ) : (
              h.shiftName
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('handover.outgoing')}>
            {who(h.outgoingStaffNo, h.outgoingName)}
          </Descriptions.Item>
          <Descriptions.Item label={t('handover.incoming')}>
            <span data-testid="handover-incoming">{who(h.incomingStaffNo, h.incomingName)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('handover.acknowledgedAt')}>
            {h.acknowledgedAt ? formatWhen(h.acknowledgedAt) : '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text data-testid="handover-summary">
          {t('handover.summary', {
            complaints: p.complaints.length,
            overdue: overdueCount(p) + h.items.filter((i) => isItemOverdue(i, data.now())).length,
            revisits: p.revisits.length,
            callbacks: p.callbacks.length,
            returns: p.returns.length,
            carried
          })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {t('handover.takenAt', { time: formatWhen(p.takenAt) })}
        </Typography.Text>
      </Card>

      {p.previous && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="previous-unacknowledged"
          title={t('handover.previousUnacknowledged', {
            date: p.previous.date,
            shift: p.previous.shiftName,
            who: who(p.previous.outgoingStaffNo, p.previous.outgoingName)
          })}
        />
      )}
      {h.status === 'acknowledged' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="handover-locked"
          title={t('handover.readOnly', {
            who: who(h.incomingStaffNo, h.incomingName),
            time: formatWhen(h.acknowledgedAt ?? 0)
          })}
        />
      )}
      {h.status === 'submitted' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="handover-submitted"
          title={t('handover.submittedNote', { time: formatWhen(h.submittedAt ?? 0) })}
        />
      )}
      {h.status === 'draft' && !editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('handover.notYours', { who: who(h.outgoingStaffNo, h.outgoingName) })}
        />
      )}
      {isEmptyHandover(h) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="handover-empty"
          title={t('handover.emptyNote')}
        />
      )}

      <PrefillTables handover={h} unmasked={unmasked} />
      {HANDOVER_SECTIONS.map((section) => (
        <ItemsSection
          key={section}
          handoverId={h.id}
          section={section}
          items={h.items}
          editable={editable}
          unmasked={unmasked}
        />
      ))}
      <NotesEditor handoverId={h.id} notes={h.notes} editable={editable} />
      {h.status === 'acknowledged' && <RemarksPanel handoverId={h.id} events={events} />}
      <AcknowledgeDialog
        handoverId={h.id}
        // The staff at the desk is the likely incoming clerk, unless they wrote the note.
        defaultStaffNo={staff && staff.staffNo !== h.outgoingStaffNo ? staff.staffNo : ''}
        open={acknowledging}
        onClose={() => setAcknowledging(false)}
      />
    </div>
  )
}
