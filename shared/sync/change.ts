import { z } from 'zod'
import { isHlcText } from './hlc'
import { isJsonValue, UNSAFE_KEYS, type JsonValue } from './json'

// The wire form of one change, as it travels in segment bodies. It is the outbox entry of
// renderer/src/db/schema.ts (OutboxEntry) without the local `seq`. Everything read from the share is
// validated here before it can reach IndexedDB; a bad change is quarantined on its own (validateChanges).

export const SYNCED_TABLES = [
  'staff',
  'customers',
  'complaints',
  'events',
  'settings',
  'returns',
  'handovers',
  'revisitTasks',
  'consultations',
  'problems',
  'workReports',
  'dailyFigures',
  'auditLog'
] as const
export type SyncTable = (typeof SYNCED_TABLES)[number]

/** `field` of a change whose value is a whole new record, field → value (writer.ts ALL_FIELDS). */
export const ALL_FIELDS = '*'
/** The tombstone field: value 1 deletes (the record stays, so the delete can travel). */
export const DELETED_FIELD = '_deleted'

export const MAX_RECORD_ID_LENGTH = 200
export const MAX_FIELD_LENGTH = 200
export const MAX_DEVICE_LENGTH = 64
export const MAX_STAFF_NO_LENGTH = 64
/** One change's value, serialized as JSON, in UTF-8 bytes. */
export const MAX_VALUE_BYTES = 1024 * 1024

/** Fields a change may set: domain fields and the tombstone. Bookkeeping (`id`, `_clock`, derived
 *  `_keys` …) is maintained by each PC itself and never taken from the share. */
export function isSyncableField(field: string): boolean {
  if (field.length === 0 || field.length > MAX_FIELD_LENGTH) return false
  if (field === 'id' || field === ALL_FIELDS || UNSAFE_KEYS.has(field)) return false
  return !field.startsWith('_') || field === DELETED_FIELD
}

/** UTF-8 byte length of JSON.stringify(value) without encoding it when it is clearly small. */
function jsonBytes(value: JsonValue): number {
  const text = JSON.stringify(value)
  // A UTF-16 code unit takes at most 3 UTF-8 bytes.
  if (text.length * 3 <= MAX_VALUE_BYTES) return text.length
  return new TextEncoder().encode(text).length
}

export const changeSchema = z
  .looseObject({
    hlc: z.string().max(300).refine(isHlcText, 'not an HLC stamp'),
    device: z.string().min(1).max(MAX_DEVICE_LENGTH),
    staffNo: z.string().max(MAX_STAFF_NO_LENGTH),
    table: z.enum(SYNCED_TABLES),
    recordId: z.string().min(1).max(MAX_RECORD_ID_LENGTH),
    field: z.string().refine((f) => f === ALL_FIELDS || isSyncableField(f), 'field may not be synced'),
    value: z.unknown()
  })
  .superRefine((change, ctx) => {
    const { value, field } = change
    if (value === undefined || !isJsonValue(value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'value is not plain JSON' })
      return
    }
    if (jsonBytes(value) > MAX_VALUE_BYTES)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `value larger than ${MAX_VALUE_BYTES} bytes` })
    if (field === DELETED_FIELD && value !== 1 && value !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'a tombstone is 1 (deleted) or null (restored)'
      })
    if (field === ALL_FIELDS) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: "a '*' change carries an object of fields" })
      } else {
        const bad = Object.keys(value).find((f) => !isSyncableField(f))
        if (bad !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['value', bad],
            message: `field ${JSON.stringify(bad)} may not be synced`
          })
      }
    }
  })

/** A validated change. Unknown extra properties (from a newer minor format) are kept as they were. */
export type Change = z.infer<typeof changeSchema> & { value: JsonValue }

export interface InvalidChange {
  /** position in the list given to validateChanges */
  index: number
  reason: string
}

/** One item read from a file, checked: the change, or why it cannot be applied. */
export function checkChange(item: unknown): { ok: true; change: Change } | { ok: false; reason: string } {
  const parsed = changeSchema.safeParse(item)
  if (parsed.success) return { ok: true, change: parsed.data as Change }
  return {
    ok: false,
    reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(change)'}: ${i.message}`).join('; ')
  }
}

/** Validates each change on its own, so one bad record is quarantined instead of the whole segment. */
export function validateChanges(items: readonly unknown[]): { valid: Change[]; invalid: InvalidChange[] } {
  const valid: Change[] = []
  const invalid: InvalidChange[] = []
  items.forEach((item, index) => {
    const checked = checkChange(item)
    if (checked.ok) valid.push(checked.change)
    else invalid.push({ index, reason: checked.reason })
  })
  return { valid, invalid }
}

/** The per-field view of a change: a '*' change becomes one change per field, all at its HLC. */
export function fieldChanges(change: Change): Change[] {
  if (change.field !== ALL_FIELDS) return [change]
  const fields = change.value as { [key: string]: JsonValue }
  return Object.entries(fields).map(([field, value]) => ({ ...change, field, value }))
}
