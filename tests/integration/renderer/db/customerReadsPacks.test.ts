// fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto'
// eslint-disable-next-line no-restricted-imports -- the list runs as a page's live query runs it (useLiveQuery)
import { liveQuery } from 'dexie'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { TIERS, type Customer, type Tier } from '@shared/domain/customer'
import {
  allCustomerIds,
  allStoredCustomers,
  clerksHoldingCustomers,
  countCustomersOfClerk,
  countListedCustomers,
  CUSTOMER_STORES,
  customerById,
  customerIdsInTier,
  customerIdsOfClerk,
  customerIdsWhere,
  customerIdsWithKeyPrefix,
  customerPage,
  customersByIds,
  customersWithAnyKey,
  customersWithKeyPrefix,
  eachCustomerKeyBetween,
  eachCustomerKeyWithPrefix,
  eachDistinctCustomerKeyWithPrefix,
  firstCustomerWithKey,
  firstCustomerWithPhone,
  listedCustomers,
  type CustomerFilter,
  type CustomerScope
} from '@/db/customerReads'
import type { StoredCustomer } from '@/db/customers'
import { customerKeys, loadCustomerSearch, withDerived } from '@/db/derived'
import { storeCustomerPacks, unpackCustomers } from '@/db/packedCustomers'
import type { DataContext } from '@/db/context'
import { freshData } from './helpers'

// The customer archive with some customers in packs (issue 18, packedCustomers.ts, customerReads.ts):
// every read of customerReads.ts answers a store whose customers are partly packed exactly as the same
// store with every customer a row — the same records, in the same order, the same duplicates (a
// customer read once per matching search key), the same counts. Packs are made by one or several
// storeCustomerPacks calls over random groups, some customers are unpacked again; the packed store is
// read as it was made (the packs' very rows kept parsed), from a fresh connection (parsed from their
// text) and inside a read-only transaction.

type Db = DataContext['db']

const STAMP = { hlc: '000001790000000-0000-dev-a', device: 'dev-a', staffNo: '1001' }

const NAMES = [
  '张三',
  '张三',
  '张四',
  '张',
  '李四',
  '王五',
  '单雄信',
  '阿依古丽·买买提',
  'Tom李',
  '𠮷野家', // outside the BMP: surrogates sort below ＡＢ in code units
  'ＡＢ',
  'zhang san'
] as const
const PHONES = [
  '13800138000',
  '13800138000',
  '13800139999',
  '13912345678',
  '18612348000',
  '021-52341234',
  '0571-88888888-123',
  '010-68008000'
] as const
const CARDS = ['M100001', 'M100002', 'VIP-8000', '1380'] as const
const CLERKS = ['1001', '1002', '2001'] as const

const customerArb = fc.record({
  id: fc.stringMatching(/^[0-9a-f]{1,3}$/),
  name: fc.constantFrom(...NAMES),
  phones: fc.array(fc.constantFrom(...PHONES), { minLength: 1, maxLength: 3 }),
  card: fc.option(fc.constantFrom(...CARDS), { nil: undefined }),
  tier: fc.constantFrom(...TIERS),
  // absent (→ _clerk ''), '' typed, or a 工号
  clerk: fc.constantFrom(undefined, '', ...CLERKS, '1001'),
  // live, tombstoned, or merged into another (and tombstoned, as customerMerge leaves it)
  state: fc.constantFrom('live', 'live', 'live', 'live', 'deleted', 'merged'),
  survivor: fc.boolean(),
  // where B keeps it: a row, in a pack (of group n's storeCustomerPacks call), or packed then unpacked
  place: fc.constantFrom('row', 'packed', 'packed', 'unpacked'),
  group: fc.integer({ min: 0, max: 3 })
})
type Spec = Omit<typeof customerArb extends fc.Arbitrary<infer T> ? T : never, 'name' | 'phones'> & {
  name: string
  phones: string[]
}

