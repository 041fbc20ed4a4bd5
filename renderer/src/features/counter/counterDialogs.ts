import { useEffect } from 'react'
import { create } from 'zustand'
import { catchTypeahead } from '@/ui/typeahead'

// 新建咨询 and 登记问题 from anywhere with one key (F2, F3): a small store says which dialog is open,
// so the header buttons, the counter tabs and the keys all open the same one.

export type CounterDialog = 'consultation' | 'problem' | null

export const COUNTER_KEYS = { consultation: 'F2', problem: 'F3' } as const

interface DialogState {
  open: CounterDialog
  show(which: Exclude<CounterDialog, null>): void
  close(): void
}

export const useCounterDialogs = create<DialogState>((set) => ({
  open: null,
  show: (which) => set({ open: which }),
  close: () => set({ open: null })
}))

/** The keys, on the whole window (the browser's F3 "find next" is taken over). */
export function useCounterKeys(): void {
  const show = useCounterDialogs((s) => s.show)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return
      const which =
        e.key === COUNTER_KEYS.consultation
          ? 'consultation'
          : e.key === COUNTER_KEYS.problem
            ? 'problem'
            : null
      if (!which) return
      e.preventDefault()
      // Keys typed before the dialog is in the page go to the catcher, then into its first field; not
      // when that dialog is already open (it would not mount again to take them).
      if (useCounterDialogs.getState().open !== which) catchTypeahead()
      show(which)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [show])
}
