import { CUSTOMER_LIMITS, type Customer } from '@shared/domain/customer'
import { recordList, recordText } from '@shared/domain/recordText'

// How a roster row updates an archive already on file (导入客户 with 更新已有客户 chosen). Nothing on
// file is ever lost:
// - phones and tags are unioned: what the archive has stays, in its order (the primary phone stays
//   primary), the file's new ones are added after it;
// - 备注 is appended on a new line when the file says something the archive does not already say;
// - any other field: an empty value in the file never clears the archive; a filled value fills a
//   field that is empty ('fill', the default) or replaces what is there ('overwrite', only when the
//   user chose it);
// - 客户等级: a row without a tier reads as 普通客户, so 普通客户 from a file never replaces a tier.
// Phones or tags beyond the archive's limits are written into 备注 rather than dropped.

export type ImportUpdateMode = 'fill' | 'overwrite'

const REPLACEABLE = [
  'name',
  'gender',
  'birthday',
  'address',
  'memberNo',
  'credit',
  'needs',
  'source'
] as const

const isEmpty = (v: unknown) => v === undefined || v === null || v === ''

/** The patch that brings `incoming` (only the columns the file has) into `current`; {} when nothing changes. */
export function mergeImported(
  current: Customer,
  incoming: Partial<Customer>,
  mode: ImportUpdateMode
): Partial<Customer> {
  const patch: Partial<Customer> = {}
  const set = patch as Record<string, unknown>
  for (const field of REPLACEABLE) {
    const value = incoming[field]
    if (isEmpty(value) || value === current[field]) continue
    if (isEmpty(current[field]) || mode === 'overwrite') set[field] = value
  }
  const tier = current.tier ?? 'regular'
  if (
    incoming.tier &&
    incoming.tier !== 'regular' &&
    incoming.tier !== tier &&
    (mode === 'overwrite' || tier === 'regular')
  )
    patch.tier = incoming.tier

  const overflow: string[] = []
  const phones = union(
    current.phones?.length ? current.phones : [current.phone],
    incoming.phones ?? [],
    CUSTOMER_LIMITS.phones
  )
  if (phones.added) {
    patch.phones = phones.list
    patch.phone = phones.list[0] as string
  }
  if (phones.left.length) overflow.push(recordText('importedPhones', { list: recordList(phones.left) }))
  const tags = union(current.tags ?? [], incoming.tags ?? [], CUSTOMER_LIMITS.tags)
  if (tags.added) patch.tags = tags.list
  if (tags.left.length) overflow.push(recordText('importedTags', { list: recordList(tags.left) }))

  const said = current.notes ?? ''
  const notes = [incoming.notes && !said.includes(incoming.notes) ? incoming.notes : '', ...overflow].filter(
    Boolean
  )
  if (notes.length) patch.notes = [said, ...notes].filter(Boolean).join('\n')
  return patch
}

/** `have` then the new ones of `add`, up to `max`; `left` are the new ones that did not fit. */
function union(
  have: readonly string[],
  add: readonly string[],
  max: number
): { list: string[]; added: boolean; left: string[] } {
  const list = [...have]
  const left: string[] = []
  for (const item of add) {
    if (list.includes(item)) continue
    if (list.length < max) list.push(item)
    else left.push(item)
  }
  return { list, added: list.length > have.length, left }
}
