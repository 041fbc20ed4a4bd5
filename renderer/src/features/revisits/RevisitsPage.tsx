import { useState } from 'react'
import { Button, Tabs } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { QueueTab } from './QueueTab'
import { StatsTab } from './StatsTab'
import { CampaignDialog } from './CampaignDialog'
import { useSession } from '@/app/session'

/** 回访: 今日回访 (the call queue) and 回访统计 (coverage against the rules' targets). */
export function RevisitsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') === 'stats' ? 'stats' : 'today'
  const isManager = useSession((s) => s.staff?.role === 'manager')
  const [campaign, setCampaign] = useState(false)
  return (
    <>
      <Tabs
        tabBarExtraContent={
          isManager ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCampaign(true)}>
              {t('revisit.campaign.new')}
            </Button>
          ) : undefined
        }
        activeKey={tab}
        onChange={(key) => setParams(key === 'stats' ? { tab: 'stats' } : {})}
        items={[
          { key: 'today', label: t('revisit.tab.today'), children: <QueueTab /> },
          { key: 'stats', label: t('revisit.tab.stats'), children: <StatsTab /> }
        ]}
      />
      {campaign && <CampaignDialog onClose={() => setCampaign(false)} />}
    </>
  )
}
