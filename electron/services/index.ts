// Node-only services shared by Electron main and the Chromium test host. Never import 'electron' here.
export { dispatch } from './dispatch'
export { createDeviceStore, randomDeviceCode } from './deviceStore'
export type { DeviceStore, DeviceStoreOptions } from './deviceStore'
export { createDeskHandlers } from './handlers'
export type { DeskPrinting } from './printing'
