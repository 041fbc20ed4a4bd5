import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { QueueTab } from './QueueTab'
import { StatsTab } from './StatsTab'

/** 回访: 今日回访 (the call queue) and 回访统计 (coverage against the rules' targets). */
export function RevisitsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'stats' ? 'stats' : 'today'
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === 'stats' ? { tab: 'stats' } : {})}
      items={[
        { key: 'today', label: t('revisit.tab.today'), children: <QueueTab /> },
        { key: 'stats', label: t('revisit.tab.stats'), children: <StatsTab /> }
      ]}
    />
  )
}
