import type { Customer } from './customer'
import type { MergePlan } from './customerMerge'
import { maskPhone } from './phone'

// What a merge leaves on the survivor's timeline, so it can be explained later: which archive was
// merged in, what it brought (values the survivor did not have) and where every differing value
// went. Timelines are read (and printed) by roles that may not see phone numbers: phones are masked.

export interface MergeFilled {
  field: keyof Customer
  /** the value taken from the other archive (for phones and tags: only the ones added) */
  value: unknown
}

export interface MergeDifferenceRecord {
  field: keyof Customer
  survivor: unknown
  other: unknown
}

/** data of a 'customerMerged' event (on the survivor) */
export interface CustomerMergedData {
  otherId: string
  otherName: string
  /** the other archive's phones, masked */
  otherPhones: string[]
  /** complaints and returns moved to the survivor */
  complaints: number
  returns: number
  filled: MergeFilled[]
  /** values that differed; the other's one is kept in 备注 unless it was taken (see `filled`) */
  differences: MergeDifferenceRecord[]
}

/** data of a 'mergedInto' event (on the archive merged away) */
export interface MergedIntoData {
  survivorId: string
  survivorName: string
}

/** Fields a merge can fill from the other archive, in the profile form's order (notes are the merge's own text). */
const FILLABLE = [
  'name',
  'phones',
  'gender',
  'birthday',
  'address',
  'memberNo',
  'tier',
  'credit',
  'tags',
  'needs',
  'source',
  'assignedClerk'
] as const

const phonesOf = (c: Pick<Customer, 'phone' | 'phones'>) =>
  (c.phones?.length ? c.phones : [c.phone]).filter(Boolean)
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

function masked(field: keyof Customer, value: unknown): unknown {
  if (field !== 'phones' && field !== 'phone') return value
  return Array.isArray(value)
    ? value.map((p) => maskPhone(String(p)))
    : typeof value === 'string'
      ? maskPhone(value)
      : value
}

/** What the survivor took from the other archive. */
function filledFrom(survivor: Customer, other: Customer, merged: MergePlan['merged']): MergeFilled[] {
  return FILLABLE.flatMap((field): MergeFilled[] => {
    if (field === 'phones' || field === 'tags') {
      const had = field === 'phones' ? phonesOf(survivor) : (survivor.tags ?? [])
      const added = (merged[field] ?? []).filter((v) => !had.includes(v))
      return added.length ? [{ field, value: added }] : []
    }
    if (field === 'needs') {
      const theirs = other.needs?.trim()
      return theirs && merged.needs !== survivor.needs && merged.needs?.includes(theirs)
        ? [{ field, value: theirs }]
        : []
    }
    const before = survivor[field]
    const after = merged[field]
    return !blank(after) && (blank(before) || before !== after) ? [{ field, value: after }] : []
  })
}

export function mergeEventData(
  survivor: Customer,
  other: Customer,
  plan: MergePlan,
  moved: { complaints: number; returns: number }
): CustomerMergedData {
  return {
    otherId: other.id,
    otherName: other.name,
    otherPhones: phonesOf(other).map(maskPhone),
    complaints: moved.complaints,
    returns: moved.returns,
    filled: filledFrom(survivor, other, plan.merged).map((f) => ({
      field: f.field,
      value: masked(f.field, f.value)
    })),
    differences: plan.differences.map((d) => ({
      field: d.field,
      survivor: masked(d.field, d.survivor),
      other: masked(d.field, d.other)
    }))
  }
}
