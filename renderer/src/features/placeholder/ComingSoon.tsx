import { Result } from 'antd'
import { useTranslation } from 'react-i18next'

/** Pages of capabilities not built yet. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation()
  return (
    <Result status="info" title={`${title} · ${t('app.comingSoon')}`} subTitle={t('app.comingSoonHint')} />
  )
}
