import { useLiveQuery } from 'dexie-react-hooks'
import { useData, useSession } from '@/app/session'

/** Whether the person at the desk may see full phone numbers in lists and export them unmasked. */
export function useCanUnmask(): boolean {
  const data = useData()
  const role = useSession((s) => s.staff?.role)
  const roles = useLiveQuery(() => data.read.getUnmaskRoles(), [data])
  return !!role && !!roles?.includes(role)
}
