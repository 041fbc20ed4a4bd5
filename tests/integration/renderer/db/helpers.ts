import 'fake-indexeddb/auto'
import { openDataLayer, type DataContext } from '@/db/context'
import type { DeviceInfo } from '@shared/ipc/contract'
import type { KeyVault } from '@/db/sync/storeKey'
import type { DraftStash } from '@/db/draftStash'

let counter = 0

export function device(deviceId = 'dev-a', deviceCode = 'A3'): DeviceInfo {
  return { deviceId, deviceName: 'KEFU-PC', deviceCode, hostname: 'KEFU-PC' }
}

/** A data layer on a fresh fake-indexeddb database; `now` is a mutable clock the test drives. */
export async function freshData(
  opts: {
    dev?: DeviceInfo
    dbName?: string
    time?: { value: number }
    keyVault?: KeyVault
    draftStash?: DraftStash
  } = {}
): Promise<DataContext & { time: { value: number } }> {
  const time = opts.time ?? { value: Date.parse('2026-11-22T10:00:00+08:00') }
  const ctx = await openDataLayer(opts.dev ?? device(), {
    dbName: opts.dbName ?? `test-${++counter}-${Math.random()}`,
    now: () => time.value,
    ...(opts.keyVault ? { keyVault: opts.keyVault } : {}),
    ...(opts.draftStash ? { draftStash: opts.draftStash } : {})
  })
  return Object.assign(ctx, { time })
}
