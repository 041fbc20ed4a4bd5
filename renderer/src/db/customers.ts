import Dexie from 'dexie'
import { auditedTransact } from './audit'
import {
  joiningCustomer,
  joiningCustomersHeld,
  joiningCustomerUnstored,
  joiningCustomersUnstored,
  searchJoiningCustomers
} from './joiningCustomers'
import { customersPending } from './historyLoad'
import { customerById, customersByIds, firstCustomerWithKey, firstCustomerWithPhone } from './customerReads'
import { roleRefusal, RoleRefusedError } from './roles'
import { ROLES } from '@shared/domain/staff'
import { nanoid } from 'nanoid'
import { minimalCustomer, type Customer } from '@shared/domain/customer'
import { maskPhone } from '@shared/domain/phone'
import type { DataContext } from './context'
import { DERIVE_MEASURE, deriveKeyAccountTask, deriveNewCustomerTasks } from './revisitDerive'
import type { SyncedRecords } from './schema'
import type { WriteTx } from './writer'

// 客户档案: creating, correcting and annotating archives. Every change is a step on the customer's
// own timeline (old → new for corrections), written in the same transaction as the change.

export type StoredCustomer = SyncedRecords['customers']

/** The data layer refused; `message` is an i18n key (customer.*), `existingId` names the archive in the way. */
export class CustomerRefusedError extends Error {
  constructor(
    message: string,
    readonly existingId?: string
  ) {
    super(message)
  }
}

const PROFILE_FIELDS = [
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
  'assignedClerk',
  'notes'
] as const
type ProfileField = (typeof PROFILE_FIELDS)[number]
export type CustomerProfileRecord = Omit<Customer, 'id' | 'mergedInto' | 'mergedFrom'>

function digits(phone: string): string {
  return phone.replace(/\D/g, '')
}

/** The live archive holding this (normalised) phone among any of its numbers. */
export async function findCustomerByPhone(
  ctx: DataContext,
  phone: string
): Promise<StoredCustomer | undefined> {
  // A roster row imported without a phone has phone '': an empty phone matches no archive.
  if (!phone) return undefined
  const byPrimary = await firstCustomerWithPhone(ctx.db, phone, (c) => !c._deleted)
  if (byPrimary) return byPrimary
  const byAny = await firstCustomerWithKey(
    ctx.db,
    `p:${digits(phone)}`,
    (c) => !c._deleted && (c.phones ?? [c.phone]).includes(phone)
  )
  if (byAny || !joiningCustomersHeld(ctx.db)) return byAny
  // A joining PC may not have stored this archive yet: a second one with the same phone must not be
  // made (intake, 新建客户), so the held rows are asked too, and the one found is stored for use.
  const held = (searchJoiningCustomers(ctx.db, [`p:${digits(phone)}`], 50) ?? []).filter(
    (c) => !c._deleted && (c.phones ?? [c.phone]).includes(phone)
  )
  const found = held.find((c) => c.phone === phone) ?? held[0]
  return found && storedCustomer(ctx, found.id)
}

/** The stored row for `id`. On a joining PC that holds the archive but has not stored it yet, it is
 *  stored first (in the caller's transaction when there is one), so whatever is done with it next has
 *  a row to write to. Where nothing may be written — a read-only transaction, or a page's live query
 *  (Dexie refuses any write there with ReadOnlyError, before writing anything) — the held row is
 *  answered as it is; the next write to it stores it. */
async function storedCustomer(ctx: DataContext, id: string): Promise<StoredCustomer | undefined> {
  const row = await customerById(ctx.db, id)
  if (row || !joiningCustomerUnstored(ctx.db, id)) return row
  const held = joiningCustomer(ctx.db, id)
  if (!held) return undefined
  if (Dexie.currentTransaction?.mode === 'readonly') return held
  try {
    await ctx.writer.storeJoiningCustomers([held])
  } catch (error) {
    if ((error as Error | null)?.name === Dexie.errnames.ReadOnly) return held
    throw error
  }
  return customerById(ctx.db, id)
}

/** Work on the whole archive (import, export, a campaign, moving a clerk's customers) is refused while
 *  a joining PC has not stored every customer yet: it would miss or duplicate the rest. */
export async function refuseWhileCustomersLoad(ctx: DataContext): Promise<void> {
  if (await customersStillLoading(ctx)) throw new CustomerRefusedError('customer.stillLoading')
}

/** Whether a joining PC has customers still to store (the archive's list and counts are not whole). */
export async function customersStillLoading(ctx: DataContext): Promise<boolean> {
  return joiningCustomersUnstored(ctx.db) > 0 || (await customersPending(ctx.db))
}

/** Follows merges: an archive merged into another answers with the survivor. */
export async function getLiveCustomer(ctx: DataContext, id: string): Promise<StoredCustomer | undefined> {
  let current = await storedCustomer(ctx, id)
  for (let hops = 0; current?.mergedInto && hops < 10; hops++)
    current = await storedCustomer(ctx, current.mergedInto)
  return current && !current._deleted ? current : undefined
}

export async function getCustomer(ctx: DataContext, id: string): Promise<StoredCustomer | undefined> {
  return storedCustomer(ctx, id)
}

/** Which of these phones already belong to a live archive other than `exceptId`. */
async function phoneConflict(
  ctx: DataContext,
  phones: string[],
  exceptId?: string
): Promise<StoredCustomer | undefined> {
  for (const phone of phones) {
    const owner = await findCustomerByPhone(ctx, phone)
    if (owner && owner.id !== exceptId) return owner
  }
  return undefined
}

