import { managerRefusal } from '../roles'
import { recordOperation } from '../audit'
import { getSessionStaffNo } from '../prefs'
import { SYSTEM_STAFF_NO } from '../escalations'
import { nanoid } from 'nanoid'
import type { FileProblem } from '@shared/sync/problems'
import {
  createStoreFile,
  parseStoreFile,
  STORE_FILE,
  unlockStore,
  type StoreFile,
  type UnlockedKey
} from '@shared/sync/store'
import type { DataContext } from '../context'
import { getStaffByNo } from '../staff'
import { isShareError, type SharePort, type ShareUnavailableReason } from './sharePort'
import { STORE_ID_KEY } from './storeAccess'
import { encryptionOf, keyFits, rememberedEncryption, rememberStore, sameEncryption } from './storeKey'

// 加入已有门店 / 新建门店共享: the explicit step that ties this PC to a store on a share (issue 6: an
// empty or missing folder never silently becomes a new store). Until one of them succeeds, sync rounds
// report 'notJoined' and touch nothing.

export type ShareInspection =
  /** reason: why a WebDAV share cannot be used (401, 403, …), when it is one */
  | { state: 'unavailable'; reason?: ShareUnavailableReason }
  /** reachable, nothing in it: a new store may be created here */
  | { state: 'empty' }
  /** files, but no store.json: not ours to take over */
  | { state: 'foreign'; names: string[] }
  /** unlocked: this PC keeps a key that fits the store's passphrase (always true without one) */
  | {
      state: 'store'
      storeId: string
      createdAt: number
      encrypted: boolean
      joined: boolean
      unlocked: boolean
      /** joined, and store.json lost or changed the encryption this PC remembers (storeAccess.ts) */
      tampered: boolean
    }
  | { state: 'damaged'; code: FileProblem }

/** What is in the folder, and whether this PC already belongs to the store there. */
export async function inspectShare(ctx: DataContext, share: SharePort): Promise<ShareInspection> {
  let names: string[]
  try {
    names = (await share.list('')).map((e) => e.name).filter((n) => !n.startsWith('.tmp-'))
  } catch (error) {
    if (isShareError(error, 'unavailable'))
      return error.reason ? { state: 'unavailable', reason: error.reason } : { state: 'unavailable' }
    throw error
  }
  if (!names.includes(STORE_FILE))
    return names.length === 0 ? { state: 'empty' } : { state: 'foreign', names: names.slice(0, 10) }
  const parsed = parseStoreFile(await share.read(STORE_FILE))
  if (!parsed.ok) return { state: 'damaged', code: parsed.problem }
  const known = (await ctx.db.meta.get(STORE_ID_KEY))?.value
  const { store } = parsed
  const joined = known === store.storeId
  const remembered = await rememberedEncryption(ctx.db)
  const tampered = joined && remembered !== undefined && !sameEncryption(remembered, encryptionOf(store))
  return {
    state: 'store',
    storeId: store.storeId,
    createdAt: store.createdAt,
    encrypted: !!store.encryption,
    joined,
    unlocked: !tampered && (await keyFits(ctx.db, ctx.keyVault, store)),
    tampered
  }
}

/** Why a choice was refused; each is an i18n key under sync.choice. */
export type StoreChoiceRefusal =
  | 'unavailable'
  | 'notEmpty'
  | 'noStore'
  | 'damaged'
  | 'otherStoreJoined'
  | 'alreadyExists'
  | 'needsPassphrase'
  | 'wrongPassphrase'
  | 'notEncrypted'
  | 'managerOnly'

export class StoreChoiceError extends Error {
  constructor(readonly reason: StoreChoiceRefusal) {
    super(`sync.choice.${reason}`)
  }
}

async function knownStore(ctx: DataContext): Promise<string | undefined> {
  return (await ctx.db.meta.get(STORE_ID_KEY))?.value as string | undefined
}

export interface NewStoreOptions {
  /** 加密共享文件: segment bodies are encrypted with a key derived from it; it is never written anywhere */
  passphrase?: string
  /** who sets the passphrase: only an active manager may (it binds every PC of the store) */
  byStaffNo?: string
  /** PBKDF2 iterations: the default (600 000) or more */
  iterations?: number
}

