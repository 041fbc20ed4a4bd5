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
    // Counts edits: a save that finishes after newer typing must not show 草稿已保存 for the screen.
    let edits = 0
    let storedEdit = 0
    let latest: ComplaintIntakeForm | null = null
    const flush = () => {
      clearTimeout(timer.current)
      if (!pending || closed.current) return
      const snapshot = pending
      const savedEdit = edits
      pending = null
      const stored = () => {
        storedEdit = Math.max(storedEdit, savedEdit)
        return savedEdit === edits
      }
      if (isBlank(snapshot))
        void data.write.clearDraft(NEW_COMPLAINT_DRAFT).then(() => stored() && setSavedAt(null))
      else
        void data.write
          .saveDraft(NEW_COMPLAINT_DRAFT, snapshot)
          .then(() => stored() && setSavedAt(data.now()))
    }
    const subscription = form.watch((values) => {
      pending = { ...(values as ComplaintIntakeForm) }
      latest = pending
      edits += 1
      setSavedAt(null)
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_DELAY_MS)
    })
    // Leaving the page (reload, window closing): IndexedDB drops a write begun now, so anything not yet
    // stored — pending or still in flight — is kept synchronously (db/draftStash.ts).
    const leave = () => {
      clearTimeout(timer.current)
      pending = null
      if (closed.current || !latest || storedEdit === edits) return
      data.write.stashDraft(NEW_COMPLAINT_DRAFT, latest)
    }
    window.addEventListener('pagehide', leave)
    dropRef.current = () => {
      pending = null
      clearTimeout(timer.current)
    }
    return () => {
      subscription.unsubscribe()
      window.removeEventListener('pagehide', leave)
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
