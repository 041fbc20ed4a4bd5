import { useState } from 'react'
import { Button, Card, Descriptions, Empty, Space, Tag } from 'antd'
import { PrinterOutlined, RollbackOutlined, EditOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { maskPhone } from '@shared/domain/phone'
import { KeyAccountMark } from '@/features/customers/KeyAccountMark'
import { useCanUnmask } from '@/features/customers/usePrivacy'
import { useData } from '@/app/session'
import { ActionBar } from './workflow/ActionBar'
import { TimelineView } from './workflow/TimelineView'
import { EditComplaintDialog } from './EditComplaintDialog'
import { TimeInfo } from './workflow/TimeInfo'
import { ComplaintReturns } from '@/features/returns/ComplaintReturns'
import { CallbackPanel } from './CallbackPanel'
import { ClockPanel } from './ClockPanel'
import { ComplaintRevisitTasks } from '@/features/revisits/ComplaintRevisitTasks'
import { ConflictNotice } from '@/features/sync/ConflictNotice'

const TIME = 'YYYY-MM-DD HH:mm'

/** One complaint: every intake field, its time limits, the workflow steps this person may take, and its 处理记录 timeline. */
export function ComplaintDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id = '' } = useParams()
  const data = useData()
  const complaint = useLiveQuery(() => data.read.getComplaint(id).then((c) => c ?? null), [data, id])
  const timeline = useLiveQuery(() => data.read.getTimeline(id), [data, id]) ?? []
  const people = useLiveQuery(() => data.read.listStaff(), [data]) ?? []
  const customer = useLiveQuery(
    async () => (complaint ? await data.read.getLiveCustomer(complaint.customerId) : undefined),
    [data, complaint]
  )
  const [editing, setEditing] = useState(false)
  const canUnmask = useCanUnmask()
  if (complaint === undefined) return null
  if (complaint === null) return <Empty description={t('complaint.notFound')} />

  const who = (staffNo: string) =>
    `${staffNo} ${people.find((p) => p.staffNo === staffNo)?.name ?? ''}`.trim()
  const phone = canUnmask ? complaint.customerPhone : maskPhone(complaint.customerPhone)
  const field = (label: string, value: React.ReactNode) => (
    <Descriptions.Item label={label}>{value || '—'}</Descriptions.Item>
  )

  return (
    <Card
      title={<span data-testid="complaint-no">{complaint.no}</span>}
      extra={
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('complaint.edit')}
          </Button>
          <Button icon={<RollbackOutlined />} onClick={() => navigate(`/counter?complaint=${complaint.id}`)}>
            {t('returns.register')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/complaint/${complaint.id}`)}>
            {t('action.printComplaintForm')}
          </Button>
          <Button onClick={() => navigate('/complaints')}>{t('action.backToList')}</Button>
        </Space>
      }
    >
      <ConflictNotice table="complaints" recordId={complaint.id} fieldLabel={(f) => t(`complaint.${f}`)} />
      <Descriptions bordered size="small" column={3} data-testid="complaint-details">
        {field(
          t('complaint.status'),
          <Tag color="blue">{t(`complaint.statusOption.${complaint.status}`)}</Tag>
        )}
        {field(t('complaint.receivedAt'), dayjs(complaint.receivedAt).format(TIME))}
        {field(t('complaint.channel'), t(`complaint.channelOption.${complaint.channel}`))}
        {field(
          t('complaint.customerName'),
          <Link to={`/customers/${customer?.id ?? complaint.customerId}`}>
            {complaint.customerName} <KeyAccountMark tier={customer?.tier} />
          </Link>
        )}
        {field(t('complaint.customerPhone'), phone)}
        {field(t('complaint.firstResponder'), who(complaint.firstResponder))}
        {field(t('complaint.orderNo'), complaint.orderNo)}
        {field(t('complaint.itemNo'), complaint.itemNo)}
        {field(t('complaint.product'), complaint.product)}
        {field(t('complaint.quantity'), complaint.quantity ?? '')}
        {field(t('complaint.purchaseDate'), complaint.purchaseDate)}
        {field(t('complaint.category'), t(`complaint.categoryOption.${complaint.category}`))}
        {field(t('complaint.emotion'), t(`complaint.emotionOption.${complaint.emotion}`))}
        {field(t('complaint.urgency'), t(`complaint.urgencyOption.${complaint.urgency}`))}
        <Descriptions.Item label={t('complaint.content')} span={3}>
          {complaint.content}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.demand')} span={3}>
          {complaint.demand || '—'}
        </Descriptions.Item>
        {complaint.department ? field(t('workflow.field.department'), complaint.department) : null}
        {complaint.plan && (
          <Descriptions.Item label={t('workflow.plan')} span={3}>
            <span data-testid="plan">
              {t(`workflow.resolution.${complaint.plan.resolution}`)}
              {complaint.plan.amount !== null &&
                ` · ${t('workflow.yuan', { amount: complaint.plan.amount })}`}{' '}
              · {complaint.plan.text}
              {' · '}
              {complaint.plan.approvedBy
                ? `${t('workflow.approvedBy')} ${who(complaint.plan.approvedBy)}`
                : t('workflow.pendingApproval')}
            </span>
          </Descriptions.Item>
        )}
        {complaint.result && (
          <Descriptions.Item label={t('workflow.result')} span={3}>
            {complaint.result.text} · {t(complaint.result.accepted ? 'workflow.yes' : 'workflow.no')}
          </Descriptions.Item>
        )}
        {complaint.revisit && (
          <Descriptions.Item label={t('workflow.revisit')} span={3}>
            {t(`workflow.satisfaction.${complaint.revisit.satisfaction}`)} {complaint.revisit.notes}
          </Descriptions.Item>
        )}
        {!!complaint.explanation && (
          <Descriptions.Item label={t('workflow.field.explanation')} span={3}>
            {complaint.explanation}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card type="inner" title={t('workflow.actions')} style={{ marginTop: 16 }}>
        <TimeInfo complaint={complaint} />
        <ClockPanel complaint={complaint} timeline={timeline} />
        <ActionBar complaint={complaint} />
        <CallbackPanel complaint={complaint} />
        <ComplaintRevisitTasks complaintId={complaint.id} />
      </Card>
      <ComplaintReturns complaintId={complaint.id} />
      {editing && <EditComplaintDialog complaint={complaint} onClose={() => setEditing(false)} />}
      <Card type="inner" title={t('complaint.timeline')} style={{ marginTop: 16 }}>
        <TimelineView events={timeline} people={people} />
      </Card>
    </Card>
  )
}
