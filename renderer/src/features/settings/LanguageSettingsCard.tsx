import { Card, Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locale } from '@/db'
import { useSession } from '@/app/session'

export function LanguageSettingsCard() {
  const { t } = useTranslation()
  const locale = useSession((s) => s.locale)
  const changeLanguage = useSession((s) => s.changeLanguage)
  return (
    <Card title={t('settings.language')}>
      <Radio.Group
        optionType="button"
        value={locale}
        onChange={(e) => void changeLanguage(e.target.value as Locale)}
        options={(['zh-CN', 'en'] as const).map((l) => ({
          value: l,
          label: t(`settings.languageOption.${l}`)
        }))}
      />
    </Card>
  )
}
