import { useEffect, type KeyboardEvent } from 'react'

// Keyboard-only data entry: Enter moves to the next field (Shift+Enter keeps a newline in text
// areas), Ctrl+S saves. Fields take part by carrying a data-field attribute, in DOM order.

function isOpenPopup(target: HTMLElement): boolean {
  return target.getAttribute('aria-expanded') === 'true'
}

export function focusNextField(container: HTMLElement, from: HTMLElement): boolean {
  const fields = Array.from(container.querySelectorAll<HTMLElement>('[data-field]'))
  const index = fields.findIndex((f) => f === from || f.contains(from))
  for (const next of fields.slice(index + 1)) {
    const focusable = next.matches('input,textarea,button,select')
      ? next
      : (next.querySelector<HTMLElement>('input:checked,input:not([type=radio]),textarea,button,select') ??
        next.querySelector<HTMLElement>('input'))
    if (focusable && !(focusable as HTMLInputElement).disabled) {
      focusable.focus()
      return true
    }
  }
  return false
}

/** onKeyDown for a form container. */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>): void {
  if (
    event.key !== 'Enter' ||
    event.ctrlKey ||
    event.altKey ||
    event.metaKey ||
    event.nativeEvent.isComposing
  )
    return
  const target = event.target as HTMLElement
  if (target.tagName === 'TEXTAREA' && event.shiftKey) return
  if (target.tagName === 'BUTTON' || isOpenPopup(target)) return
  event.preventDefault()
  focusNextField(event.currentTarget, target)
}

/** Ctrl+S (or ⌘S) anywhere on the page runs `save` instead of the browser's "save page". */
export function useCtrlS(save: () => void): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault()
        save()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [save])
}
