import { useLiveQuery } from 'dexie-react-hooks'
import { maskPhone } from '@shared/domain/phone'
import { useData, useSession } from '@/app/session'

/** Whether the person at the desk may see full phone numbers in lists and export them unmasked. */
export function useCanUnmask(): boolean {
  const data = useData()
  const role = useSession((s) => s.staff?.role)
  const roles = useLiveQuery(() => data.read.getUnmaskRoles(), [data])
  return !!role && !!roles?.includes(role)
}

/**
 * How a form shows a phone the app filled in from a record (the archive's own numbers, a picked
 * customer's, a complaint's): masked for someone without the right to full numbers. Only the display
 * changes — the form keeps the stored number, so saving without touching it loses nothing, and typing
 * replaces it (docs/security.md §4). A number the person typed is shown as typed.
 */
export function usePhoneDisplay(fromRecords: readonly string[]): (value: string) => string | null {
  const canUnmask = useCanUnmask()
  return (value) => (!canUnmask && value !== '' && fromRecords.includes(value) ? maskPhone(value) : null)
}
