import type { TFunction } from 'i18next'
import type { Staff } from '@shared/domain/staff'
import { describeError } from '@/app/errors'

// How the UI runs an action (a save, a status change, a merge): one at a time, only with someone at
// the desk when it writes under their 工号, and with one path from an error to the message staff read.
// Plain code so it is tested in Node; useAction is the React wrapper.

export interface ActionOptions {
  /** false: the action does not write under the staff at the desk (setup, printing, the share). */
  staff?: boolean
  /** i18n key wrapping the reason, e.g. 'error.saveFailed' (保存失败：{{reason}}); a function picks
   *  per error (null: the reason alone). */
  failure?: string | ((error: unknown) => string | null)
  /** Puts a refusal that belongs to a form field next to that field; true when it did, and nothing
   *  else is shown. Form validation itself never reaches the action. */
  toField?: (error: unknown) => boolean
  /** Shows the failure in place (in the dialog, under the form) instead of a toast. */
  showError?: (text: string) => void
}

/** The success message: an i18n key, or a sentence built from the result (null: none). */
export type Success<T> = string | ((value: T) => string | null)

export interface ActionPorts {
  t: TFunction
  /** who is at the desk when the action starts */
  staff(): Staff | null
  notify: { success(text: string): void; warning(text: string): void; error(text: string): void }
  setBusy(busy: boolean): void
}

export interface ActionRunner {
  /** Runs `work` unless another run of this action is under way; true when it completed. */
  run<T>(work: (staff: Staff | null) => Promise<T>, success?: Success<T>): Promise<boolean>
}

/** A run shorter than this shows no busy state: a save at the counter takes ~30 ms, and a spinner that
 *  flashes for it is noise — and re-rendering a whole form for it costs as much as the save. Runs are
 *  refused while one is under way whether or not it shows. */
export const BUSY_AFTER_MS = 150

export function createActionRunner(ports: () => ActionPorts, options: () => ActionOptions): ActionRunner {
  let running = false
  return {
    async run(work, success) {
      if (running) return false
      const { t, staff, notify, setBusy } = ports()
      const opts = options()
      const at = staff()
      if (opts.staff !== false && !at) {
        notify.warning(t('staff.mustPick'))
        return false
      }
      running = true
      let showsBusy = false
      const slow = setTimeout(() => {
        showsBusy = true
        setBusy(true)
      }, BUSY_AFTER_MS)
      try {
        const value = await work(at)
        const text = typeof success === 'function' ? success(value) : success && t(success)
        if (text) notify.success(text)
        return true
      } catch (error) {
        if (opts.toField?.(error)) return false
        const reason = describeError(error, t)
        const wrap = typeof opts.failure === 'function' ? opts.failure(error) : opts.failure
        const text = wrap ? t(wrap, { reason }) : reason
        if (opts.showError) opts.showError(text)
        else notify.error(text)
        return false
      } finally {
        running = false
        clearTimeout(slow)
        if (showsBusy) setBusy(false)
      }
    }
  }
}
