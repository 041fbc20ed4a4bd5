import type { AppInfo, DeskHandlers } from '@shared/ipc/contract'
import type { DeviceStore } from './deviceStore'
import type { DeskPrinting } from './printing'
import type { StoreKeyVault } from './storeKeyVault'
import type { LogService } from './logService'
import type { DiagnosticsService } from './diagnostics'
import type { ShareService } from './sync/shareService'
import type { BackupService } from './backup/backupService'

/** Binds each window.desk method to its service. Inputs arrive already validated by dispatch.
 *  Cheap and stateless (state lives in the deps), so a host may build it per call: that is how
 *  `printing` gets bound to the calling window (electron/main/ipc.ts, tests/e2e/host/deskBridge.ts). */
export function createDeskHandlers(deps: {
  deviceStore: DeviceStore
  appInfo: AppInfo
  printing: DeskPrinting
  share: ShareService
  storeKeys: StoreKeyVault
  /** absent in hosts that keep no backups (unit tests of other services): every backup call fails */
  backups?: BackupService
  /** main's log files and 导出诊断信息 (hosts that have none refuse those calls as 'internal') */
  logs?: LogService
  diagnostics?: DiagnosticsService
}): DeskHandlers {
  const backups = (): BackupService => {
    if (!deps.backups) throw new Error('no backup service in this host')
    return deps.backups
  }
  const need = <T>(service: T | undefined, name: string): T => {
    if (!service) throw new Error(`${name} not available in this host`)
    return service
  }
  return {
    // A copy, so nothing downstream can mutate the shared object.
    getAppInfo: async () => ({ ...deps.appInfo }),
    getDevice: () => deps.deviceStore.get(),
    updateDevice: (input) => deps.deviceStore.update(input),
    renewDeviceId: (input) => deps.deviceStore.renew(input.formerDeviceId),
    printPage: async (input) => ({ printed: await deps.printing.printPage(input.title) }),
    savePdf: async (input) => {
      const path = await deps.printing.savePdf(input.suggestedName)
      return { saved: path !== null, path }
    },
    shareGetConfig: () => deps.share.getConfig(),
    shareChooseRoot: () => deps.share.chooseRoot(),
    shareClearRoot: () => deps.share.clearRoot(),
    shareSetWebdav: (input) => deps.share.setWebdav(input),
    shareList: (input) => deps.share.list(input.dir),
    shareRead: async (input) => ({ bytes: await deps.share.read(input.path) }),
    shareWriteNew: async (input) => {
      await deps.share.writeNew(input.path, input.bytes)
      return { written: true as const }
    },
    shareRemove: async (input) => {
      await deps.share.remove(input.path)
      return { removed: true as const }
    },
    storeKeySave: (input) =>
      deps.storeKeys.save({ storeId: input.storeId, keyCheck: input.keyCheck }, input.key),
    storeKeyLoad: async (input) => ({ key: await deps.storeKeys.load(input) }),
    storeKeyForget: async () => {
      await deps.storeKeys.forget()
      return { forgotten: true as const }
    },
    backupList: () => backups().list(),
    backupWrite: (input) => backups().write(input),
    backupRead: async (input) => ({ bytes: await backups().read(input.id) }),
    backupSetVerified: (input) => backups().setVerified(input.id, input.verified),
    backupChooseFolder: () => backups().chooseFolder(),
    backupClearFolder: () => backups().clearFolder(),
    backupSetInterval: (input) => backups().setInterval(input.hours),
    backupOpenFile: () => backups().openFile(),
    logRenderer: async (input) => {
      need(deps.logs, 'logs').write(
        input.level,
        `renderer:${input.source}`,
        input.message,
        input.stack ? { stack: input.stack } : undefined
      )
      return { logged: true as const }
    },
    getAboutInfo: async () => need(deps.diagnostics, 'diagnostics').about(),
    exportDiagnostics: async (input) => {
      const path = await need(deps.diagnostics, 'diagnostics').exportZip(input)
      return { saved: path !== null, path }
    }
  }
}
