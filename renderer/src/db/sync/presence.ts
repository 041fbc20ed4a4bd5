import { z } from 'zod'
import { MAX_FORWARD_SKEW_MS } from '@shared/sync/hlc'
import type { DataContext } from '../context'
import { cursorsForDeviceJson } from './peerCursor'
import { isShareError, type SharePort } from './sharePort'

// Who else syncs with this store, as the sync page lists them: each PC publishes a small status file
// in its own folder after every round — devices/<id>/status-<ms 15 digits>.json, written once like
// every other file (newest name wins; the PC removes its older ones). Writing it doubles as the clock
// probe: the share stamps the file's modification time, and the difference to our clock at the
// moment of writing is this PC's clock offset against the share.

const STATUS_FILE = /^status-(\d{15})\.json$/
const KEEP = 2

/** The status file's format (docs/sync-format.md §4); files written before issue 18 carry none (1.0). */
export const PRESENCE_FORMAT = { major: 1, minor: 0 } as const

export const presenceSchema = z.looseObject({
  kind: z.literal('device'),
  formatVersion: z.object({ major: z.literal(1), minor: z.number().int().nonnegative() }).optional(),
  deviceId: z.string().min(1).max(64),
  name: z.string().max(80),
  appVersion: z.string().max(40),
  lastSeen: z.number(),
  clockOffsetMs: z.number().nullable(),
  cursors: z.record(z.string(), z.unknown())
})
export type Presence = z.infer<typeof presenceSchema>

export interface PresenceInfo {
  name: string
  appVersion: string
}

const OFFSET_KEY = 'sync.clockOffsetMs'

/** Publishes this PC's status and measures its clock against the share; returns the offset in ms
 *  (share time − our time), or null when the share gave no usable time. Never throws for share trouble. */
export async function publishPresence(
  ctx: DataContext,
  share: SharePort,
  info: PresenceInfo
): Promise<number | null> {
  const dir = `devices/${ctx.device.deviceId}`
  const before = ctx.now()
  const previousOffset = ((await ctx.db.meta.get(OFFSET_KEY))?.value as number | undefined) ?? null
  const body: Presence = {
    kind: 'device',
    formatVersion: { ...PRESENCE_FORMAT },
    deviceId: ctx.device.deviceId,
    name: info.name,
    appVersion: info.appVersion,
    lastSeen: before,
    clockOffsetMs: previousOffset,
    cursors: await cursorsForDeviceJson(ctx)
  }
  const bytes = new TextEncoder().encode(JSON.stringify(body, null, 2))
  // Names sort by time; two rounds in the same millisecond take the next free one.
  let name = ''
  for (let stamp = before; !name; stamp++) {
    const candidate = `status-${String(stamp).padStart(15, '0')}.json`
    try {
      await share.writeNew(`${dir}/${candidate}`, bytes)
      name = candidate
    } catch (error) {
      if (isShareError(error, 'unavailable') || stamp - before >= 10) return previousOffset
      if (!isShareError(error, 'exists')) throw error
    }
  }
  const after = ctx.now()
  const entries = await share.list(dir)
  const written = entries.find((e) => e.name === name)
  const offset = written && written.mtimeMs > 0 ? Math.round(written.mtimeMs - (before + after) / 2) : null
  await ctx.db.meta.put({ key: OFFSET_KEY, value: offset })
  // Older status files of ours go: only the newest matters, and the folder must not grow.
  const old = entries
    .filter((e) => STATUS_FILE.test(e.name))
    .map((e) => e.name)
    .sort()
    .slice(0, -KEEP)
  for (const stale of old) await share.remove(`${dir}/${stale}`).catch(() => undefined)
  return offset
}

/** The clock offset measured in the last round (null before the first). */
export async function lastClockOffset(ctx: DataContext): Promise<number | null> {
  return ((await ctx.db.meta.get(OFFSET_KEY))?.value as number | undefined) ?? null
}

/** |offset| beyond which the sync page warns that this PC's clock is off. */
export const CLOCK_WARN_MS = MAX_FORWARD_SKEW_MS

export interface PeerPresence extends Presence {
  /** a PC that wrote segments but no readable status file yet */
  known: boolean
}

/** Every PC that has a folder on the share, with its newest readable status (ours included). */
export async function readPeers(share: SharePort): Promise<PeerPresence[]> {
  const out: PeerPresence[] = []
  for (const device of await share.list('devices')) {
    const files = await share.list(`devices/${device.name}`)
    const newest = files
      .filter((f) => STATUS_FILE.test(f.name))
      .map((f) => f.name)
      .sort()
      .at(-1)
    let presence: Presence | null = null
    if (newest) {
      try {
        const parsed = presenceSchema.safeParse(
          JSON.parse(new TextDecoder().decode(await share.read(`devices/${device.name}/${newest}`)))
        )
        if (parsed.success && parsed.data.deviceId === device.name) presence = parsed.data
      } catch {
        // unreadable or half-gone: listed without details
      }
    }
    out.push(
      presence
        ? { ...presence, known: true }
        : {
            kind: 'device',
            deviceId: device.name,
            name: '',
            appVersion: '',
            lastSeen: device.mtimeMs,
            clockOffsetMs: null,
            cursors: {},
            known: false
          }
    )
  }
  return out.sort((a, b) => b.lastSeen - a.lastSeen)
}
