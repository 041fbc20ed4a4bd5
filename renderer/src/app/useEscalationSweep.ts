import { useEffect } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { type Data } from '@/db'

const SWEEP_EVERY_MS = 60_000

/** Time rules act by the clock: due escalations are recorded at start and every minute after. */
export function useEscalationSweep(data: Data): void {
  const { notification } = App.useApp()
  const { t } = useTranslation()
  useEffect(() => {
    let running = false
    const sweep = async () => {
      if (running) return
      running = true
      try {
        const n = await data.write.recordDueEscalations()
        if (n > 0)
          notification.warning({
            title: t('complaint.escalatedNotice', { count: n }),
            placement: 'bottomRight'
          })
      } catch (e) {
        console.error('[desk] escalation sweep failed', e)
      } finally {
        running = false
      }
    }
    void sweep()
    const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS)
    return () => clearInterval(timer)
  }, [data, notification, t])
}
