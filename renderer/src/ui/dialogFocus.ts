import { useEffect } from 'react'

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
 *  React's autoFocus runs before the portal is attached, so it cannot do this. */
export function useFocusFieldOnMount(fieldDomId: string): void {
  useEffect(() => focusFieldAfterOpen(true, fieldDomId), [fieldDomId])
}
