import { useLiveQuery } from 'dexie-react-hooks'
import { useData } from '@/app/session'

/** 工号 → name, for the statistics' rows. */
export function useStaffNames(): ReadonlyMap<string, string> {
  const data = useData()
  const staff = useLiveQuery(() => data.read.listStaff(), [data]) ?? []
  return new Map(staff.map((s) => [s.staffNo, s.name]))
}
