import { nanoid } from 'nanoid'
import { createStoreFile, parseStoreFile, STORE_FILE } from '../../../../shared/sync/store'
import type { DataContext } from '../context'
import { isShareError, type SharePort } from './sharePort'
import { STORE_ID_KEY } from './storeAccess'

// 加入已有门店 / 新建门店共享: the explicit step that ties this PC to a store on a share (issue 6: an
// empty or missing folder never silently becomes a new store). Until one of them succeeds, sync rounds
// report 'notJoined' and touch nothing.

export type ShareInspection =
  | { state: 'unavailable' }
  /** reachable, nothing in it: a new store may be created here */
  | { state: 'empty' }
  /** files, but no store.json: not ours to take over */
  | { state: 'foreign'; names: string[] }
  | { state: 'store'; storeId: string; createdAt: number; encrypted: boolean; joined: boolean }
  | { state: 'damaged'; message: string }

/** What is in the folder, and whether this PC already belongs to the store there. */
export async function inspectShare(ctx: DataContext, share: SharePort): Promise<ShareInspection> {
  let names: string[]
  try {
    names = (await share.list('')).map((e) => e.name).filter((n) => !n.startsWith('.tmp-'))
  } catch (error) {
    if (isShareError(error, 'unavailable')) return { state: 'unavailable' }
    throw error
  }
  if (!names.includes(STORE_FILE)) return names.length === 0 ? { state: 'empty' } : { state: 'foreign', names: names.slice(0, 10) }
  const parsed = parseStoreFile(await share.read(STORE_FILE))
  if (!parsed.ok) return { state: 'damaged', message: parsed.message }
  const known = (await ctx.db.meta.get(STORE_ID_KEY))?.value
  return { state: 'store', storeId: parsed.store.storeId, createdAt: parsed.store.createdAt, encrypted: !!parsed.store.encryption, joined: known === parsed.store.storeId }
}

/** Why a choice was refused; each is an i18n key under sync.choice. */
export type StoreChoiceRefusal = 'unavailable' | 'notEmpty' | 'noStore' | 'damaged' | 'otherStoreJoined' | 'alreadyExists'

export class StoreChoiceError extends Error {
  constructor(readonly reason: StoreChoiceRefusal) {
    super(`sync.choice.${reason}`)
  }
}

async function knownStore(ctx: DataContext): Promise<string | undefined> {
  return (await ctx.db.meta.get(STORE_ID_KEY))?.value as string | undefined
}

/** 新建门店共享: only in an empty folder, only for a PC not already in another store. */
export async function createStoreOnShare(ctx: DataContext, share: SharePort): Promise<string> {
  const seen = await inspectShare(ctx, share)
  if (seen.state === 'unavailable') throw new StoreChoiceError('unavailable')
  if (seen.state !== 'empty') throw new StoreChoiceError(seen.state === 'store' ? 'alreadyExists' : 'notEmpty')
  const known = await knownStore(ctx)
  // A PC that synced with a store keeps it: moving it to a new one would mix two stores' data.
  const storeId = known ?? nanoid()
  const created = await createStoreFile({ storeId, createdAt: ctx.now() })
  try {
    await share.writeNew(STORE_FILE, created.bytes)
  } catch (error) {
    // Another PC created a store here a moment ago: join that one instead, explicitly.
    if (isShareError(error, 'exists')) throw new StoreChoiceError('alreadyExists')
    if (isShareError(error, 'unavailable')) throw new StoreChoiceError('unavailable')
    throw error
  }
  await ctx.db.meta.put({ key: STORE_ID_KEY, value: storeId })
  return storeId
}

/** 加入已有门店: the folder must hold a store; a PC already in another store is refused. */
export async function joinStoreOnShare(ctx: DataContext, share: SharePort): Promise<string> {
  const seen = await inspectShare(ctx, share)
  if (seen.state === 'unavailable') throw new StoreChoiceError('unavailable')
  if (seen.state === 'damaged') throw new StoreChoiceError('damaged')
  if (seen.state !== 'store') throw new StoreChoiceError('noStore')
  const known = await knownStore(ctx)
  if (known !== undefined && known !== seen.storeId) throw new StoreChoiceError('otherStoreJoined')
  await ctx.db.meta.put({ key: STORE_ID_KEY, value: seen.storeId })
  return seen.storeId
}