/** Intake (complaint, return): the given archive, or the one holding this phone, or a new one — inside the caller's transaction. */
export async function findOrCreateCustomer(
  ctx: DataContext,
  tx: WriteTx,
  staffNo: string,
  who: { customerId?: string | null; name: string; phone: string }
): Promise<string> {
  const given = who.customerId ? await getLiveCustomer(ctx, who.customerId) : undefined
  const known = given ?? (await findCustomerByPhone(ctx, who.phone))
  if (known) return known.id
  const id = nanoid()
  await tx.create('customers', minimalCustomer(id, who.name, who.phone))
  await tx.create('events', {
    id: nanoid(),
    subjectId: id,
    type: 'customerCreated',
    at: ctx.now(),
    staffNo,
    data: { via: 'intake' }
  })
  return id
}

/** 新建客户. A phone already on file is refused with the archive that has it, so the form can offer it instead. */
export async function createCustomer(
  ctx: DataContext,
  staffNo: string,
  profile: CustomerProfileRecord
): Promise<StoredCustomer> {
  return ctx.writer.transact(staffNo, async (tx) => {
    const clash = await phoneConflict(ctx, profile.phones)
    if (clash) throw new CustomerRefusedError('customer.phoneExists', clash.id)
    const id = nanoid()
    // 新客户回访 / 大客户回访 (docs/revisits.md §3), asked for with the customer and its event: three
    // writes to different stores, one transaction. Archives made at intake are not: they are followed
    // up as the complaint's own 投诉回访.
    await tx.together(
      DERIVE_MEASURE,
      deriveNewCustomerTasks(ctx, tx, [{ id, ...profile }]),
      Promise.all([
        tx.create('customers', { id, ...profile }),
        tx.create('events', {
          id: nanoid(),
          subjectId: id,
          type: 'customerCreated',
          at: ctx.now(),
          staffNo,
          data: { via: 'form' }
        })
      ])
    )
    return (await customerById(ctx.db, id)) as StoredCustomer
  })
}

function changedFields(
  current: Customer,
  next: CustomerProfileRecord
): { field: ProfileField; from: unknown; to: unknown }[] {
  const norm = (v: unknown) => (v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v)
  return PROFILE_FIELDS.flatMap((field) => {
    const from = norm(current[field])
    const to = norm(next[field])
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, from: from ?? null, to: to ?? null }]
  })
}

/** Corrects a profile; each changed field is recorded (old → new) on the timeline. Returns how many changed. */
export async function updateCustomer(
  ctx: DataContext,
  staffNo: string,
  id: string,
  profile: CustomerProfileRecord
): Promise<number> {
  return ctx.writer.transact(staffNo, async (tx) => {
    const current = await customerById(ctx.db, id)
    if (!current || current._deleted) throw new CustomerRefusedError('customer.notFound')
    const clash = await phoneConflict(ctx, profile.phones, id)
    if (clash) throw new CustomerRefusedError('customer.phoneExists', clash.id)
    const changes = changedFields(current, profile)
    if (changes.length === 0) return 0
    const patch: Partial<Customer> = { phone: profile.phones[0] }
    for (const c of changes)
      (patch as Record<string, unknown>)[c.field] =
        c.to ?? (c.field === 'tags' || c.field === 'phones' ? [] : '')
    await tx.update('customers', id, patch)
    await tx.together(
      DERIVE_MEASURE,
      deriveKeyAccountTask(ctx, tx, current, { ...current, ...patch }),
      tx.create('events', {
        id: nanoid(),
        subjectId: id,
        type: 'customerEdited',
        at: ctx.now(),
        staffNo,
        data: { changes }
      })
    )
    return changes.length
  })
}

/** A free note on the customer's timeline (preferences noticed, a call made…). */
export async function addCustomerNote(
  ctx: DataContext,
  staffNo: string,
  id: string,
  text: string
): Promise<void> {
  const note = text.trim()
  if (!note) throw new CustomerRefusedError('validation.required')
  if (note.length > 2000) throw new CustomerRefusedError('validation.tooLong')
  await ctx.writer.transact(staffNo, async (tx) => {
    if (!(await customerById(ctx.db, id))) throw new CustomerRefusedError('customer.notFound')
    await tx.create('events', {
      id: nanoid(),
      subjectId: id,
      type: 'customerNote',
      at: ctx.now(),
      staffNo,
      data: { text: note }
    })
  })
}

/** 查看完整号码: deliberate and recorded (who, when, which number — itself kept masked). */
export async function revealPhone(
  ctx: DataContext,
  staffNo: string,
  id: string,
  phone: string
): Promise<void> {
  // Any active 工号 may reveal one number at a time (design §2); an unknown or retired one may not.
  const refusal = await roleRefusal(ctx, staffNo, ROLES)
  if (refusal) throw new RoleRefusedError(refusal)
  await auditedTransact(
    ctx,
    staffNo,
    { kind: 'phoneRevealed', params: { customerId: id, phone: maskPhone(phone) } },
    async (tx, record) => {
      await tx.create('events', {
        id: nanoid(),
        subjectId: id,
        type: 'phoneRevealed',
        at: ctx.now(),
        staffNo,
        data: { phone: maskPhone(phone) }
      })
      await record()
    }
  )
}

/** Which of these archives are 大客户 (for marking them in lists of complaints and returns). */
export async function keyAccountsAmong(ctx: DataContext, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)]
  const rows = await customersByIds(ctx.db, unique)
  return new Set(rows.flatMap((c) => (c && c.tier === 'key' ? [c.id] : [])))
}
