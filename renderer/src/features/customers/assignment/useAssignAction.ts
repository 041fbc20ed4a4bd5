import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Actor } from '@shared/domain/workflow'
import { useAction } from '@/ui/useAction'

type Run = (
  actor: Actor,
  onProgress: (done: number, total: number) => void
) => Promise<Record<string, number>>

/** Runs an assignment for the manager at the desk: progress while it writes, then the outcome.
 *  A refusal or failure writes nothing (one transaction) and leaves the choices as they were. */
export function useAssignAction(successKey: string, onDone: () => void) {
  const { t } = useTranslation()
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const action = useAction()
  const run = (work: Run) =>
    action.run(
      async (staff) => {
        try {
          const perClerk = await work({ staffNo: staff.staffNo, role: staff.role }, (done, total) =>
            setProgress({ done, total })
          )
          onDone()
          return Object.values(perClerk).reduce((a, b) => a + b, 0)
        } finally {
          setProgress(null)
        }
      },
      (count) => t(successKey, { count })
    )
  return {
    run,
    busy: action.busy,
    progressText: progress ? t('customerMerge.assign.working', progress) : null
  }
}
