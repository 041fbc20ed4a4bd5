import { useEffect, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { emptyIntakeForm, type ComplaintIntake, type ComplaintIntakeForm } from '@shared/domain/complaint'
import { NEW_COMPLAINT_DRAFT } from '@/db'
import { useData } from '@/app/session'

const SAVE_DELAY_MS = 300

function isBlank(values: ComplaintIntakeForm): boolean {
  return JSON.stringify({ ...emptyIntakeForm, ...values }) === JSON.stringify(emptyIntakeForm)
}

/** Keeps the 新建投诉 form in IndexedDB as it is typed, and restores it on return, reload or restart. */
export function useIntakeDraft(form: UseFormReturn<ComplaintIntakeForm, unknown, ComplaintIntake>) {
  const data = useData()
  const [loaded, setLoaded] = useState(false)
  const [restoredAt, setRestoredAt] = useState<number | null>(null)
  const [savedAt, setSavedAt] = useState<number | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const dropRef = useRef<() => void>(() => undefined)
  /** set once the complaint is saved: late form updates (e.g. the customer match) must not recreate the draft */
  const closed = useRef(false)

  useEffect(() => {
    let cancelled = false
    void data.read.loadDraft<ComplaintIntakeForm>(NEW_COMPLAINT_DRAFT).then((draft) => {
      if (cancelled) return
      if (draft && !isBlank(draft.value)) {
        form.reset({ ...emptyIntakeForm, ...draft.value })
        setRestoredAt(draft.savedAt)
      }
      setLoaded(true)
    })
    return () => {
      cancelled = true
    }
  }, [data, form])

  useEffect(() => {
    if (!loaded) return
    let pending: ComplaintIntakeForm | null = null
    const flush = () => {
      clearTimeout(timer.current)
      if (!pending || closed.current) return
      const snapshot = pending
      pending = null
      if (isBlank(snapshot)) void data.write.clearDraft(NEW_COMPLAINT_DRAFT).then(() => setSavedAt(null))
      else void data.write.saveDraft(NEW_COMPLAINT_DRAFT, snapshot).then(() => setSavedAt(data.now()))
    }
    const subscription = form.watch((values) => {
      pending = { ...(values as ComplaintIntakeForm) }
      setSavedAt(null)
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_DELAY_MS)
    })
    // Leaving the page (navigation or window closing) writes what is pending at once.
    window.addEventListener('pagehide', flush)
    dropRef.current = () => {
      pending = null
      clearTimeout(timer.current)
    }
    return () => {
      subscription.unsubscribe()
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [loaded, form, data])

  const discard = async () => {
    dropRef.current()
    await data.write.clearDraft(NEW_COMPLAINT_DRAFT)
    form.reset(emptyIntakeForm)
    setRestoredAt(null)
  }

  /** After a successful save: drop any pending write and any draft a racing write put back. */
  const finish = async () => {
    closed.current = true
    dropRef.current()
    await data.write.clearDraft(NEW_COMPLAINT_DRAFT)
  }

  return { loaded, restoredAt, savedAt, discard, finish }
}
