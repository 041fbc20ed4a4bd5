import type { TFunction } from 'i18next'
import type { Customer } from '@shared/domain/customer'
import { maskPhone } from '@shared/domain/phone'
import type { MergeDifferenceRecord, MergeFilled } from '@shared/domain/customerMergeRecord'

// Words for merge previews and merge events: field values as staff read them, and where the other
// archive's differing value went.

export function phonesOf(c: Pick<Customer, 'phone' | 'phones'>): string[] {
  return c.phones?.length ? c.phones : [c.phone]
}

/** One value for display. `maskPhones`: phones from a live record (event data holds them masked already). */
export function valueText(t: TFunction, field: string, value: unknown, maskPhones: boolean): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return '—'
  if (field === 'tier') return t(`customer.tierOption.${String(value)}`)
  if (field === 'gender') return t(`customer.genderOption.${String(value)}`)
  if (field === 'phones' || field === 'phone') {
    const list = Array.isArray(value) ? value.map(String) : [String(value)]
    return list.map((p) => (maskPhones ? maskPhone(p) : p)).join(t('pattern.listSeparator'))
  }
  return Array.isArray(value) ? value.join(t('pattern.listSeparator')) : String(value)
}

export type OtherValueGoes = 'notes' | 'higherTier' | 'lowerTierNoted' | 'combined'

/** Where the other archive's differing value went (the same rules as planMerge). */
export function whereOtherGoes(d: MergeDifferenceRecord, filled: readonly MergeFilled[]): OtherValueGoes {
  const taken = filled.some((f) => f.field === d.field)
  if (d.field === 'tier') return taken ? 'higherTier' : 'lowerTierNoted'
  if (d.field === 'needs' && taken) return 'combined'
  return 'notes'
}
