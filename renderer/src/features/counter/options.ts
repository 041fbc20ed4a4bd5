import type { TFunction } from 'i18next'
import { CONSULT_CHANNELS, CONSULT_OUTCOMES, CONSULT_TOPICS } from '@shared/domain/counter/consultation'
import { PROBLEM_DECISIONS, PROBLEM_KINDS, PROBLEM_STATUSES } from '@shared/domain/counter/problem'

/** Select/radio options of the counter log, labelled from the catalogue. */
export function counterOptions(t: TFunction) {
  return {
    channel: CONSULT_CHANNELS.map((v) => ({ value: v, label: t(`counter.channelOption.${v}`) })),
    topic: CONSULT_TOPICS.map((v) => ({ value: v, label: t(`counter.topicOption.${v}`) })),
    outcome: CONSULT_OUTCOMES.map((v) => ({ value: v, label: t(`counter.outcomeOption.${v}`) })),
    kind: PROBLEM_KINDS.map((v) => ({ value: v, label: t(`counter.problem.kindOption.${v}`) })),
    status: PROBLEM_STATUSES.map((v) => ({ value: v, label: t(`counter.problem.statusOption.${v}`) })),
    decision: PROBLEM_DECISIONS.map((v) => ({ value: v, label: t(`counter.problem.statusOption.${v}`) }))
  }
}
