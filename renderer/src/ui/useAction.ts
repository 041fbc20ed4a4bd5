import { useRef, useState } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Staff } from '@shared/domain/staff'
import { useSession } from '@/app/session'
import { createActionRunner, type ActionOptions, type ActionRunner, type Success } from './action'

export interface Action<S> {
  /** a run is under way: for the button's loading state */
  busy: boolean
  /** Runs `work` with the staff at the desk; true when it completed. */
  run<T>(work: (staff: S) => Promise<T>, success?: Success<T>): Promise<boolean>
}

/** One way to run an action from the UI: busy while it runs, refused without a staff member at the
 *  desk, its error translated once (describeError) and shown as a toast or where the form says. */
export function useAction(options: ActionOptions & { staff: false }): Action<Staff | null>
export function useAction(options?: ActionOptions): Action<Staff>
export function useAction(options: ActionOptions = {}): Action<Staff | null> {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  // The runner lives as long as the component; it reads the latest render's options and helpers.
  const latest = useRef({ t, message, options })
  latest.current = { t, message, options }
  const runner = useRef<ActionRunner | null>(null)
  runner.current ??= createActionRunner(
    () => ({
      t: latest.current.t,
      staff: () => useSession.getState().staff,
      notify: {
        success: (text) => void latest.current.message.success(text),
        warning: (text) => void latest.current.message.warning(text),
        error: (text) => void latest.current.message.error(text)
      },
      setBusy
    }),
    () => latest.current.options
  )
  return { busy, run: runner.current.run }
}
