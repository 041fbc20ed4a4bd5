import {
  CUSTOMER_FIELD_LABELS_ZH,
  CUSTOMER_LIMITS,
  GENDER_LABELS_ZH,
  TIER_LABELS_ZH,
  TIERS,
  type Customer
} from './customer'
import { maskPhone } from './phone'
import { recordList, recordText } from './recordText'

// Merging two archives of one customer (docs/design.md §3.2: "merged with nothing lost"). The survivor's
// values win; every value of the other archive that cannot live in the merged field is written to
// the notes with its label, so a wrong merge can be undone by hand. Pure and deterministic.

export interface MergeDifference {
  field: keyof Customer
  survivor: unknown
  other: unknown
}
export interface MergePlan {
  merged: Omit<Customer, 'id'>
  differences: MergeDifference[]
}

const { phone: _phone, ...fieldLabels } = CUSTOMER_FIELD_LABELS_ZH
/** The fields a merge compares, with the labels its 备注 lines use. */
export const MERGE_LABELS = fieldLabels satisfies Partial<Record<keyof Customer, string>>

const GENDER_LABELS = GENDER_LABELS_ZH
const TIER_LABELS = TIER_LABELS_ZH

/** Single-valued fields where the survivor's value wins and the other's is kept in the notes. */
type ScalarField =
  'name' | 'gender' | 'birthday' | 'address' | 'memberNo' | 'credit' | 'source' | 'assignedClerk'

const text = (v: string | undefined) => v?.trim() ?? ''
const phonesOf = (c: Customer) => (c.phones?.length ? c.phones : [c.phone]).filter((p) => text(p) !== '')
const union = (a: readonly string[], b: readonly string[]) => [
  ...new Set([...a, ...b].filter((v) => text(v) !== ''))
]

function display(field: ScalarField, value: string): string {
  if (field === 'gender') return GENDER_LABELS[value as keyof typeof GENDER_LABELS] ?? value
  return value
}

/** The line that preserves one of the other archive's values, e.g. 【合并自 张三 (138****5678)】地址：xxx.
 *  The phone is masked: notes are read (and printed) by roles that may not see phone numbers. */
function lineHeader(other: Customer): string {
  const phone = phonesOf(other)[0]
  const name = text(other.name)
  return phone
    ? recordText('mergedFrom', { name, phone: maskPhone(phone) })
    : recordText('mergedFromNoPhone', { name })
}

/** Texts from both archives, each once, survivor's first. */
function concat(a: string | undefined, b: string | undefined): string | undefined {
  const parts = [...new Set([text(a), text(b)].filter(Boolean))]
  return parts.length ? parts.join('\n') : undefined
}

export function planMerge(survivor: Customer, other: Customer): MergePlan {
  const differences: MergeDifference[] = []
  const kept: string[] = [] // "label：value" lines for the notes
  const keep = (field: keyof typeof MERGE_LABELS, value: string, s: unknown, o: unknown) => {
    differences.push({ field, survivor: s, other: o })
    kept.push(recordText('labelled', { label: MERGE_LABELS[field], value }))
  }
  /** Survivor's value if it has one, else the other's; a second, different value is kept in the notes. */
  const pick = <F extends ScalarField>(field: F): Customer[F] | undefined => {
    const s = text(survivor[field])
    const o = text(other[field])
    if (s && o && s !== o) keep(field, display(field, o), survivor[field], other[field])
    return s ? survivor[field] : o ? other[field] : undefined
  }

  // Called in field order, so `differences` and the note lines follow the profile form.
  const name = pick('name') ?? survivor.name

  // Phones: survivor's primary stays primary; beyond the limit the rest go to the notes.
  const allPhones = union(phonesOf(survivor), phonesOf(other))
  const phones = allPhones.slice(0, CUSTOMER_LIMITS.phones)
  if (allPhones.length > phones.length)
    keep('phones', recordList(allPhones.slice(phones.length)), phonesOf(survivor), phonesOf(other))

  const gender = pick('gender')
  const birthday = pick('birthday')
  const address = pick('address')
  const memberNo = pick('memberNo')

  // Tier: the higher one (regular < member < vip < key); the other's is noted only if it is the lower.
  const sTier = survivor.tier ?? 'regular'
  const oTier = other.tier ?? 'regular'
  const tier = TIERS.indexOf(oTier) > TIERS.indexOf(sTier) ? oTier : sTier
  if (sTier !== oTier) {
    differences.push({ field: 'tier', survivor: sTier, other: oTier })
    if (tier !== oTier)
      kept.push(recordText('labelled', { label: MERGE_LABELS.tier, value: TIER_LABELS[oTier] }))
  }

  const credit = pick('credit')

  const allTags = union(survivor.tags ?? [], other.tags ?? [])
  const tags = allTags.slice(0, CUSTOMER_LIMITS.tags)
  if (allTags.length > tags.length)
    keep('tags', recordList(allTags.slice(tags.length)), survivor.tags, other.tags)

  // Needs: both texts; if together they exceed the field's limit, the other's goes to the notes.
  let needs = concat(survivor.needs, other.needs)
  if (needs && needs.length > CUSTOMER_LIMITS.needs) {
    needs = text(survivor.needs) || undefined
    keep('needs', text(other.needs), survivor.needs, other.needs)
  }

  const source = pick('source')
  const assignedClerk = pick('assignedClerk')

  const header = lineHeader(other)
  const notes = concat(concat(survivor.notes, other.notes), kept.map((line) => header + line).join('\n'))

  const merged: Omit<Customer, 'id'> = {
    name,
    phone: phones[0] ?? survivor.phone,
    phones,
    gender,
    birthday,
    address,
    memberNo,
    tier,
    credit,
    tags,
    needs,
    source,
    assignedClerk,
    notes
  }
  for (const k of Object.keys(merged) as (keyof typeof merged)[])
    if (merged[k] === undefined) delete merged[k]
  return { merged, differences }
}