/** The stored row of a generated customer, derived keys as the writer derives them (customerKeys). */
function stored(s: Spec, i: number, all: readonly Spec[]): StoredCustomer {
  const other = all[(i + 1) % all.length]?.id ?? s.id
  const c: Customer & { _deleted?: 1 } = {
    id: `cu-${s.id}`,
    name: s.name,
    phone: s.phones[0] as string,
    phones: s.phones,
    tier: s.tier,
    tags: i % 3 === 0 ? ['老客户'] : [],
    ...(s.card !== undefined ? { memberNo: s.card } : {}),
    ...(s.clerk !== undefined ? { assignedClerk: s.clerk } : {}),
    ...(s.survivor && s.state === 'live' ? { mergedFrom: [`cu-${other}`] } : {}),
    ...(s.state === 'merged' ? { mergedInto: `cu-${other}` } : {}),
    ...(s.state !== 'live' ? { _deleted: 1 as const } : {})
  }
  const row = { ...c, _clock: {}, _created: STAMP, _updated: STAMP }
  return withDerived(row, customerKeys(row)) as StoredCustomer
}

// The scopes are async functions: Dexie keeps its transaction across the native awaits of an async
// scope only (a plain arrow returning the promise loses it after the packs' raw IndexedDB adds, and
// the transaction commits under the work still to do: PrematureCommitError).

/** Stores these rows as packs, in the writer's kind of transaction. */
async function pack(db: Db, rows: readonly StoredCustomer[]): Promise<void> {
  await db.transaction('rw', ['customers', 'customerPacks'], async () => {
    await storeCustomerPacks(db, rows)
  })
}

async function unpack(db: Db, ids: readonly string[]): Promise<string[]> {
  return db.transaction('rw', ['customers', 'customerPacks'], async () => await unpackCustomers(db, ids))
}

const clone = <T>(rows: readonly T[]): T[] => rows.map((r) => structuredClone(r))

/** Two stores of the same customers: A all rows, B with some packed (some of those unpacked again). */
async function pair(specs: readonly Spec[], opts: { oneCall: boolean; strays: boolean }) {
  const rows = specs.map((s, i) => stored(s, i, specs))
  const a = await freshData()
  const b = await freshData()
  await a.db.customers.bulkPut(clone(rows))

  const packed = rows.filter((_, i) => specs[i]?.place !== 'row')
  await b.db.customers.bulkPut(clone(rows.filter((_, i) => specs[i]?.place === 'row')))
  if (opts.oneCall) {
    if (packed.length) await pack(b.db, clone(packed))
  } else {
    for (let g = 0; g <= 3; g++) {
      const group = packed.filter((r) => specs[rows.indexOf(r)]?.group === g)
      if (group.length) await pack(b.db, clone(group))
    }
  }
  const back = rows.filter((_, i) => specs[i]?.place === 'unpacked').map((r) => r.id)
  // ids of rows and unknown ids are left as they are
  const strays = opts.strays
    ? ['cu-unknown', ...rows.filter((_, i) => specs[i]?.place === 'row').map((r) => r.id)]
    : []
  const moved = await unpack(b.db, [...back, ...strays])
  expect([...moved].sort()).toEqual([...back].sort())

  // a customer is a row or in one pack, never both
  const rowIds = (await b.db.customers.toCollection().primaryKeys()) as string[]
  const packedIds = (await b.db.customerPacks.toArray()).flatMap((p) => p.ids)
  expect([...rowIds, ...packedIds].sort()).toEqual(rows.map((r) => r.id).sort())
  expect(packedIds.length).toBe(packed.length - back.length)
  return { a, b, rows }
}

// --- What is asked -----------------------------------------------------------------------------------

const KEEPS: Record<string, (c: StoredCustomer) => boolean> = {
  any: () => true,
  live: (c) => !c._deleted,
  notRegular: (c) => c.tier !== 'regular',
  liveOddId: (c) => !c._deleted && c.id.charCodeAt(c.id.length - 1) % 2 === 1,
  none: () => false
}
const keepArb = fc.constantFrom(...Object.keys(KEEPS))

