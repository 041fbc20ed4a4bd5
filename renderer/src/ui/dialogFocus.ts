import { useEffect, useRef } from 'react'
import { takeTypeahead } from './typeahead'

/** Antd's modal takes the focus when it opens; its first field gets it back once the modal is open —
 *  unless the person (or a click) already put the focus in a field, whose typing must not be moved. */
export function focusFieldAfterOpen(visible: boolean, fieldDomId: string): void {
  if (!visible) return
  const active = document.activeElement
  if (active instanceof HTMLElement && active.closest('.ant-modal') && isEditable(active)) return
  document.getElementById(fieldDomId)?.focus()
}

function isEditable(el: HTMLElement): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el.isContentEditable
}

/** The same, as soon as the dialog's body is in the document (before the modal's own focus step):
 *  React's autoFocus runs before the portal is attached, so it cannot do this. Keys typed between the
 *  shortcut and this moment (caught by the typeahead catcher) go into the field, through `setText` so
 *  the form knows them, and the caret after them. */
export function useFocusFieldOnMount(fieldDomId: string, setText?: (text: string) => void): void {
  const setTextRef = useRef(setText)
  setTextRef.current = setText
  useEffect(() => {
    const caught = takeTypeahead()
    const field = document.getElementById(fieldDomId)
    if (caught && setTextRef.current && isTextField(field)) {
      // The DOM first: a key arriving before React re-renders then appends to the caught text.
      field.value = caught
      setTextRef.current(caught)
      field.focus()
      field.setSelectionRange(caught.length, caught.length)
      return
    }
    focusFieldAfterOpen(true, fieldDomId)
  }, [fieldDomId])
}

function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
}
