import { useEffect, useState } from 'react'
import type { Data } from '@/db'

/** The data layer's clock, re-read every `everyMs` so ages and deadlines on screen stay current. */
export function useNow(data: Data, everyMs = 30_000): number {
  const [now, setNow] = useState(() => data.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(data.now()), everyMs)
    return () => clearInterval(timer)
  }, [data, everyMs])
  return now
}
