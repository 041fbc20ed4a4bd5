import { useEffect } from 'react'
import { useData } from '@/app/session'
import { lastGoodBackup, useBackups } from '@/app/backupStore'
import { useNow } from '@/ui/useNow'

/** The last backup that passed its check (null: none yet), and now; undefined until the list is read.
 *  Reads main's list once when first shown (工作台, 系统设置 → 关于). */
export function useLastGoodBackup(): { last: ReturnType<typeof lastGoodBackup>; now: number } | undefined {
  const data = useData()
  const now = useNow(data, 60_000)
  const listing = useBackups((s) => s.listing)
  useEffect(() => {
    void useBackups
      .getState()
      .refresh()
      .catch(() => undefined)
  }, [])
  return listing ? { last: lastGoodBackup(listing), now } : undefined
}
