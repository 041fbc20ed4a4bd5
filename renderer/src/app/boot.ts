import { callDesk } from '@/ipc/desk'
import { applyLocale } from '@/i18n'
import { getPref, getStaffByNo, LOCALE_KEY, openDataLayer, SESSION_STAFF_KEY, type Locale } from '@/db'
import { useSession } from './session'
import { resumeSync } from '@/features/sync/shareSession'

/** Start-up: who this PC is (main process), open IndexedDB, restore language and who is at the desk. */
export async function bootApp(): Promise<void> {
  const [device, appInfo] = await Promise.all([
    callDesk('getDevice', undefined),
    callDesk('getAppInfo', undefined)
  ])
  const data = await openDataLayer(device)
  const locale = (await getPref<Locale>(data, LOCALE_KEY)) ?? 'zh-CN'
  await applyLocale(locale)
  const staffNo = await getPref<string>(data, SESSION_STAFF_KEY)
  const staff = staffNo ? await getStaffByNo(data, staffNo) : undefined
  const session = useSession.getState()
  session.setLocaleState(locale)
  session.setStaff(staff ?? null)
  session.setReady(data, device, appInfo)
  void resumeSync(data, device, appInfo)
}
