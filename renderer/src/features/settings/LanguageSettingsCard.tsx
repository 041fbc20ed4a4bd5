import { Card, Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import { setLocale, type Locale } from '@/db'
import { applyLocale } from '@/i18n'
import { useData, useSession } from '@/app/session'

export function LanguageSettingsCard() {
  const { t } = useTranslation()
  const data = useData()
  const locale = useSession((s) => s.locale)
  const change = async (next: Locale) => {
    await setLocale(data, next)
    await applyLocale(next)
    useSession.getState().setLocaleState(next)
  }
  return (
    <Card title={t('settings.language')}>
      <Radio.Group
        optionType="button"
        value={locale}
        onChange={(e) => void change(e.target.value as Locale)}
        options={(['zh-CN', 'en'] as const).map((l) => ({
          value: l,
          label: t(`settings.languageOption.${l}`)
        }))}
      />
    </Card>
  )
}
