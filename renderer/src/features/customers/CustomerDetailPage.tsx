import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Empty, Input, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { KeyAccountMark } from './KeyAccountMark'
import { ConflictNotice } from '@/features/sync/ConflictNotice'
import { PhoneText } from './PhoneText'
import { CustomerTimelineList } from './CustomerTimelineList'
import { HistoryLoadingNote } from '@/features/sync/HistoryLoadingNote'
import { CustomerRevisits } from '@/features/revisits/CustomerRevisits'
import { MergeDialog } from './duplicates/MergeDialog'
import { useCanUnmask } from './usePrivacy'

/** One customer: the profile, what is still open (on top), and one timeline of everything. */
export function CustomerDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = useData()
  // One live read for the page (profile, timeline, staff names): one round of IndexedDB work and one render.
  const page = useLiveQuery(async () => {
    const [customer, timeline, staff] = await Promise.all([
      data.read.getCustomer(id),
      data.read.getCustomerTimeline(id),
      data.read.listStaff()
    ])
    return { customer: customer ?? null, timeline, staff }
  }, [data, id])
  const canUnmask = useCanUnmask()
  const [merging, setMerging] = useState(false)
  if (page === undefined) return null
  const { customer, timeline, staff } = page
  if (customer === undefined) return null
  if (customer === null) return <Alert type="error" title={t('customer.notFound')} />
  const clerk = staff.find((s) => s.staffNo === customer.assignedClerk)
  const phones = customer.phones?.length ? customer.phones : [customer.phone]

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1080 }}>
      {customer.mergedInto && (
        <Alert
          type="info"
          showIcon
          data-testid="merged-into"
          title={t('customer.mergedIntoNotice')}
          action={<Link to={`/customers/${customer.mergedInto}`}>{t('customer.openSurvivor')}</Link>}
        />
      )}
      <ConflictNotice table="customers" recordId={customer.id} fieldLabel={(f) => t(`customer.${f}`)} />
      <Card
        title={
          <Space>
            <span data-testid="customer-name">{customer.name}</span>
            <KeyAccountMark tier={customer.tier} />
            {customer.tier !== 'key' && <Tag>{t(`customer.tierOption.${customer.tier ?? 'regular'}`)}</Tag>}
            {customer.credit && (
              <Tag>
                {t('customer.credit')} {customer.credit}
              </Tag>
            )}
          </Space>
        }
        extra={
          !customer.mergedInto && (
            <Space>
              <Button onClick={() => navigate(`/customers/${id}/edit`)}>{t('customer.edit')}</Button>
              <Button onClick={() => setMerging(true)}>{t('customer.mergeWith')}</Button>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('customer.phones')} span={3}>
            <Space wrap size={16}>
              {phones.map((p) => (
                <PhoneText key={p} customerId={customer.id} phone={p} canUnmask={canUnmask} />
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.gender')}>
            {customer.gender ? t(`customer.genderOption.${customer.gender}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.birthday')}>{customer.birthday ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customer.memberNo')}>{customer.memberNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customer.address')} span={2}>
            {customer.address ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.assignedClerk')}>
            {clerk ? `${clerk.staffNo} ${clerk.name}` : (customer.assignedClerk ?? t('customer.unassigned'))}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.tags')} span={2}>
            {(customer.tags ?? []).map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.source')}>{customer.source ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customer.needs')} span={3}>
            {customer.needs ? (
              <Typography.Text strong type="warning" data-testid="customer-needs">
                {customer.needs}
              </Typography.Text>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.notes')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{customer.notes ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('customer.openItems')} size="small" data-testid="open-items">
        {timeline.open.length ? (
          <CustomerTimelineList entries={timeline.open} staff={staff} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.nothingOpen')} />
        )}
      </Card>
      <Card title={t('customer.timeline')} size="small" data-testid="customer-timeline">
        <HistoryLoadingNote />
        {!customer.mergedInto && <NoteBox customerId={customer.id} />}
        <CustomerTimelineList entries={timeline.entries} staff={staff} />
        <CustomerRevisits customer={customer} />
      </Card>
      <MergeDialog open={merging} customerId={customer.id} onClose={() => setMerging(false)} />
    </Space>
  )
}

/** 添加备注: what the counter noticed (a preference, a call made) goes on the timeline. */
function NoteBox({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const data = useData()
  const [text, setText] = useState('')
  const saving = useAction({ failure: 'error.saveFailed' })
  const save = () =>
    saving.run(async (staff) => {
      await data.write.addCustomerNote(staff.staffNo, customerId, text)
      setText('')
    })
  return (
    <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
      <Input
        value={text}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => void save()}
        placeholder={t('customer.notePlaceholder')}
        aria-label={t('customer.addNote')}
      />
      <Button type="primary" loading={saving.busy} disabled={!text.trim()} onClick={() => void save()}>
        {t('customer.addNote')}
      </Button>
    </Space.Compact>
  )
}
