import type { AppInfo, DeskHandlers } from '../../shared/ipc/contract'
import type { DeviceStore } from './deviceStore'

/** Binds each window.desk method to its service. Inputs arrive already validated by dispatch. */
export function createDeskHandlers(deps: { deviceStore: DeviceStore; appInfo: AppInfo }): DeskHandlers {
  return {
    // A copy, so nothing downstream can mutate the shared object.
    getAppInfo: async () => ({ ...deps.appInfo }),
    getDevice: () => deps.deviceStore.get(),
    updateDevice: (input) => deps.deviceStore.update(input)
  }
}
