import { Fragment, useEffect, useState } from 'react'
import { Button, Input, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import { applySuggestion, checkWording, type WordingHit } from '@shared/domain/wording'
import { fillTemplate } from '@shared/domain/cannedReplies'
import { matchReplies } from '@shared/domain/counter/replySearch'
import { useData, useSession } from '@/app/session'

type Initials = (text: string) => string

/** pinyin-pro loads in its own chunk (like customer search); until then keywords alone match. */
function useInitials(): Initials | null {
  const [fn, setFn] = useState<{ initials: Initials } | null>(null)
  useEffect(() => {
    let live = true
    void import('@shared/domain/customerSearch').then((m) => live && setFn({ initials: m.pinyinInitials }))
    return () => {
      live = false
    }
  }, [])
  return fn?.initials ?? null
}

/** 答复内容: the store's 标准用语 (found by keyword or pinyin initials) inserted with placeholders filled,
 *  and the positive-wording check as typed, each hit with its suggestion one click away. */
export function AnswerField({
  id,
  value,
  onChange,
  customerName
}: {
  id: string
  value: string
  onChange: (v: string) => void
  customerName: string
}) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const rules = useLiveQuery(() => data.read.getWordingRules(), [data])
  const replies = useLiveQuery(() => data.read.getCannedReplies(), [data]) ?? []
  const storeName = useLiveQuery(() => data.read.getStoreName(), [data]) ?? ''
  const initials = useInitials()
  const [query, setQuery] = useState('')
  const hits = rules ? checkWording(value, rules) : []
  const found = matchReplies(replies, query, initials ?? (() => ''))

  const insert = (replyId: string) => {
    const reply = replies.find((r) => r.id === replyId)
    if (!reply) return
    const text = fillTemplate(reply.text, {
      客户姓名: customerName,
      门店名称: storeName,
      客服工号: staff?.staffNo ?? '',
      今天: dayjs(data.now()).format('YYYY-MM-DD')
    })
    onChange(value ? `${value}${text}` : text)
    setQuery('')
  }

  return (
    <div>
      <Input.TextArea
        id={id}
        data-field="answer"
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        status={hits.length ? 'warning' : undefined}
      />
      <Select
        size="small"
        style={{ width: 300, marginTop: 6 }}
        placeholder={t('counter.reply.insert')}
        aria-label={t('counter.reply.search')}
        showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
        value={null}
        onChange={(v: string) => insert(v)}
        options={found.map((r) => ({ value: r.id, label: r.title }))}
        data-testid="consultation-replies"
      />
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
          <Space orientation="vertical" size={4}>
            {hits.map((hit) => (
              <Space key={hit.start} size={6} wrap>
                <Typography.Text delete>{value.slice(hit.start, hit.end)}</Typography.Text>
                <span aria-hidden>→</span>
                <Button size="small" type="dashed" onClick={() => onChange(applySuggestion(value, hit))}>
                  {t('wording.useSuggestion', { suggestion: hit.suggestion })}
                </Button>
              </Space>
            ))}
          </Space>
        </div>
      )}
    </div>
  )
}

function underline(text: string, hits: WordingHit[]) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const hit of hits) {
    parts.push(<Fragment key={`t${at}`}>{text.slice(at, hit.start)}</Fragment>)
    parts.push(
      <span
        key={`h${hit.start}`}
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
