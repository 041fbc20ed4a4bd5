import type { DeviceInfo } from '../../../shared/ipc/contract'
import { DeskDatabase, DEFAULT_DB_NAME } from './database'
import { Writer } from './writer'
import { ensureTallies } from './tallies'
import { STATUSES } from '../../../shared/domain/complaint'

/** Everything the data layer needs, opened once at start-up (or per test with its own name). */
export interface DataContext {
  readonly db: DeskDatabase
  readonly writer: Writer
  /** this PC as main knows it; replaced when the user renames it (its deviceId never changes) */
  device: DeviceInfo
  /** wall clock; injectable so tests can drive time */
  readonly now: () => number
}

export async function openDataLayer(
  device: DeviceInfo,
  options: { dbName?: string; now?: () => number } = {}
): Promise<DataContext> {
  const db = new DeskDatabase(options.dbName ?? DEFAULT_DB_NAME)
  await db.open()
  await ensureTallies(db, STATUSES)
  const now = options.now ?? Date.now
  const writer = await Writer.open(db, device.deviceId, now)
  return { db, writer, device, now }
}

/** After the user edits this PC's name or code: later complaint numbers use the new code. */
export function setDeviceInfo(ctx: DataContext, device: DeviceInfo): void {
  if (device.deviceId !== ctx.device.deviceId) throw new Error('device id cannot change while the data layer is open')
  ctx.device = device
}
