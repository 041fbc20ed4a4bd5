import Dexie from 'dexie'
import type { DeskDatabase } from './database'
import type { KeyVault } from './sync/storeKey'
import {
  BACKUP_META,
  BackupRefusedError,
  backupEncryption,
  storeAndVerify,
  writeBackupOf,
  type BackupStorePort
} from './backup'

// 升级前 backup: a database written by an older version of the app is backed up before this version's
// schema upgrades it.

/** What happened to the data before this app's data format upgraded it (device-local meta
 *  'backup.upgrade', kept for 关于 / diagnostics; main's list shows the backup itself). */
export type UpgradeBackupOutcome =
  | { kind: 'fresh' }
  | { kind: 'current'; version: number }
  | {
      kind: 'backedUp'
      from: number
      to: number
      id: string
      verified: boolean
    }
  | { kind: 'failed'; from: number; to: number; failure: string }

export const UPGRADE_BACKUP_META = `${BACKUP_META}upgrade`

/**
 * 升级前 backup (issue 17 point 4; docs/backup.md §6): before the database `name` is opened with this
 * app's schema (`codeVersion`), the data on disk is looked at as it is — Dexie opened without a version
 * reads the stored one. A database written by an older version is backed up first (reason 'upgrade',
 * written by main like every automatic backup, read back and checked), then the caller opens it and
 * Dexie upgrades it. No database yet (a fresh install) or the same version: no backup.
 *
 * A failed backup does not stop the upgrade (decision, docs/backup.md §6): the store must open, and the
 * upgrade itself is one IndexedDB versionchange transaction — it either completes or leaves the old data
 * as it was. An encrypted store whose key is not at hand gets no plain copy ('needsPassphraseToBackup').
 * The outcome is returned (the caller keeps it in meta 'backup.upgrade').
 */
export async function backupBeforeUpgrade(
  name: string,
  codeVersion: number,
  deps: { port: BackupStorePort; deviceId: string; now: () => number; keyVault: KeyVault }
): Promise<UpgradeBackupOutcome> {
  const old = new Dexie(name)
  try {
    await old.open()
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchDatabaseError') return { kind: 'fresh' }
    throw e
  }
  const from = old.verno
  try {
    if (from >= codeVersion) return { kind: 'current', version: from }
    try {
      // the old database has the tables read here (meta, outbox) since version 1; Dexie opened without a
      // version names no table properties, and the store key's helpers read `db.meta`
      const asDesk = Object.assign(old, { meta: old.table('meta') }) as unknown as DeskDatabase
      const encryption = await backupEncryption(asDesk, deps.keyVault)
      const built = await writeBackupOf(
        old,
        { deviceId: deps.deviceId, createdAt: deps.now(), encryption },
        {}
      )
      const made = await storeAndVerify(deps.port, built, 'upgrade', encryption?.key)
      return { kind: 'backedUp', from, to: codeVersion, id: made.id, verified: made.verified }
    } catch (e) {
      const failure = e instanceof BackupRefusedError ? e.refusal : 'error'
      return { kind: 'failed', from, to: codeVersion, failure }
    }
  } finally {
    old.close()
  }
}