const PREFIXES = [
  '',
  'n:',
  'n:张',
  'n:张三',
  'p:',
  'p:1',
  'p:138',
  'p:0',
  'p:021-',
  'i:',
  'i:z',
  'f:zh',
  't:',
  't:8000',
  'm:',
  'm:m',
  'n:\uffff',
  'zz',
  '~'
] as const

const filterArb: fc.Arbitrary<CustomerFilter> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...TIERS).map((tier) => ({ tier })),
  fc.constantFrom('', ...CLERKS, '9999').map((clerk) => ({ clerk })),
  fc.constant({ clerk: '' }),
  fc.record({ tier: fc.constantFrom(...TIERS), clerk: fc.constantFrom('', ...CLERKS) })
)

const scopeArb: fc.Arbitrary<CustomerScope> = fc.oneof(
  fc.constant('all' as const),
  fc.array(fc.constantFrom(...TIERS), { maxLength: 5 }).map((tiers) => ({ tiers })),
  fc.constantFrom('', ...CLERKS, '9999').map((clerk) => ({ clerk }))
)

const askArb = fc.record({
  // a pick among the store's ids (n) or an unknown one (-1)
  ids: fc.array(fc.integer({ min: -1, max: 70 }), { maxLength: 8 }),
  phone: fc.constantFrom(...PHONES, '13700000000'),
  // a pick among the store's search keys, or a fixed one
  key: fc.oneof(fc.nat(), fc.constantFrom('n:张三', 'p:13800138000', 't:8000', 'm:m100001', 'n:nobody')),
  anyKeys: fc.array(fc.oneof(fc.nat(), fc.constantFrom('n:张三', 't:8000', 'i:zs', 'p:')), { maxLength: 6 }),
  keep: keepArb,
  // a fixed prefix, or one cut from a store's key
  prefixes: fc.array(
    fc.oneof(fc.constantFrom(...PREFIXES), fc.tuple(fc.nat(), fc.integer({ min: 0, max: 8 }))),
    { minLength: 2, maxLength: 5 }
  ),
  limit: fc.integer({ min: 1, max: 30 }),
  lower: fc.constantFrom(...PREFIXES),
  upper: fc.constantFrom(...PREFIXES, 'p:2', 't:9', 'n:李'),
  clerk: fc.constantFrom('', ...CLERKS, '9999'),
  tier: fc.constantFrom(...TIERS),
  scope: scopeArb,
  pages: fc.array(
    fc.record({
      filter: filterArb,
      offset: fc.integer({ min: 0, max: 70 }),
      limit: fc.integer({ min: 1, max: 70 })
    }),
    { minLength: 2, maxLength: 5 }
  )
})
type Ask = typeof askArb extends fc.Arbitrary<infer T> ? T : never

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined

