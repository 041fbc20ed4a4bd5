import { useState } from 'react'
import { Button, Col, Modal, Radio, Row, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLiveQuery } from 'dexie-react-hooks'
import { type ArchiveSummary, type Data } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useCanUnmask } from '../usePrivacy'
import { CustomerPicker } from '../CustomerPicker'
import { ArchiveCard } from './ArchiveCard'
import { MergePreview } from './MergePreview'

export { MergeExplanation } from './MergeExplanation'

type Props = { open: boolean; customerId?: string; otherId?: string; onClose: () => void }

/** 合并客户档案: the two archives side by side, 保留 picks the survivor, a preview of the merged profile
 *  and of where every differing value goes; 确认合并 merges and opens the survivor. `customerId` (and
 *  from 疑似重复, `otherId`) fix the sides; a missing side is found with the archive search. */
export function MergeDialog({ open, customerId, otherId, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      open={open}
      title={t('customerMerge.dialogTitle')}
      onCancel={onClose}
      footer={null}
      width={960}
      destroyOnHidden
    >
      {/* keyed by the sides given: another pair starts afresh */}
      {open && (
        <MergeBody
          key={`${customerId}|${otherId}`}
          customerId={customerId}
          otherId={otherId}
          onClose={onClose}
        />
      )}
    </Modal>
  )
}

function MergeBody({ customerId, otherId, onClose }: Omit<Props, 'open'>) {
  const { t } = useTranslation()
  const data = useData()
  const navigate = useNavigate()
  const canUnmask = useCanUnmask()
  const [ids, setIds] = useState<[string | undefined, string | undefined]>([customerId, otherId])
  const [survivorId, setSurvivorId] = useState<string | undefined>(customerId)
  const merging = useAction()
  const [firstId, secondId] = ids
  const sides = useLiveQuery(
    () => Promise.all([firstId, secondId].map((id) => (id ? summary(data, id) : null))),
    [data, firstId, secondId]
  )
  const [first, second] = sides ?? [null, null]
  const keep = survivorId ?? first?.customer.id
  const [survivor, other] =
    first && second ? (keep === second.customer.id ? [second, first] : [first, second]) : [null, null]

  // A refusal leaves the dialog as it was: nothing was written, the choice can be corrected and tried again.
  const confirm = () =>
    survivor &&
    other &&
    merging.run(
      async (staff) => {
        const kept = await data.write.mergeCustomers(staff.staffNo, survivor.customer.id, other.customer.id)
        onClose()
        navigate(`/customers/${kept.id}`)
        return kept
      },
      (kept) => t('customerMerge.merged', { name: kept.name })
    )

  const side = (index: 0 | 1) => {
    const s = sides?.[index]
    const fixed = index === 0 ? customerId : otherId
    if (!s)
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            {t(index === 0 ? 'customerMerge.pickFirst' : 'customerMerge.pickOther')}
          </Typography.Text>
          <CustomerPicker
            autoFocus
            exclude={ids[index === 0 ? 1 : 0]}
            onPick={({ id }) => setIds((x) => (index === 0 ? [id, x[1]] : [x[0], id]))}
            testIds={{ input: 'merge-picker', option: 'merge-picker-option' }}
          />
        </Space>
      )
    const isKept = keep === s.customer.id
    return (
      <ArchiveCard
        summary={s}
        canUnmask={canUnmask}
        testId={`merge-side-${index}`}
        extra={
          <Space>
            <Radio
              checked={isKept}
              onChange={() => setSurvivorId(s.customer.id)}
              data-testid={`keep-${index}`}
            >
              {t('customerMerge.keep')}
            </Radio>
            {!isKept && <Typography.Text type="warning">{t('customerMerge.willRetire')}</Typography.Text>}
            {!fixed && (
              <Button
                size="small"
                type="link"
                onClick={() => setIds((x) => (index === 0 ? [undefined, x[1]] : [x[0], undefined]))}
              >
                {t('customerMerge.change')}
              </Button>
            )}
          </Space>
        }
      />
    )
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('customerMerge.keepHint')}</Typography.Text>
      <Row gutter={12}>
        <Col span={12}>{side(0)}</Col>
        <Col span={12}>{side(1)}</Col>
      </Row>
      {survivor && other && (
        <MergePreview
          survivor={survivor.customer}
          other={other.customer}
          moved={{ complaints: other.complaints, returns: other.returns }}
          canUnmask={canUnmask}
        />
      )}
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button
          type="primary"
          danger
          loading={merging.busy}
          disabled={!survivor || !other}
          onClick={() => void confirm()}
        >
          {t('customerMerge.confirm')}
        </Button>
      </Space>
    </Space>
  )
}

/** An archive with the history a merge would move; null when it is missing or already merged away. */
async function summary(data: Data, id: string): Promise<ArchiveSummary | null> {
  const customer = await data.read.getCustomer(id)
  if (!customer || customer._deleted || customer.mergedInto) return null
  return { customer, ...(await data.read.linkedRecordCounts(id)) }
}
