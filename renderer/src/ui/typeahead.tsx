import { useEffect, useRef } from 'react'

// A shortcut opens a dialog, and the person types at once: the keys arrive before the dialog's first
// field is in the page. A hidden text box, focused by the shortcut itself, catches them; the dialog's
// first field takes what it caught when it mounts. (A key buffer cannot do this: text typed through
// an input method or pasted reaches only an editable element, never a keydown listener.)

const CATCHER_ID = 'typeahead-catcher'

function catcher(): HTMLTextAreaElement | null {
  const el = document.getElementById(CATCHER_ID)
  return el instanceof HTMLTextAreaElement ? el : null
}

/** Called in the shortcut's key handler, before the dialog renders. */
export function catchTypeahead(): void {
  const el = catcher()
  if (!el) return
  el.value = ''
  el.focus({ preventScroll: true })
}

/** What was typed since the shortcut, once (the catcher is emptied), or '' if it does not hold the focus. */
export function takeTypeahead(): string {
  const el = catcher()
  if (!el || document.activeElement !== el) return ''
  const text = el.value
  el.value = ''
  return text
}

/** Mounted once in the shell. Out of sight and out of the accessibility tree; emptied when it loses
 *  the focus, so nothing it caught can turn up in a later dialog. */
export function TypeaheadCatcher() {
  const ref = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const clear = () => {
      el.value = ''
    }
    el.addEventListener('blur', clear)
    return () => el.removeEventListener('blur', clear)
  }, [])
  return (
    <textarea
      ref={ref}
      id={CATCHER_ID}
      aria-hidden="true"
      tabIndex={-1}
      data-testid={CATCHER_ID}
      style={{
        position: 'fixed',
        top: 0,
        left: 0,
        width: 1,
        height: 1,
        opacity: 0,
        pointerEvents: 'none',
        border: 0,
        padding: 0,
        resize: 'none'
      }}
    />
  )
}
