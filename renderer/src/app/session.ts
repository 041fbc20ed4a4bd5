import { create } from 'zustand'
import type { AppInfo, DeviceInfo } from '@shared/ipc/contract'
import type { Staff } from '@shared/domain/staff'
import type { DataContext, Locale } from '@/db'

// App-wide session state: the open data layer, this PC, who is at the desk, the UI language.

interface SessionState {
  data: DataContext | null
  device: DeviceInfo | null
  appInfo: AppInfo | null
  staff: Staff | null
  locale: Locale
  setReady(data: DataContext, device: DeviceInfo, appInfo: AppInfo): void
  setDevice(device: DeviceInfo): void
  setStaff(staff: Staff | null): void
  setLocaleState(locale: Locale): void
}

export const useSession = create<SessionState>((set) => ({
  data: null,
  device: null,
  appInfo: null,
  staff: null,
  locale: 'zh-CN',
  setReady: (data, device, appInfo) => set({ data, device, appInfo }),
  setDevice: (device) => set({ device }),
  setStaff: (staff) => set({ staff }),
  setLocaleState: (locale) => set({ locale })
}))

/** The open data layer; only rendered below the boot gate, so never null there. */
export function useData(): DataContext {
  const data = useSession((s) => s.data)
  if (!data) throw new Error('data layer not open')
  return data
}
