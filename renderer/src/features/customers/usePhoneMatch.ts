import { useEffect, useRef } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { normalizePhone } from '@shared/domain/phone'
import { type StoredCustomer } from '@/db'
import { useData } from '@/app/session'

export interface PhoneMatch<X> {
  /** the typed phone normalised; '' while it is not a valid phone */
  key: string
  /** the archive holding that phone (with `details`); null: a new customer; undefined: still looking */
  match: ({ customer: StoredCustomer } & X) | null | undefined
}

/** Phone is the key (intake forms): the live archive a typed phone belongs to. `onMatch` runs once per
 *  answer, to link or fill the form; `details` adds what the form shows beside it. */
export function usePhoneMatch<X extends object = object>(
  phone: string | undefined,
  onMatch: (customer: StoredCustomer | null) => void,
  details?: (customer: StoredCustomer) => Promise<X>
): PhoneMatch<X> {
  const data = useData()
  const normalized = normalizePhone(phone ?? '')
  const key = normalized.ok ? normalized.value : ''
  const match = useLiveQuery(async () => {
    if (!key) return null
    const customer = await data.read.findCustomerByPhone(key)
    if (!customer) return null
    return { customer, ...(details ? await details(customer) : ({} as X)) }
  }, [data, key])
  // The latest callback, without making every render an answer.
  const latest = useRef(onMatch)
  useEffect(() => {
    latest.current = onMatch
  })
  useEffect(() => {
    if (match !== undefined) latest.current(match?.customer ?? null)
  }, [match])
  return { key, match }
}
