import type { TFunction } from 'i18next'
import dayjs from 'dayjs'
import type { RevisitRule } from '@shared/domain/revisit'
import type { Stored } from '@/db'
import type { RevisitTask } from '@shared/domain/revisit'

/** "Why" a task is there: the complaint number (or campaign name) after the rule's label. */
export function taskReason(
  t: TFunction,
  task: Pick<Stored<RevisitTask>, 'rule' | 'sourceNo' | 'campaign'>
): string {
  const rule = t(`revisit.rule.${task.rule}` as const)
  const detail = task.campaign?.name || task.sourceNo
  return detail ? t('pattern.labelValue', { label: rule, value: detail }) : rule
}

export function ruleLabel(t: TFunction, rule: RevisitRule): string {
  return t(`revisit.rule.${rule}` as const)
}

export function dateTime(t: TFunction, ms: number): string {
  return dayjs(ms).format(t('pattern.monthDayTime'))
}
