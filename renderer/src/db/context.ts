import type { DeviceInfo } from '../../../shared/ipc/contract'
import { DeskDatabase, DEFAULT_DB_NAME } from './database'
import { Writer } from './writer'

/** Everything the data layer needs, opened once at start-up (or per test with its own name). */
export interface DataContext {
  readonly db: DeskDatabase
  readonly writer: Writer
  readonly device: DeviceInfo
  /** wall clock; injectable so tests can drive time */
  readonly now: () => number
}

export async function openDataLayer(
  device: DeviceInfo,
  options: { dbName?: string; now?: () => number } = {}
): Promise<DataContext> {
  const db = new DeskDatabase(options.dbName ?? DEFAULT_DB_NAME)
  await db.open()
  const now = options.now ?? Date.now
  const writer = await Writer.open(db, device.deviceId, now)
  return { db, writer, device, now }
}
