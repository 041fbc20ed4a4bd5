import { useEffect, useState } from 'react'
import { App, Button, Card, Input, Space, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'

/** A store-editable list of two-text-field rows (禁用语 → 建议用语, 标题 → 标准用语), validated by a shared zod schema. */
export function EditableListCard<Row extends object>(props: {
  title: string
  rows: Row[]
  columns: { key: keyof Row & string; label: string; wide?: boolean }[]
  schema: z.ZodType<Row[]>
  blank: () => Row
  canEdit: boolean
  onSave: (rows: Row[]) => Promise<void>
  /** called with the rows on every change */
  onEdit: (rows: Row[]) => void
  testId: string
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [rows, setRows] = useState(props.rows)
  const { onEdit } = props
  useEffect(() => onEdit(rows), [rows, onEdit])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = async () => {
    const parsed = props.schema.safeParse(rows)
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])))
      message.warning(t('validation.fixErrors'))
      return
    }
    setErrors({})
    await props.onSave(parsed.data)
    message.success(t('settings.saved'))
  }
  const set = (index: number, key: string, value: string) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, [key]: value } : r)))
  return (
    <Card title={props.title} data-testid={props.testId}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {rows.map((row, index) => (
          <Space key={index} align="start" wrap>
            {props.columns.map((c) => {
              const error = errors[`${index}.${c.key}`]
              return (
                <div key={c.key}>
                  <Input
                    aria-label={`${c.label} ${index + 1}`}
                    placeholder={c.label}
                    style={{ width: c.wide ? 460 : 180 }}
                    status={error ? 'error' : undefined}
                    disabled={!props.canEdit}
                    value={String((row as Record<string, unknown>)[c.key] ?? '')}
                    onChange={(e) => set(index, c.key, e.target.value)}
                  />
                  {error && (
                    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                      {t(error)}
                    </Typography.Text>
                  )}
                </div>
              )
            })}
            {props.canEdit && (
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('action.remove')}
                onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
              />
            )}
          </Space>
        ))}
        {errors[''] && <Typography.Text type="danger">{t(errors[''])}</Typography.Text>}
        {props.canEdit && (
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => setRows((all) => [...all, props.blank()])}>
              {t('action.add')}
            </Button>
            <Button type="primary" onClick={() => void save()}>
              {t('action.save')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  )
}
