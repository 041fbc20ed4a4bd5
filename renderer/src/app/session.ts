import { create } from 'zustand'
import type { StateCreator } from 'zustand'
import type { AppInfo, DeviceInfo } from '@shared/ipc/contract'
import type { Staff } from '@shared/domain/staff'
import type { SetupInput } from '@shared/domain/setup'
import { openData, type Data, type Locale } from '@/db'
import { createIpcKeyVault } from '@/ipc/ipcKeyVault'
import { createIpcBackupStore } from '@/ipc/ipcBackupStore'
import { callDesk } from '@/ipc/desk'
import { applyLocale } from '@/i18n'

// The app's session, one owner for each piece: this PC (main keeps it in device.json; the data layer
// and the sync loop read it from here), who is at the desk, the UI language. Each change is an action
// that does all of its side effects here — components only call them.

export interface SessionState {
  data: Data | null
  device: DeviceInfo | null
  appInfo: AppInfo | null
  staff: Staff | null
  /** 已锁定 (issue 17 point 1): nothing of the desk is shown until someone unlocks it */
  locked: boolean
  locale: Locale
  /** opens the data layer and restores this PC, the language and who was at the desk */
  boot(): Promise<void>
  /** 切换工号 */
  switchStaff(staff: Staff): Promise<void>
  /** 锁定 (the key, or the idle minutes) */
  lock(): Promise<void>
  /** unlocked by `staff` (their PIN checked by the lock screen): another person is a staff switch */
  unlock(staff: Staff): Promise<void>
  /** renames this PC (main saves it); later complaint numbers and the sync status use the new values */
  renameDevice(values: { deviceName: string; deviceCode: string }): Promise<DeviceInfo>
  changeLanguage(locale: Locale): Promise<void>
  /** first run: store, first manager, this PC; the manager is then at the desk */
  finishSetup(input: SetupInput): Promise<Staff>
}

/** What the session needs from outside the renderer's state: main, and the translation engine. */
export interface SessionDeps {
  callDesk: typeof callDesk
  applyLocale(locale: Locale): Promise<void>
  /** per test: an own IndexedDB name and clock */
  dataOptions?: Parameters<typeof openData>[1]
}

export function sessionState(deps: SessionDeps): StateCreator<SessionState> {
  return (set, get) => {
    const data = (): Data => {
      const d = get().data
      if (!d) throw new Error('data layer not open')
      return d
    }
    return {
      data: null,
      device: null,
      appInfo: null,
      staff: null,
      locked: false,
      locale: 'zh-CN',
      async boot() {
        const [device, appInfo] = await Promise.all([
          deps.callDesk('getDevice', undefined),
          deps.callDesk('getAppInfo', undefined)
        ])
        set({ device })
        // The data layer reads this PC from the session, so a rename reaches it with no copy to update.
        const opened = await openData(() => get().device ?? device, deps.dataOptions)
        const locale = (await opened.read.getLocalePref()) ?? 'zh-CN'
        await deps.applyLocale(locale)
        const staffNo = await opened.read.getSessionStaffNo()
        const staff = staffNo ? await opened.read.getStaffByNo(staffNo) : undefined
        // a desk locked when the app closed opens locked
        const locked = !!staff && (await opened.read.getDeskLocked())
        set({ data: opened, appInfo, locale, staff: staff ?? null, locked })
      },
      async switchStaff(staff) {
        await data().write.setSessionStaff(staff.staffNo)
        set({ staff })
      },
      async lock() {
        if (get().locked || !get().staff) return
        // shown at once; kept so a restart does not unlock
        set({ locked: true })
        await data().write.setDeskLocked(true)
      },
      async unlock(staff) {
        if (staff.staffNo !== get().staff?.staffNo) await data().write.setSessionStaff(staff.staffNo)
        await data().write.setDeskLocked(false)
        set({ staff, locked: false })
      },
      async renameDevice(values) {
        const device = await deps.callDesk('updateDevice', values)
        set({ device })
        return device
      },
      async changeLanguage(locale) {
        await data().write.setLocale(locale)
        await deps.applyLocale(locale)
        set({ locale })
      },
      async finishSetup(input) {
        await get().renameDevice({ deviceName: input.deviceName, deviceCode: input.deviceCode })
        const manager = await data().write.completeSetup(input) // also keeps the manager as who is at the desk
        // Set before the setup gate re-renders into the desk, so it never sees "nobody at the desk".
        set({ staff: manager })
        return manager
      }
    }
  }
}

export const useSession = create<SessionState>()(
  // An encrypted store's key is kept by main (OS key store), never in IndexedDB.
  // Data of an older format is backed up (by main, like every automatic backup) before it is upgraded.
  sessionState({
    callDesk,
    applyLocale,
    dataOptions: { keyVault: createIpcKeyVault(), backupPort: createIpcBackupStore() }
  })
)

/** The open data layer; only rendered below the boot gate, so never null there. */
export function useData(): Data {
  const data = useSession((s) => s.data)
  if (!data) throw new Error('data layer not open')
  return data
}
