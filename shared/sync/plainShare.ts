// Fields that never travel through a store share without encryption (issue 17 point 6: "do not let an
// unencrypted share expose [PIN verifiers]"). A 4-digit PIN has 10 000 values: whoever reads a verifier
// can try them all offline, whatever the hash. So on a store without a passphrase:
// - exporting: changes of these fields are left out of segments, and snapshots leave the fields out;
// - importing: such changes (an older version's, or forged — a plain share authenticates nothing) are
//   not applied, so a PIN cannot be set from the share either.
// PINs then belong to each PC (set at the PC where one switches); with a share passphrase they sync,
// inside the encrypted segments. docs/security.md §4.

import { ALL_FIELDS } from './change'
import type { MergeRecord } from './merge'

const WITHHELD: Readonly<Record<string, readonly string[]>> = { staff: ['pinHash'] }

/** True when `table.field` may not be written to, or taken from, an unencrypted share. */
export function withheldFromPlainShare(table: string, field: string): boolean {
  return WITHHELD[table]?.includes(field) ?? false
}

/** A record without its withheld fields (value and clock), for a snapshot of an unencrypted store. */
export function withoutWithheld<R extends MergeRecord>(table: string, record: R): R {
  const fields = WITHHELD[table]
  if (!fields?.some((f) => f in record || f in record._clock)) return record
  const copy = { ...record, _clock: { ...record._clock } }
  for (const f of fields) {
    delete (copy as Record<string, unknown>)[f]
    delete copy._clock[f]
  }
  return copy
}

/** A change as an unencrypted share may carry it: null when it is a withheld field's; a whole-record
 *  change (field '*') without the withheld fields. */
export function forPlainShare<C extends { table: string; field: string; value: unknown }>(
  change: C
): C | null {
  if (withheldFromPlainShare(change.table, change.field)) return null
  const fields = WITHHELD[change.table]
  if (change.field !== ALL_FIELDS || !fields) return change
  const value = change.value
  if (!value || typeof value !== 'object' || !fields.some((f) => f in value)) return change
  const kept = { ...(value as Record<string, unknown>) }
  for (const f of fields) delete kept[f]
  return { ...change, value: kept }
}
