import { useState } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Actor } from '@shared/domain/workflow'
import { useSession } from '@/app/session'
import { mergeErrorText } from '../duplicates/mergeText'

type Run = (
  actor: Actor,
  onProgress: (done: number, total: number) => void
) => Promise<Record<string, number>>

/** Runs an assignment for the manager at the desk: progress while it writes, then the outcome.
 *  A refusal or failure writes nothing (one transaction) and leaves the choices as they were. */
export function useAssignAction(successKey: string, onDone: () => void) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const staff = useSession((s) => s.staff)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (work: Run) => {
    if (!staff) return void message.warning(t('staff.mustPick'))
    setBusy(true)
    try {
      const perClerk = await work({ staffNo: staff.staffNo, role: staff.role }, (done, total) =>
        setProgress({ done, total })
      )
      message.success(t(successKey, { count: Object.values(perClerk).reduce((a, b) => a + b, 0) }))
      onDone()
    } catch (e) {
      message.error(mergeErrorText(e, t))
    } finally {
      setBusy(false)
      setProgress(null)
    }
  }
  return { run, busy, progressText: progress ? t('customerMerge.assign.working', progress) : null }
}
