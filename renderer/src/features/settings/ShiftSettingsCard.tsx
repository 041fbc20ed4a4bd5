import { useEffect, useState } from 'react'
import { Button, Card, Input, Space, Table, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { nanoid } from 'nanoid'
import { shiftListSchema, type ShiftDef } from '@shared/domain/shifts'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { useStoredDraft } from '@/ui/storedDraft'
import { ChangedElsewhereNote } from './ChangedElsewhereNote'

/** 班次: the store's shifts (handbook defaults 白班 / 白班(9-18) / 晚班); the manager edits them. */
export function ShiftSettingsCard() {
  const data = useData()
  const stored = useLiveQuery(() => data.read.getShifts(), [data])
  // A save here or on another PC starts the editor afresh, unless it holds unsaved edits.
  const draft = useStoredDraft(stored)
  return draft.base ? (
    <>
      <ChangedElsewhereNote draft={draft} />
      <ShiftEditor key={draft.key} stored={draft.base} onEdit={draft.edited} />
    </>
  ) : null
}

function ShiftEditor({ stored, onEdit }: { stored: ShiftDef[]; onEdit: (rows: ShiftDef[]) => void }) {
  const { t } = useTranslation()
  const data = useData()
  const me = useSession((s) => s.staff)
  const [rows, setRows] = useState<ShiftDef[]>(stored)
  useEffect(() => onEdit(rows), [rows, onEdit])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const saving = useAction()
  const canManage = me?.role === 'manager'
  const edit = (id: string, patch: Partial<ShiftDef>) =>
    setRows((list) => list.map((s) => (s.id === id ? { ...s, ...patch } : s)))

  async function save(): Promise<void> {
    const parsed = shiftListSchema.safeParse(rows)
    if (!parsed.success) {
      // Per row and field where the message belongs to one; list-wide messages under the table.
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((i) => [
            i.path.length >= 2 ? `${rows[Number(i.path[0])]?.id}.${String(i.path[1])}` : 'list',
            i.message
          ])
        )
      )
      return
    }
    setErrors({})
    await saving.run((at) => data.write.saveShifts(at.staffNo, parsed.data), 'handover.shiftsSaved')
  }

  const cell = (s: ShiftDef, field: 'name' | 'start' | 'end', width: number) => {
    const error = errors[`${s.id}.${field}`]
    return (
      <div>
        <Input
          value={s[field]}
          disabled={!canManage}
          style={{ width }}
          status={error ? 'error' : undefined}
          placeholder={field === 'name' ? '' : 'HH:mm'}
          onChange={(e) => edit(s.id, { [field]: e.target.value })}
          aria-label={t(`handover.shift${field === 'name' ? 'Name' : field === 'start' ? 'Start' : 'End'}`)}
        />
        {error && (
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
            {t(error)}
          </Typography.Text>
        )}
      </div>
    )
  }

  return (
    <Card title={t('handover.shiftsTitle')} data-testid="shift-settings">
      <Typography.Paragraph type="secondary">{t('handover.shiftsHint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('handover.shiftName'), key: 'name', render: (_, s) => cell(s, 'name', 160) },
          { title: t('handover.shiftStart'), key: 'start', render: (_, s) => cell(s, 'start', 90) },
          { title: t('handover.shiftEnd'), key: 'end', render: (_, s) => cell(s, 'end', 90) },
          {
            title: '',
            key: 'rm',
            width: 48,
            render: (_, s) =>
              canManage && (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('action.remove')}
                  onClick={() => setRows((list) => list.filter((x) => x.id !== s.id))}
                />
              )
          }
        ]}
      />
      {errors.list && <Typography.Text type="danger">{t(errors.list)}</Typography.Text>}
      {canManage && (
        <Space style={{ marginTop: 12 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRows((list) => [...list, { id: nanoid(8), name: '', start: '', end: '' }])}
          >
            {t('handover.addShift')}
          </Button>
          <Button type="primary" onClick={() => void save()} data-testid="save-shifts">
            {t('action.save')}
          </Button>
        </Space>
      )}
    </Card>
  )
}
