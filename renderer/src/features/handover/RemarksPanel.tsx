import { useState } from 'react'
import { Button, Card, Input, List, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TimelineEvent } from '@/db'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { formatWhen } from './format'

/** Remarks appended to a submitted note: immutable events, never an edit of the note itself. */
export function RemarksPanel({ handoverId, events }: { handoverId: string; events: TimelineEvent[] }) {
  const { t } = useTranslation()
  const data = useData()
  const adding = useAction()
  const [text, setText] = useState('')
  const remarks = events.filter((e) => e.type === 'handoverRemark')

  const add = () =>
    adding.run(async (staff) => {
      await data.write.addHandoverRemark(staff.staffNo, handoverId, text)
      setText('')
    }, 'handover.remarkAdded')

  return (
    <Card
      title={t('handover.section.remarks')}
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="handover-remarks"
    >
      <List
        size="small"
        dataSource={remarks}
        locale={{ emptyText: t('handover.none') }}
        renderItem={(e) => (
          <List.Item>
            <Typography.Text type="secondary">
              {formatWhen(e.at)} {e.staffNo}
            </Typography.Text>
            <span style={{ flex: 1, marginLeft: 12, whiteSpace: 'pre-wrap' }}>
              {String(e.data.text ?? '')}
            </span>
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input
          value={text}
          maxLength={500}
          placeholder={t('handover.remarkPlaceholder')}
          aria-label={t('handover.section.remarks')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void add()}
          data-testid="remark-input"
        />
        <Button onClick={() => void add()} disabled={!text.trim()} data-testid="remark-add">
          {t('handover.addRemark')}
        </Button>
      </Space.Compact>
    </Card>
  )
}