/** Every read of customerReads.ts, labelled, for these arguments (resolved against the store). */
async function readAll(db: Db, ask: Ask, rows: readonly StoredCustomer[]): Promise<[string, unknown][]> {
  const ids = rows.map((r) => r.id)
  const keys = [...new Set(rows.flatMap((r) => r._keys ?? []))].sort()
  const keyOf = (k: number | string) => (typeof k === 'string' ? k : (pick(keys, k) ?? 'n:none'))
  const prefixes = ask.prefixes.map((p) =>
    typeof p === 'string' ? p : (pick(keys, p[0]) ?? '').slice(0, p[1])
  )
  const out: [string, unknown][] = []
  const read = async (label: string, value: Promise<unknown>) => {
    out.push([label, await value])
  }
  const walk = async (label: string, run: (visit: (k: string, id: string) => void) => Promise<void>) => {
    const seen: [string, string][] = []
    await run((k, id) => seen.push([k, id]))
    out.push([label, seen])
  }

  const asked = ask.ids.map((n) => (n < 0 ? 'cu-unknown' : (pick(ids, n) ?? 'cu-none')))
  for (const id of [...asked.slice(0, 3), 'cu-unknown'])
    await read(`customerById(${id})`, customerById(db, id))
  await read(`customersByIds(${asked.join()})`, customersByIds(db, asked))
  await read(`customersByIds(dups)`, customersByIds(db, [...asked, ...asked]))

  for (const phone of [ask.phone, ...PHONES.slice(0, 3)])
    for (const [k, kept] of Object.entries(KEEPS))
      await read(`firstCustomerWithPhone(${phone}, ${k})`, firstCustomerWithPhone(db, phone, kept))
  for (const key of [keyOf(ask.key), 'n:张三', 'p:13800138000', 't:8000'])
    for (const [k, kept] of Object.entries(KEEPS))
      await read(`firstCustomerWithKey(${key}, ${k})`, firstCustomerWithKey(db, key, kept))

  for (const prefix of prefixes) {
    for (const limit of [ask.limit, 1, 30])
      await read(`customersWithKeyPrefix(${prefix}, ${limit})`, customersWithKeyPrefix(db, prefix, limit))
    await walk(`eachCustomerKeyWithPrefix(${prefix})`, (v) => eachCustomerKeyWithPrefix(db, prefix, v))
    await walk(`eachDistinctCustomerKeyWithPrefix(${prefix})`, (v) =>
      eachDistinctCustomerKeyWithPrefix(db, prefix, v)
    )
    await read(`customerIdsWithKeyPrefix(${prefix})`, customerIdsWithKeyPrefix(db, prefix))
  }
  const anyKeys = ask.anyKeys.map(keyOf)
  await read(`customersWithAnyKey(${anyKeys.join()})`, customersWithAnyKey(db, anyKeys))
  for (const [lower, upper] of [
    [ask.lower, ask.upper],
    [ask.upper, ask.lower],
    ['n:', 'n:\uffff'],
    [prefixes[0] ?? '', prefixes[1] ?? '']
  ] as const)
    await walk(`eachCustomerKeyBetween(${lower}, ${upper})`, (v) =>
      eachCustomerKeyBetween(db, lower, upper, v)
    )

  for (const clerk of [ask.clerk, '', '1001']) {
    await read(`countCustomersOfClerk(${clerk})`, countCustomersOfClerk(db, clerk))
    await read(`customerIdsOfClerk(${clerk})`, customerIdsOfClerk(db, clerk))
  }
  await read('clerksHoldingCustomers', clerksHoldingCustomers(db))
  for (const tier of [ask.tier, 'key'] as Tier[])
    await read(`customerIdsInTier(${tier})`, customerIdsInTier(db, tier))
  for (const scope of [
    ask.scope,
    'all',
    { tiers: ['vip', 'regular', 'vip'] },
    { clerk: '' }
  ] as CustomerScope[])
    for (const k of [ask.keep, 'any'])
      await read(
        `customerIdsWhere(${JSON.stringify(scope)}, ${k})`,
        customerIdsWhere(db, scope, KEEPS[k] as (c: StoredCustomer) => boolean)
      )

  for (const { filter, offset, limit } of [
    { filter: {}, offset: 0, limit: 50 },
    { filter: {}, offset: 3, limit: 2 },
    { filter: { clerk: '' }, offset: 0, limit: 10 },
    { filter: {}, offset: rows.length, limit: 5 },
    { filter: {}, offset: 7, limit: 3 },
    { filter: { tier: 'regular' as Tier }, offset: 2, limit: 4 },
    { filter: { clerk: '1001' }, offset: 1, limit: 2 },
    ...ask.pages
  ]) {
    const f = JSON.stringify(filter)
    await read(`customerPage(${f}, ${offset}, ${limit})`, customerPage(db, filter, offset, limit))
    await read(`countListedCustomers(${f})`, countListedCustomers(db, filter))
    await read(`listedCustomers(${f})`, listedCustomers(db, filter))
  }
  await read('allCustomerIds', allCustomerIds(db))
  await read('allStoredCustomers', allStoredCustomers(db))
  return out
}

