import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import { deviceCodeSchema, deviceNameSchema, type DeviceInfo } from '@shared/ipc/contract'
import { stripInvisibleChars } from '@shared/ipc/invisibleChars'

// The PC's identity lives in <userData>/device.json, owned by main (see DeviceInfo in the
// contract for why it is not in IndexedDB). Losing or duplicating deviceId would split this PC's
// history in sync, so the file is written atomically and never silently discarded.

export interface DeviceStore {
  get(): Promise<DeviceInfo>
  update(input: { deviceName: string; deviceCode: string }): Promise<DeviceInfo>
  /** A fresh device id and 电脑代码 (name kept) for a PC found sharing its id with another (a cloned
   *  disk image). Only when `formerDeviceId` is still the id: a repeated call changes nothing. */
  renew(formerDeviceId: string): Promise<DeviceInfo>
}

export interface DeviceStoreOptions {
  dataDir: string
  /** the computer's current host name; reported live, never taken from the file */
  hostname: string
  randomId?: () => string
  randomCode?: () => string
}

const FILE_NAME = 'device.json'

const storedDeviceSchema = z.object({
  schemaVersion: z.literal(1),
  // Ends up in sync file names, so it must be filename-safe on every OS.
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  deviceName: deviceNameSchema,
  deviceCode: deviceCodeSchema
})
/** Read leniently, kept clean: a name stored before invisible characters were refused (issue 17) is
 *  cleaned, never a reason to set the file aside and mint a new identity. */
const readDeviceSchema = storedDeviceSchema.extend({
  deviceName: z.string().max(200).transform(defaultDeviceName)
})
type StoredDevice = z.output<typeof storedDeviceSchema>

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const LETTERS_AND_DIGITS = LETTERS + '0123456789'

/** One uppercase letter + one uppercase letter or digit, e.g. "A3". */
export function randomDeviceCode(random: () => number = Math.random): string {
  const pick = (chars: string): string => chars[Math.floor(random() * chars.length)] ?? chars[0]!
  return pick(LETTERS) + pick(LETTERS_AND_DIGITS)
}

/** nanoid 5 is ESM-only; a dynamic import works whether main is bundled as CJS or ESM. */
async function nanoidGenerator(): Promise<() => string> {
  const { nanoid } = await import('nanoid')
  return () => nanoid()
}

/** Host names can be empty, longer than the UI allows or hold invisible characters; the default name
 *  must still be valid. */
function defaultDeviceName(hostname: string): string {
  const name = stripInvisibleChars(hostname).trim().slice(0, 40).trim()
  return name.length > 0 ? name : 'PC'
}

const isNotFound = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'

/** Windows forbids ':' in file names, so the ISO time is made filename-safe. */
const corruptSuffix = (): string => new Date().toISOString().replace(/[:.]/g, '-')

export function createDeviceStore(opts: DeviceStoreOptions): DeviceStore {
  const filePath = join(opts.dataDir, FILE_NAME)
  const randomCode = opts.randomCode ?? randomDeviceCode
  // Loaded once per process: if the file vanished mid-session we must not mint a second id
  // while the renderer is still stamping changes with the first.
  let current: StoredDevice | undefined
  // Every operation runs after the previous one, so two quick first calls create one id.
  let queue: Promise<unknown> = Promise.resolve()

  function serialized<T>(operation: () => Promise<T>): Promise<T> {
    const run = queue.then(operation, operation)
    queue = run.catch(() => undefined)
    return run
  }

  async function write(device: StoredDevice): Promise<StoredDevice> {
    // Re-check what we are about to store: a record that fails on the next read would be set
    // aside as corrupt and cost this PC its identity.
    const checked = storedDeviceSchema.parse(device)
    await mkdir(opts.dataDir, { recursive: true })
    // temp file + fsync + rename: a crash leaves either the old or the new file, never half.
    await writeFileAtomic(filePath, JSON.stringify(checked, null, 2) + '\n', {
      encoding: 'utf8',
      fsync: true
    })
    return checked
  }

  async function create(): Promise<StoredDevice> {
    const randomId = opts.randomId ?? (await nanoidGenerator())
    const device: StoredDevice = {
      schemaVersion: 1,
      deviceId: randomId(),
      deviceName: defaultDeviceName(opts.hostname),
      deviceCode: randomCode()
    }
    return write(device)
  }

  async function load(): Promise<StoredDevice> {
    let text: string
    try {
      text = await readFile(filePath, 'utf8')
    } catch (error) {
      if (isNotFound(error)) return create()
      // Unreadable for another reason (permissions, locked): fail loudly rather than replace it.
      throw error
    }

    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    const parsed = readDeviceSchema.safeParse(json)
    if (parsed.success) return parsed.data

    // Keep the bad file for support to inspect (it may hold the only copy of the old id).
    const asidePath = `${filePath}.corrupt-${corruptSuffix()}`
    await rename(filePath, asidePath)
    console.warn(`[desk] ${FILE_NAME} was invalid; kept as ${asidePath}, created a new identity`)
    return create()
  }

  async function ensureLoaded(): Promise<StoredDevice> {
    current ??= await load()
    return current
  }

  const toInfo = (device: StoredDevice): DeviceInfo => ({
    deviceId: device.deviceId,
    deviceName: device.deviceName,
    deviceCode: device.deviceCode,
    hostname: opts.hostname
  })

  return {
    get: () => serialized(async () => toInfo(await ensureLoaded())),
    // Argument validation belongs to dispatch (deskInputs.updateDevice); `write` only refuses
    // to persist a record it could not read back.
    update: (input) =>
      serialized(async () => {
        const next: StoredDevice = {
          ...(await ensureLoaded()),
          deviceName: input.deviceName,
          deviceCode: input.deviceCode
        }
        current = await write(next)
        return toInfo(current)
      }),
    renew: (formerDeviceId) =>
      serialized(async () => {
        const loaded = await ensureLoaded()
        if (loaded.deviceId !== formerDeviceId) return toInfo(loaded)
        const randomId = opts.randomId ?? (await nanoidGenerator())
        // The 电脑代码 goes too: it is in complaint numbers, which must not clash with the other PC's.
        let deviceCode = randomCode()
        while (deviceCode === loaded.deviceCode) deviceCode = randomCode()
        current = await write({ ...loaded, deviceId: randomId(), deviceCode })
        return toInfo(current)
      })
  }
}
