import { Steps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { fillScript, type RevisitScript, type ScriptPlaceholder } from '@shared/domain/revisit'
import type { Satisfaction } from '@shared/domain/complaint'

/** The 回访话术 on screen, filled in: opening → question → the branch the answer picks → its closing.
 *  Until the customer has answered, both branches are shown so the clerk can read ahead. */
export function ScriptView({
  script,
  values,
  satisfaction
}: {
  script: RevisitScript
  values: Partial<Record<ScriptPlaceholder, string>>
  satisfaction: Satisfaction | undefined
}) {
  const { t } = useTranslation()
  const fill = (text: string) => fillScript(text, values)
  const satisfied = satisfaction === 'satisfied'
  const other = satisfaction === 'neutral' || satisfaction === 'unsatisfied'
  const line = (title: string, text: string, testId: string) => ({
    title,
    content: (
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid={testId}>
        {fill(text)}
      </Typography.Paragraph>
    )
  })
  const items = [
    line(t('revisit.call.opening'), script.opening, 'script-opening'),
    line(t('revisit.call.question'), script.question, 'script-question'),
    ...(satisfied || !other
      ? [line(t('revisit.call.satisfiedAsk'), script.satisfied.ask, 'script-satisfied-ask')]
      : []),
    ...(other || !satisfied ? [line(t('revisit.call.otherAsk'), script.other.ask, 'script-other-ask')] : []),
    ...(satisfied ? [line(t('revisit.call.closing'), script.satisfied.closing, 'script-closing')] : []),
    ...(other ? [line(t('revisit.call.closing'), script.other.closing, 'script-closing')] : [])
  ]
  return (
    <section aria-label={t('revisit.call.script')}>
      <Typography.Text type="secondary">
        {t('revisit.call.script')} · {t('revisit.call.scriptVersion', { version: script.version })}
      </Typography.Text>
      <Steps
        orientation="vertical"
        size="small"
        current={satisfaction ? items.length - 1 : 1}
        items={items}
      />
    </section>
  )
}
