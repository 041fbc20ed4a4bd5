import { Fragment } from 'react'
import { Button, Input, Select, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import type { Complaint } from '@shared/domain/complaint'
import { applySuggestion, checkWording, type WordingHit } from '@shared/domain/wording'
import { fillTemplate } from '@shared/domain/cannedReplies'
import { useData, useSession } from '@/app/session'

/** Text written to the customer: checked as typed against the handbook's forbidden phrases, each hit
 *  underlined. A phrase that can be swapped safely has its alternative one click away; a negation
 *  (我不能, 不行…) is marked 需改写 with the handbook's wording as a suggestion and no button, since a
 *  swap would reverse the sentence (shared/domain/wording.ts rule 14). 标准用语 insert with placeholders filled. */
export function CustomerTextArea({
  id,
  value,
  onChange,
  complaint
}: {
  id: string
  value: string
  onChange: (v: string) => void
  complaint: Complaint
}) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const rules = useLiveQuery(() => data.read.getWordingRules(), [data])
  const replies = useLiveQuery(() => data.read.getCannedReplies(), [data]) ?? []
  const storeName = useLiveQuery(() => data.read.getStoreName(), [data]) ?? ''
  const hits = rules ? checkWording(value, rules) : []

  const insert = (replyId: string) => {
    const reply = replies.find((r) => r.id === replyId)
    if (!reply) return
    const text = fillTemplate(reply.text, {
      客户姓名: complaint.customerName,
      投诉编号: complaint.no,
      门店名称: storeName,
      客服工号: staff?.staffNo ?? '',
      今天: dayjs(data.now()).format('YYYY-MM-DD')
    })
    onChange(value ? `${value}${text}` : text)
  }

  return (
    <div>
      <Input.TextArea
        id={id}
        rows={4}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={2000}
        status={hits.length ? 'warning' : undefined}
      />
      <Space style={{ marginTop: 6 }} wrap>
        <Select
          size="small"
          style={{ width: 220 }}
          placeholder={t('wording.insertReply')}
          showSearch={{ optionFilterProp: 'label' }}
          value={null}
          onChange={(v: string) => insert(v)}
          options={replies.map((r) => ({ value: r.id, label: r.title }))}
          data-testid="canned-replies"
        />
      </Space>
      {hits.length > 0 && (
        <div
          data-testid="wording-hits"
          style={{
            marginTop: 8,
            padding: 8,
            background: '#fffbe6',
            border: '1px solid #ffe58f',
            borderRadius: 4
          }}
        >
          <Typography.Text type="warning">{t('wording.found', { count: hits.length })}</Typography.Text>
          <div style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}>{underline(value, hits)}</div>
          <Space direction="vertical" size={4}>
            {hits.map((hit) =>
              hit.fix === 'replace' ? (
                <Space key={hit.start} size={6} wrap data-testid="wording-replace">
                  <Typography.Text delete>{value.slice(hit.start, hit.end)}</Typography.Text>
                  <span aria-hidden>→</span>
                  <Button size="small" type="dashed" onClick={() => onChange(applySuggestion(value, hit))}>
                    {t('wording.useSuggestion', { suggestion: hit.suggestion })}
                  </Button>
                </Space>
              ) : (
                <Space key={hit.start} size={6} wrap align="start" data-testid="wording-rewrite">
                  <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                    {t('wording.rewriteTag')}
                  </Tag>
                  <Typography.Text strong>{value.slice(hit.start, hit.end)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('wording.rewrite', { suggestion: hit.suggestion })}
                  </Typography.Text>
                </Space>
              )
            )}
          </Space>
        </div>
      )}
    </div>
  )
}

/** The text with every hit underlined (wavy red), for the clerk to see where the problem is. */
function underline(text: string, hits: WordingHit[]) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const hit of hits) {
    parts.push(<Fragment key={`t${at}`}>{text.slice(at, hit.start)}</Fragment>)
    parts.push(
      <span
        key={`h${hit.start}`}
        className="wording-hit"
        style={{ textDecoration: 'underline wavy #cf1322', textUnderlineOffset: 3 }}
      >
        {text.slice(hit.start, hit.end)}
      </span>
    )
    at = hit.end
  }
  parts.push(<Fragment key="end">{text.slice(at)}</Fragment>)
  return parts
}