/** 新建门店共享: only in an empty folder, only for a PC not already in another store. */
export async function createStoreOnShare(
  ctx: DataContext,
  share: SharePort,
  options: NewStoreOptions = {}
): Promise<string> {
  await requireShareRight(ctx, options.byStaffNo)
  const seen = await inspectShare(ctx, share)
  if (seen.state === 'unavailable') throw new StoreChoiceError('unavailable')
  if (seen.state !== 'empty')
    throw new StoreChoiceError(seen.state === 'store' ? 'alreadyExists' : 'notEmpty')
  if (options.passphrase !== undefined) {
    const actor = options.byStaffNo === undefined ? undefined : await getStaffByNo(ctx, options.byStaffNo)
    if (!actor?.active || actor.role !== 'manager') throw new StoreChoiceError('managerOnly')
  }
  const known = await knownStore(ctx)
  // A PC that knows its store is encrypted re-creates it only encrypted (issue 17: no downgrade).
  if (known !== undefined && options.passphrase === undefined && (await rememberedEncryption(ctx.db)))
    throw new StoreChoiceError('needsPassphrase')
  // A PC that synced with a store keeps it: moving it to a new one would mix two stores' data.
  const storeId = known ?? nanoid()
  const created = await createStoreFile({
    storeId,
    createdAt: ctx.now(),
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
    ...(options.iterations !== undefined ? { iterations: options.iterations } : {})
  })
  try {
    await share.writeNew(STORE_FILE, created.bytes)
  } catch (error) {
    // Another PC created a store here a moment ago: join that one instead, explicitly.
    if (isShareError(error, 'exists')) throw new StoreChoiceError('alreadyExists')
    if (isShareError(error, 'unavailable')) throw new StoreChoiceError('unavailable')
    throw error
  }
  await rememberStore(ctx.db, ctx.keyVault, storeId, created.store, created.unlocked)
  const by = await actingStaffNo(ctx, options.byStaffNo)
  await recordOperation(ctx, by, 'storeShareCreated', {
    storeId,
    encrypted: options.passphrase !== undefined
  })
  if (options.passphrase !== undefined) await recordOperation(ctx, by, 'storePassphraseSet', { storeId })
  return storeId
}

/** 新建门店共享 / 加入已有门店 / 输入共享密码: the person at the desk (or who asked) must be a
 *  客服经理 — unless this PC knows no manager yet (a new PC joining its store: staff come by sync). */
async function requireShareRight(ctx: DataContext, byStaffNo?: string): Promise<void> {
  const refusal = await managerRefusal(ctx, await actingStaffNo(ctx, byStaffNo))
  if (refusal) throw new StoreChoiceError('managerOnly')
}

/** Who a store-share step is recorded under (操作日志): who asked, else the person at the desk, else
 *  SYSTEM. The share file is written by main, so the entry follows it in a transaction of its own. */
async function actingStaffNo(ctx: DataContext, byStaffNo?: string): Promise<string> {
  return byStaffNo ?? (await getSessionStaffNo(ctx)) ?? SYSTEM_STAFF_NO
}

/** 加入已有门店: the folder must hold a store; a PC already in another store is refused. An
 *  encrypted store needs its passphrase, checked against store.json before anything is written. */
export async function joinStoreOnShare(
  ctx: DataContext,
  share: SharePort,
  passphrase?: string
): Promise<string> {
  await requireShareRight(ctx)
  const store = await storeOnShare(ctx, share)
  const known = await knownStore(ctx)
  if (known !== undefined && known !== store.storeId) throw new StoreChoiceError('otherStoreJoined')
  await rememberStore(ctx.db, ctx.keyVault, store.storeId, store, await keyFor(store, passphrase))
  await recordOperation(ctx, await actingStaffNo(ctx), 'storeShareJoined', {
    storeId: store.storeId,
    encrypted: !!store.encryption
  })
  return store.storeId
}

/** 输入共享密码 on a PC that has joined but has no fitting key (a restored PC, a store re-created
 *  with a new passphrase): the same check as joining, then the key is kept. */
export async function unlockJoinedStore(
  ctx: DataContext,
  share: SharePort,
  passphrase: string
): Promise<void> {
  await requireShareRight(ctx)
  const store = await storeOnShare(ctx, share)
  if ((await knownStore(ctx)) !== store.storeId) throw new StoreChoiceError('otherStoreJoined')
  if (!store.encryption) throw new StoreChoiceError('notEncrypted')
  await rememberStore(ctx.db, ctx.keyVault, store.storeId, store, await keyFor(store, passphrase))
  await recordOperation(ctx, await actingStaffNo(ctx), 'storeShareUnlocked', { storeId: store.storeId })
}

async function storeOnShare(ctx: DataContext, share: SharePort): Promise<StoreFile> {
  const seen = await inspectShare(ctx, share)
  if (seen.state === 'unavailable') throw new StoreChoiceError('unavailable')
  if (seen.state === 'damaged') throw new StoreChoiceError('damaged')
  if (seen.state !== 'store') throw new StoreChoiceError('noStore')
  const parsed = parseStoreFile(await share.read(STORE_FILE))
  if (!parsed.ok) throw new StoreChoiceError('damaged')
  return parsed.store
}

/** The key for a typed passphrase (PBKDF2 once, here), or why not. */
async function keyFor(store: StoreFile, passphrase: string | undefined): Promise<UnlockedKey | undefined> {
  if (!store.encryption) return undefined
  if (passphrase === undefined || passphrase === '') throw new StoreChoiceError('needsPassphrase')
  const unlocked = await unlockStore(store, passphrase)
  if (!unlocked.ok) throw new StoreChoiceError(unlocked.problem === 'weakKdf' ? 'damaged' : 'wrongPassphrase')
  return { encryption: unlocked.encryption, raw: unlocked.raw }
}