/** B's answers equal A's, read by read (strictly: ordered arrays, records field by field). */
function expectSame(got: [string, unknown][], want: [string, unknown][], how: string): void {
  expect(got.map(([label]) => label)).toEqual(want.map(([label]) => label))
  for (const [i, [label, value]] of want.entries())
    expect(got[i]?.[1], `${how}: ${label}`).toStrictEqual(value)
}

describe('customer reads with some customers in packs', () => {
  beforeAll(async () => {
    await loadCustomerSearch()
  })

  it('answers every read as if every packed customer were a row', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(customerArb, { selector: (c) => c.id, maxLength: 60 }),
        fc.record({
          oneCall: fc.boolean(),
          strays: fc.boolean(),
          reopen: fc.boolean(),
          inTx: fc.boolean()
        }),
        askArb,
        async (specs, opts, ask) => {
          const { a, b, rows } = await pair(specs, opts)
          const want = await readAll(a.db, ask, rows)
          expectSame(await readAll(b.db, ask, rows), want, 'packed')
          if (opts.inTx)
            expectSame(
              await b.db.transaction(
                'r',
                CUSTOMER_STORES as string[],
                async () => await readAll(b.db, ask, rows)
              ),
              want,
              'packed, in a transaction'
            )
          if (opts.reopen) {
            // a fresh connection: the packs parsed from their stored text
            const again = await freshData({ dbName: b.db.name })
            expectSame(await readAll(again.db, ask, rows), want, 'packed, reopened')
            again.db.close()
          }
          a.db.close()
          b.db.close()
        }
      ),
      { numRuns: 30 }
    )
  }, 120_000)

  it('a live query of the list runs again when packs are stored and when customers are unpacked', async () => {
    await loadCustomerSearch()
    const specs: Spec[] = ['张三', '李四', '王五', '张三', '阿依古丽·买买提', '单雄信'].map((name, i) => ({
      id: `${i}`,
      name,
      phones: [`1380013800${i}`],
      card: undefined,
      tier: 'regular',
      clerk: i % 2 ? '1001' : undefined,
      state: 'live',
      survivor: false,
      place: 'row',
      group: 0
    }))
    const rows = specs.map((s, i) => stored(s, i, specs))
    const { db } = await freshData()
    await db.customers.bulkPut(clone(rows.slice(0, 2)))
    const seen: string[][] = []
    const sub = liveQuery(() => customerPage(db, {}, 0, 50)).subscribe((page) =>
      seen.push(page.map((c) => c.id))
    )
    const inNameOrder = (some: readonly StoredCustomer[]) =>
      [...some]
        .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : 1))
        .map((c) => c.id)
    try {
      await expect.poll(() => seen.at(-1)).toEqual(inNameOrder(rows.slice(0, 2)))
      await pack(db, clone(rows.slice(2)))
      await expect.poll(() => seen.at(-1)).toEqual(inNameOrder(rows))
      expect(await db.customerPacks.count()).toBe(1)
      // unpacked, then one of them tombstoned: the list follows
      await unpack(db, ['cu-3'])
      await db.transaction('rw', ['customers', 'customerPacks'], async () => {
        await unpackCustomers(db, ['cu-4'])
        const gone = { ...((await db.customers.get('cu-4')) as StoredCustomer), _deleted: 1 as const }
        await db.customers.put(withDerived(gone, customerKeys(gone)))
      })
      await expect.poll(() => seen.at(-1)).toEqual(inNameOrder(rows.filter((r) => r.id !== 'cu-4')))
    } finally {
      sub.unsubscribe()
      db.close()
    }
  })
})
