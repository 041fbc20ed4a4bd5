import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { en } from './en'
import { zhCN } from './zh-CN'
import type { Locale } from '@/db'

export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false
})

export async function applyLocale(locale: Locale): Promise<void> {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en')
  document.documentElement.lang = locale
  await i18n.changeLanguage(locale)
}
