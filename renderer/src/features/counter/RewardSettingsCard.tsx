import { Button, Card, Form, Input, Typography } from 'antd'
import { Controller, useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { z } from 'zod'
import {
  PROBLEM_KINDS,
  mayDecideProblems,
  rewardRulesFormSchema,
  type RewardRules
} from '@shared/domain/counter/problem'
import { useData, useSession } from '@/app/session'
import { useAction } from '@/ui/useAction'
import { fieldId } from '@/ui/FormField'

type Values = z.input<typeof rewardRulesFormSchema>
// A declined problem earns nothing whatever is stored (rewardFor), so only these are asked.
const PAID = ['handled', 'adopted'] as const

/** 系统设置 → 问题登记奖励: yuan per problem kind and decision. Fixed on a problem when it is decided,
 *  so a change applies to decisions from now on. Those who decide rewards change it. */
export function RewardSettingsCard() {
  const data = useData()
  const rules = useLiveQuery(() => data.read.getRewardRules(), [data])
  return rules ? <RewardForm key={JSON.stringify(rules)} rules={rules} /> : null
}

function RewardForm({ rules }: { rules: RewardRules }) {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const canEdit = mayDecideProblems(staff?.role)
  const form = useForm<Values, unknown, RewardRules>({
    resolver: zodResolver(rewardRulesFormSchema),
    defaultValues: asText(rules)
  })
  const saving = useAction()
  const save = form.handleSubmit((v) =>
    saving.run((s) => data.write.saveRewardRules(s.staffNo, v), 'settings.saved')
  )
  const errors = form.formState.errors

  return (
    <Card title={t('counter.rewardRules.title')} data-testid="reward-settings">
      <Typography.Paragraph type="secondary">{t('counter.rewardRules.note')}</Typography.Paragraph>
      {/* a grid: a row per kind, a column per decision; each box named by both (its aria-label) */}
      <Form component="div">
        <div style={{ display: 'grid', gridTemplateColumns: '140px 160px 160px', columnGap: 16 }}>
          <span />
          {PAID.map((decision) => (
            <Typography.Text key={decision} strong style={{ marginBottom: 8 }}>
              {t(`counter.problem.statusOption.${decision}`)}
            </Typography.Text>
          ))}
          {PROBLEM_KINDS.map((kind) => [
            <Typography.Text key={kind} style={{ lineHeight: '32px' }}>
              {t(`counter.problem.kindOption.${kind}`)}
            </Typography.Text>,
            ...PAID.map((decision) => {
              const id = `reward-${kind}-${decision}`
              const message = errors[kind]?.[decision]?.message
              return (
                <Form.Item
                  key={id}
                  validateStatus={message ? 'error' : undefined}
                  help={message ? <span data-testid={`error-${id}`}>{t(message)}</span> : undefined}
                  style={{ marginBottom: 12 }}
                >
                  <Controller
                    name={`${kind}.${decision}`}
                    control={form.control}
                    render={({ field }) => (
                      <Input
                        id={fieldId(id)}
                        aria-label={t('counter.rewardRules.amount', {
                          kind: t(`counter.problem.kindOption.${kind}`),
                          decision: t(`counter.problem.statusOption.${decision}`)
                        })}
                        disabled={!canEdit}
                        value={field.value}
                        onChange={field.onChange}
                        suffix={t('counter.rewardRules.yuan')}
                      />
                    )}
                  />
                </Form.Item>
              )
            })
          ])}
        </div>
      </Form>
      {canEdit ? (
        <Button type="primary" loading={saving.busy} onClick={() => void save()} style={{ marginTop: 12 }}>
          {t('action.save')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('counter.problem.onlyDeciders')}</Typography.Text>
      )}
    </Card>
  )
}

function asText(rules: RewardRules): Values {
  return Object.fromEntries(
    PROBLEM_KINDS.map((k) => [
      k,
      { handled: String(rules[k].handled), adopted: String(rules[k].adopted), declined: '0' }
    ])
  ) as Values
}
