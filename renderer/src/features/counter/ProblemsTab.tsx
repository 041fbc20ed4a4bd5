import { useState } from 'react'
import { Button, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import dayjs from 'dayjs'
import {
  mayDecideProblems,
  rewardFor,
  type ProblemDecision,
  type ProblemStatus
} from '@shared/domain/counter/problem'
import { formatYuan } from '@shared/domain/money'
import { CounterRefusedError, type ProblemFilter, type StoredProblem } from '@/db'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { COUNTER_KEYS, useCounterDialogs } from './counterDialogs'
import { counterOptions } from './options'

/** 问题登记: 登记问题 (F3) and the log; 待处理 first for the 值班长 / 客服经理 who decide them. */
export function ProblemsTab() {
  const { t } = useTranslation()
  const data = useData()
  const show = useCounterDialogs((s) => s.show)
  const staff = useSession((s) => s.staff)
  const [filter, setFilter] = useState<ProblemFilter>({ status: 'open' })
  const rows = useLiveQuery(() => data.read.listProblems(filter), [data, filter])
  const [deciding, setDeciding] = useState<StoredProblem | null>(null)
  const options = counterOptions(t)
  const decider = mayDecideProblems(staff?.role)

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => show('problem')}>
          {t('counter.newProblem')} <Tag style={{ marginInlineStart: 6 }}>{COUNTER_KEYS.problem}</Tag>
        </Button>
        <div role="radiogroup" aria-label={t('counter.problem.status')}>
          <Radio.Group
            optionType="button"
            size="small"
            value={filter.status ?? ''}
            onChange={(e) =>
              setFilter((f) => ({ ...f, status: (e.target.value || undefined) as ProblemStatus }))
            }
            options={[{ value: '', label: t('counter.problem.allStatuses') }, ...options.status]}
          />
        </div>
        <Select
          aria-label={t('counter.problem.kind')}
          style={{ width: 150 }}
          value={filter.kind ?? ''}
          onChange={(v: string) =>
            setFilter((f) => ({ ...f, kind: (v || undefined) as ProblemFilter['kind'] }))
          }
          options={[{ value: '', label: t('counter.list.allTopics') }, ...options.kind]}
        />
      </Space>
      <Table<StoredProblem>
        data-testid="problems-table"
        size="small"
        rowKey="id"
        virtual
        scroll={{ x: 1100, y: 460 }}
        loading={rows === undefined}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('counter.problem.empty') }}
        columns={[
          {
            title: t('counter.createdAt'),
            dataIndex: 'createdAt',
            width: 110,
            render: (v: number) => dayjs(v).format(t('pattern.monthDayTime'))
          },
          { title: t('counter.problem.loggedBy'), dataIndex: 'staffNo', width: 80 },
          {
            title: t('counter.problem.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (v: string) => t(`counter.problem.kindOption.${v}`)
          },
          { title: t('counter.problem.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('counter.problem.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: string) => (
              <Tag color={v === 'open' ? 'gold' : v === 'adopted' ? 'green' : undefined}>
                {t(`counter.problem.statusOption.${v}`)}
              </Tag>
            )
          },
          {
            title: t('counter.problem.reward'),
            dataIndex: 'reward',
            width: 90,
            render: (v: number | null) =>
              v ? t('counter.problem.rewardValue', { amount: formatYuan(v) }) : ''
          },
          {
            title: t('counter.problem.decisionNote'),
            width: 200,
            render: (_, p) =>
              p.decidedBy
                ? `${p.decidedBy}${p.decisionNote ? t('pattern.listSeparator') + p.decisionNote : ''}`
                : ''
          },
          {
            title: t('returns.actions'),
            width: 90,
            render: (_, p) =>
              p.status === 'open' && (
                <Button
                  size="small"
                  disabled={!decider}
                  title={decider ? undefined : t('counter.problem.onlyDeciders')}
                  onClick={() => setDeciding(p)}
                >
                  {t('counter.problem.decide')}
                </Button>
              )
          }
        ]}
      />
      {deciding && <DecideDialog problem={deciding} onClose={() => setDeciding(null)} />}
    </Space>
  )
}

function DecideDialog({ problem, onClose }: { problem: StoredProblem; onClose: () => void }) {
  const { t } = useTranslation()
  const data = useData()
  const rules = useLiveQuery(() => data.read.getRewardRules(), [data])
  const [decision, setDecision] = useState<ProblemDecision>(
    problem.kind === 'suggestion' ? 'adopted' : 'handled'
  )
  const [note, setNote] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const action = useAction({
    failure: 'error.saveFailed',
    toField: (e) => {
      if (!(e instanceof CounterRefusedError)) return false
      setRefusal(e.message)
      return true
    }
  })
  const reward = rules ? rewardFor(problem.kind, decision, rules) : 0
  const save = () =>
    void action.run(async (s) => {
      await data.write.decideProblem(s.staffNo, problem.id, { decision, note: note.trim() })
      onClose()
    }, 'counter.problem.decided')
  const label = t('counter.problem.decision')
  return (
    <Modal open title={t('counter.problem.decide')} onCancel={onClose} onOk={save} okText={t('action.save')}>
      <Typography.Paragraph>{problem.description}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item
          label={label}
          validateStatus={refusal ? 'error' : undefined}
          help={refusal ? <span data-testid="error-decision">{t(refusal)}</span> : undefined}
        >
          <div role="radiogroup" aria-label={label}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              value={decision}
              onChange={(e) => setDecision(e.target.value as ProblemDecision)}
              options={counterOptions(t).decision}
            />
          </div>
        </Form.Item>
        <Typography.Text type={reward ? 'success' : 'secondary'} data-testid="reward-preview">
          {t('counter.problem.rewardPreview', { amount: formatYuan(reward) })}
        </Typography.Text>
        <Form.Item
          label={t('counter.problem.decisionNote')}
          htmlFor="decision-note"
          style={{ marginTop: 12 }}
        >
          <Input.TextArea
            id="decision-note"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
