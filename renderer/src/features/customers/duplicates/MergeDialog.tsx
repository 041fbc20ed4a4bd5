import type { TimelineEvent } from '../../../db'

/** Merge two archives (placeholder until merge lands). */
export function MergeDialog(_props: { open: boolean; customerId: string; onClose: () => void }) {
  return null
}

/** A merge step on the timeline, readably (placeholder until merge lands). */
export function MergeExplanation(_props: { event: TimelineEvent }) {
  return null
}
