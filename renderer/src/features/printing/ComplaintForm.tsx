import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import type { Complaint } from '@shared/domain/complaint'
import type { Staff } from '@shared/domain/staff'
import { maskPhone } from '@shared/domain/phone'
import { PairRow, SectionRow, SignatureCell, WideRow } from './formRows'

const TIME = 'YYYY-MM-DD HH:mm'

export interface ComplaintFormProps {
  complaint: Complaint
  storeName: string
  people: readonly Staff[]
  printedAt: number
  /** 工号 + name of whoever prints it (traceability); empty if nobody is at the desk */
  printedBy: string
}

/** 顾客投诉登记表 on A4, for the customer to sign (docs/design.md §3.1, §3.7). The phone is always masked:
 *  a printout leaves the store's control (客户信息不得泄露). */
export function ComplaintForm({ complaint: c, storeName, people, printedAt, printedBy }: ComplaintFormProps) {
  const { t } = useTranslation()
  const who = (staffNo: string) =>
    `${staffNo} ${people.find((p) => p.staffNo === staffNo)?.name ?? ''}`.trim()
  const labelled = (label: string) => t('print.labelled', { label })
  const status = t(`complaint.statusOption.${c.status}`)

  const plan =
    c.plan &&
    [
      t(`workflow.resolution.${c.plan.resolution}`),
      c.plan.amount !== null ? t('workflow.yuan', { amount: c.plan.amount }) : '',
      c.plan.text,
      c.plan.approvedBy
        ? `${t('workflow.approvedBy')} ${who(c.plan.approvedBy)}`
        : t('workflow.pendingApproval')
    ]
      .filter(Boolean)
      .join(' · ')
  const result =
    c.result &&
    `${c.result.text} · ${labelled(t('workflow.field.accepted'))}${t(c.result.accepted ? 'workflow.yes' : 'workflow.no')}`
  const revisit =
    c.revisit &&
    [dayjs(c.revisit.at).format(TIME), t(`workflow.satisfaction.${c.revisit.satisfaction}`), c.revisit.notes]
      .filter(Boolean)
      .join(' · ')

  return (
    <article data-testid="complaint-print-form">
      <div className="print-store">{storeName}</div>
      <h1 className="print-title">{t('complaint.formTitle')}</h1>
      <div className="print-meta">
        {labelled(t('complaint.complaintNo'))}
        {c.no}
      </div>
      <table className="print-table">
        <colgroup>
          <col className="print-label-col" />
          <col />
          <col className="print-label-col" />
          <col />
        </colgroup>
        <tbody>
          <SectionRow title={t('print.section.intake')} />
          <PairRow
            cells={[
              t('complaint.receivedAt'),
              dayjs(c.receivedAt).format(TIME),
              t('complaint.channel'),
              t(`complaint.channelOption.${c.channel}`)
            ]}
          />
          <PairRow
            cells={[
              t('complaint.customerName'),
              c.customerName,
              t('complaint.customerPhone'),
              maskPhone(c.customerPhone)
            ]}
          />
          <PairRow cells={[t('complaint.orderNo'), c.orderNo, t('complaint.itemNo'), c.itemNo]} />
          <WideRow label={t('complaint.product')} value={c.product} />
          <PairRow
            cells={[t('complaint.quantity'), c.quantity ?? '', t('complaint.purchaseDate'), c.purchaseDate]}
          />
          <PairRow
            cells={[
              t('complaint.category'),
              t(`complaint.categoryOption.${c.category}`),
              t('complaint.urgency'),
              t(`complaint.urgencyOption.${c.urgency}`)
            ]}
          />
          <PairRow
            cells={[
              t('complaint.emotion'),
              t(`complaint.emotionOption.${c.emotion}`),
              t('complaint.firstResponder'),
              who(c.firstResponder)
            ]}
          />
          <WideRow label={t('complaint.content')} value={c.content} size="tall" />
          <WideRow label={t('complaint.demand')} value={c.demand} size="medium" />

          <SectionRow title={t('print.section.handling')} />
          {c.department ? (
            <PairRow cells={[t('complaint.status'), status, t('workflow.field.department'), c.department]} />
          ) : (
            <WideRow label={t('complaint.status')} value={status} />
          )}
          {plan && <WideRow label={t('workflow.plan')} value={plan} />}
          {result && <WideRow label={t('workflow.result')} value={result} />}
          {revisit && <WideRow label={t('workflow.revisit')} value={revisit} />}
          {c.explanation && <WideRow label={t('workflow.field.explanation')} value={c.explanation} />}

          <SectionRow title={t('print.section.signatures')} />
          <tr>
            <SignatureCell
              label={labelled(t('print.customerSignature'))}
              dateLabel={labelled(t('print.signDate'))}
              datePlaceholder={t('print.datePlaceholder')}
            />
            <SignatureCell
              label={labelled(t('print.clerkSignature'))}
              dateLabel={labelled(t('print.signDate'))}
              datePlaceholder={t('print.datePlaceholder')}
            />
          </tr>
        </tbody>
      </table>
      <footer className="print-footer">
        <span>
          {labelled(t('print.printedAt'))}
          {dayjs(printedAt).format(TIME)}
          {printedBy && `　${labelled(t('print.printedBy'))}${printedBy}`}
        </span>
        <span>
          {storeName} · {c.no}
        </span>
      </footer>
    </article>
  )
}
