import { useState } from 'react'
import { Button, Card, Checkbox, DatePicker, Form, Input, List, Space, Tag, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { Dayjs } from 'dayjs'
import {
  handoverItemSchema,
  isItemOverdue,
  type HandoverItem,
  type HandoverItemInput,
  type HandoverSection
} from '@shared/domain/handover'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { CustomerPicker } from '@/features/customers/CustomerPicker'
import { formatWhen, shownPhone } from './format'

const EMPTY: HandoverItemInput = {
  section: 'urgent',
  text: '',
  customerId: null,
  customerName: '',
  customerPhone: '',
  dueAt: null
}

/** One of the outgoing clerk's three free sections: 移交客户, 紧急事项 or 待联系潜在客户.
 *  Items can be added, ticked off or removed while the note is editable; unfinished ones carry over. */
export function ItemsSection({
  handoverId,
  section,
  items,
  editable,
  unmasked
}: {
  handoverId: string
  section: HandoverSection
  items: HandoverItem[]
  editable: boolean
  unmasked: boolean
}) {
  const { t } = useTranslation()
  const data = useData()
  const action = useAction()
  const [draft, setDraft] = useState<HandoverItemInput>({ ...EMPTY, section })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [due, setDue] = useState<Dayjs | null>(null)
  const mine = items.filter((i) => i.section === section)
  const set = (patch: Partial<HandoverItemInput>) => setDraft((d) => ({ ...d, ...patch }))

  async function add(): Promise<void> {
    const input = { ...draft, dueAt: section === 'urgent' ? (due?.valueOf() ?? null) : null }
    const parsed = handoverItemSchema.safeParse(input)
    if (!parsed.success) {
      // What was typed stays; the messages go next to their fields.
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
      return
    }
    setErrors({})
    if (await action.run((staff) => data.write.addHandoverItem(staff.staffNo, handoverId, parsed.data))) {
      setDraft({ ...EMPTY, section })
      setDue(null)
    }
  }

  const fieldError = (name: string) =>
    errors[name] ? { validateStatus: 'error' as const, help: t(errors[name]) } : {}
  const sectionName = t(`handover.section.${section}`)
  // Each section has its own add form, so ids and names carry the section: getByLabel('紧急事项 到期时间').
  const idOf = (name: string) => `handover-${section}-${name}`
  const field = (name: string, label: string) => ({
    id: idOf(name),
    'aria-label': t('handover.fieldOf', { section: sectionName, field: label })
  })
  const itemName = (n: number, label: string) =>
    t('handover.rowField', { section: sectionName, n, field: label })

  return (
    <Card
      title={t('pattern.counted', { title: sectionName, count: mine.length })}
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`items-${section}`}
    >
      <List
        size="small"
        dataSource={mine}
        locale={{ emptyText: t('handover.none') }}
        renderItem={(item, index) => (
          <List.Item
            data-testid="handover-item"
            actions={
              editable
                ? [
                    <Button
                      key="rm"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={itemName(index + 1, t('handover.remove'))}
                      onClick={() =>
                        void action.run((staff) =>
                          data.write.removeHandoverItem(staff.staffNo, handoverId, item.id)
                        )
                      }
                    />
                  ]
                : []
            }
          >
            <Space align="start">
              <Checkbox
                checked={item.done}
                disabled={!editable}
                aria-label={itemName(index + 1, t('handover.markDone'))}
                onChange={(e) =>
                  void action.run((staff) =>
                    data.write.setHandoverItemDone(staff.staffNo, handoverId, item.id, e.target.checked)
                  )
                }
              />
              <div>
                <Typography.Text delete={item.done}>
                  {item.customerName && <strong>{item.customerName} </strong>}
                  {item.customerPhone && <span>{shownPhone(item.customerPhone, unmasked)} </span>}
                  {item.text}
                </Typography.Text>
                <div>
                  {item.dueAt !== null && (
                    <Tag>
                      {t('handover.dueAt')} {formatWhen(item.dueAt)}
                    </Tag>
                  )}
                  {isItemOverdue(item, data.now()) && <Tag color="red">{t('handover.mark.overdue')}</Tag>}
                  {item.done && <Tag color="green">{t('handover.mark.doneItem')}</Tag>}
                  {item.carried > 0 && (
                    <Tag color="purple">{t('handover.mark.carried', { count: item.carried })}</Tag>
                  )}
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
      {editable && (
        // No onFinish: Enter in the date picker confirms the time, it must not also add the item.
        <Form layout="vertical" style={{ marginTop: 8 }} component="div" data-testid={`add-${section}`}>
          {section !== 'urgent' && (
            <Space align="start" wrap>
              {section === 'customers' && (
                <Form.Item label={t('handover.pickCustomer')} htmlFor={idOf('picker')} style={{ width: 260 }}>
                  <CustomerPicker
                    id={idOf('picker')}
                    ariaLabel={t('handover.fieldOf', {
                      section: sectionName,
                      field: t('handover.pickCustomer')
                    })}
                    onPick={(c) => set({ customerId: c.id, customerName: c.name, customerPhone: c.phone })}
                  />
                </Form.Item>
              )}
              <Form.Item
                label={t('handover.customerName')}
                htmlFor={idOf('customerName')}
                {...fieldError('customerName')}
              >
                <Input
                  {...field('customerName', t('handover.customerName'))}
                  value={draft.customerName}
                  maxLength={40}
                  onChange={(e) => set({ customerName: e.target.value, customerId: null })}
                  data-testid="item-customer-name"
                />
              </Form.Item>
              <Form.Item
                label={t('handover.customerPhone')}
                htmlFor={idOf('customerPhone')}
                {...fieldError('customerPhone')}
              >
                <Input
                  {...field('customerPhone', t('handover.customerPhone'))}
                  value={draft.customerPhone}
                  maxLength={40}
                  onChange={(e) => set({ customerPhone: e.target.value, customerId: null })}
                  data-testid="item-customer-phone"
                />
              </Form.Item>
            </Space>
          )}
          <Space align="start" wrap style={{ width: '100%' }}>
            <Form.Item
              label={t(`handover.itemText.${section}`)}
              htmlFor={idOf('text')}
              // an urgent matter must say what to do; a customer item may be the customer alone
              required={section === 'urgent'}
              style={{ minWidth: 420 }}
              {...fieldError('text')}
            >
              <Input.TextArea
                {...field('text', t(`handover.itemText.${section}`))}
                value={draft.text}
                autoSize={{ minRows: 1, maxRows: 4 }}
                onChange={(e) => set({ text: e.target.value })}
                data-testid="item-text"
              />
            </Form.Item>
            {section === 'urgent' && (
              <Form.Item label={t('handover.dueAt')} htmlFor={idOf('due')} required {...fieldError('dueAt')}>
                <DatePicker
                  {...field('due', t('handover.dueAt'))}
                  placeholder={t('handover.duePlaceholder')}
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  value={due}
                  onChange={setDue}
                  data-testid="item-due"
                />
              </Form.Item>
            )}
            <Form.Item label=" ">
              <Button icon={<PlusOutlined />} onClick={() => void add()} data-testid="item-add">
                {t('handover.addItem')}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
    </Card>
  )
}
