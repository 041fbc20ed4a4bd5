import type { DeviceInfo } from '@shared/ipc/contract'
import { DeskDatabase, DEFAULT_DB_NAME } from './database'
import { Writer } from './writer'
import { ensureTallies } from './tallies'
import { ensureServiceDays } from './serviceDays'
import { ensureTaskDays } from './taskDays'
import { ensureComplaintDays } from './complaintDays'
import { DEFAULT_TIME_RULES, type TimeRuleSettings } from '@shared/domain/timeRules'
import { deriveWith } from './derived'
import { readTimeRules, rederiveIfZoneChanged } from './timeRules'
import { adoptDeviceId } from './sync/renewDevice'
import { readClosedDays } from './closedDays'
import { noKeyVault, type KeyVault } from './sync/storeKey'
import { browserDraftStash, type DraftStash } from './draftStash'
import type { BackupStorePort } from './backup'
import { finishInterruptedRestore } from './backupRestore'
import { backupBeforeUpgrade, UPGRADE_BACKUP_META } from './backupUpgrade'

/** Everything the data layer needs, opened once at start-up (or per test with its own name). */
export interface DataContext {
  readonly db: DeskDatabase
  readonly writer: Writer
  /** this PC as main knows it, read from its one owner (the app's session) each time, so a rename
   *  applies to the next complaint number at once; its deviceId never changes while open */
  readonly device: DeviceInfo
  /** wall clock; injectable so tests can drive time */
  readonly now: () => number
  /** the time rules in force, kept here because the writer derives index keys from them synchronously */
  timeRules: TimeRuleSettings
  /** the store's 停业日 in force (sorted 'YYYY-MM-DD'), for the same reason: a complaint's clock skips
   *  them (issue 16, closedDays.ts). Replaced (a new array), never mutated. */
  closedDays: readonly string[]
  /** where an encrypted store's key is kept between runs (main's OS key store in the app; nothing in
   *  tests): never IndexedDB (sync/storeKey.ts) */
  readonly keyVault: KeyVault
  /** where a draft typed in the page's last instant is kept synchronously (draftStash.ts) */
  readonly draftStash: DraftStash
}

export async function openDataLayer(
  deviceSource: DeviceInfo | (() => DeviceInfo),
  options: {
    dbName?: string
    now?: () => number
    keyVault?: KeyVault
    /** main's backup files: with it, data of an older format is backed up before it is upgraded */
    backupPort?: BackupStorePort
    draftStash?: DraftStash
  } = {}
): Promise<DataContext> {
  const name = options.dbName ?? DEFAULT_DB_NAME
  const db = new DeskDatabase(name)
  const now = options.now ?? Date.now
  const opened = typeof deviceSource === 'function' ? deviceSource() : deviceSource
  // 升级前: the data as the older app left it is backed up before Dexie upgrades it (backup.ts).
  const upgrade = options.backupPort
    ? await backupBeforeUpgrade(name, db.verno, {
        port: options.backupPort,
        deviceId: opened.deviceId,
        now,
        keyVault: options.keyVault ?? noKeyVault
      })
    : undefined
  await db.open()
  if (upgrade && (upgrade.kind === 'backedUp' || upgrade.kind === 'failed'))
    await db.meta.put({ key: UPGRADE_BACKUP_META, value: { ...upgrade, at: now() } })
  await ensureTallies(db)
  await ensureServiceDays(db)
  await ensureTaskDays(db)
  await ensureComplaintDays(db)
  const device = (): DeviceInfo => {
    const current = typeof deviceSource === 'function' ? deviceSource() : deviceSource
    if (current.deviceId !== opened.deviceId)
      throw new Error('device id cannot change while the data layer is open')
    return current
  }
  // Before the writer stamps anything: work not yet published moves to a changed device id.
  await adoptDeviceId(db, opened, now())
  const holder: { ctx?: DataContext } = {}
  const writer = await Writer.open(
    db,
    opened.deviceId,
    now,
    deriveWith(
      () => holder.ctx?.timeRules ?? DEFAULT_TIME_RULES,
      () => holder.ctx?.closedDays ?? []
    )
  )
  holder.ctx = {
    db,
    writer,
    get device() {
      return device()
    },
    now,
    keyVault: options.keyVault ?? noKeyVault,
    draftStash: options.draftStash ?? browserDraftStash(),
    timeRules: readTimeRules(await db.settings.get('timeRules')),
    closedDays: readClosedDays(await db.settings.get('closedDays'))
  }
  await rederiveIfZoneChanged(holder.ctx)
  // A restore that did not end leaves a store that is not whole: it goes back as it was before (backup.ts).
  await finishInterruptedRestore(holder.ctx, options.backupPort)
  return holder.ctx
}
