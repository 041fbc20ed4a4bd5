// Test-only stand-in for the Electron main process of one PC in the crash test: the real
// electron/services (device identity, share folder IO) in a child Node process, answering the
// page's window.desk calls over the IPC channel. The test SIGKILLs it together with the browser,
// so a share write in flight dies with it, as in a real crash of the whole app.
import { homedir } from 'node:os'
import {
  createDeskHandlers,
  createDeviceStore,
  createShareConfig,
  createShareService,
  createStoreKeyVault,
  dispatch
} from '../../../electron/services'
import { fakeKeyWrapper } from '../../support/fakeKeyWrapper'

const [servicesDir, hostname, appVersion, shareDir] = process.argv.slice(2) as [
  string,
  string,
  string,
  string
]
const handlers = createDeskHandlers({
  deviceStore: createDeviceStore({ dataDir: servicesDir, hostname }),
  appInfo: { appVersion, platform: process.platform, host: 'test-host' },
  printing: { printPage: async () => false, savePdf: async () => null },
  // main's folder dialog "picks" the test's share folder
  share: createShareService(createShareConfig(servicesDir), {
    pickFolder: async () => shareDir,
    rootEnv: { platform: process.platform, home: homedir(), dataDir: servicesDir }
  }),
  storeKeys: createStoreKeyVault({ dataDir: servicesDir, wrapper: fakeKeyWrapper() })
})

process.on('message', (message: { id: number; method: string; arg: unknown }) => {
  void dispatch(handlers, message.method, message.arg).then((result) =>
    process.send?.({ id: message.id, result })
  )
})
process.send?.({ ready: true })
