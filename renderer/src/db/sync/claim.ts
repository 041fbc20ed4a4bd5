import { nanoid } from 'nanoid'
import type { DataContext } from '../context'
import { syncProblem, type SyncProblem } from './problems'
import { isShareError, type SharePort } from './sharePort'

// A claim file per running install (issue 18 point 3; docs/sync-format.md §4a). A cloned disk image
// carries this PC's device id AND its whole IndexedDB; the clone used to be found only when both had
// written the same segment seq. Now each install, the first time it syncs after it starts, writes
// devices/<id>/claim-<ms>-<nonce>.json with a fresh random nonce — remembering the nonce locally
// BEFORE writing, so a crash cannot make it forget its own claim — and every round it lists its folder:
// a claim whose nonce it never wrote means another install syncs under this id. That is reported as
// `clone` (the round stops before exporting anything) and the loop has main give this PC a new id, as
// for the segment clash (renewDevice.ts). Whichever install sees the other's claim first takes the new
// id; it removes the claims it knows first, so the other one does not see a stranger's claim as well.
// Both installs know every claim written before the copy, so only claims written after it differ.

const CLAIMS_KEY = 'sync.claims'
const CLAIM_FILE = /^claim-(\d{15})-([A-Za-z0-9_-]{1,64})\.json$/
/** own claims kept on the share (older ones are removed) and remembered here */
const KEEP = 2
const REMEMBER = 20

/** databases that have written their claim in this run (one per start) */
const claimedThisRun = new WeakSet<object>()

async function knownNonces(ctx: DataContext): Promise<string[]> {
  return ((await ctx.db.meta.get(CLAIMS_KEY))?.value as string[] | undefined) ?? []
}

async function claimsIn(share: SharePort, dir: string): Promise<{ name: string; nonce: string }[]> {
  return (await share.list(dir)).flatMap((e) => {
    const m = CLAIM_FILE.exec(e.name)
    return m ? [{ name: e.name, nonce: m[2] as string }] : []
  })
}

/** Removes the claims this install knows from its folder (called when it gives the id up). */
export async function withdrawClaims(ctx: DataContext, share: SharePort): Promise<void> {
  const dir = `devices/${ctx.writer.deviceId}`
  const known = new Set(await knownNonces(ctx))
  for (const claim of await claimsIn(share, dir))
    if (known.has(claim.nonce)) await share.remove(`${dir}/${claim.name}`).catch(() => undefined)
}

/**
 * Checks that no other install claims this PC's device id, and (once per start) claims it. Returns the
 * `clone` problem when another install's claim is there.
 */
export async function checkClaim(ctx: DataContext, share: SharePort): Promise<SyncProblem | null> {
  const me = ctx.writer.deviceId
  const dir = `devices/${me}`
  const known = await knownNonces(ctx)
  const stranger = (await claimsIn(share, dir)).find((c) => !known.includes(c.nonce))
  if (stranger) {
    await withdrawClaims(ctx, share)
    return syncProblem(
      'clone',
      'clone',
      `${dir}/${stranger.name}: another install syncs under this device id (a copied disk image)`
    )
  }
  if (claimedThisRun.has(ctx.db)) return null
  const nonce = nanoid(16).replace(/[^A-Za-z0-9_-]/g, '_')
  // Remembered first: a crash between the two leaves a claim this PC still knows as its own.
  await ctx.db.meta.put({ key: CLAIMS_KEY, value: [...known, nonce].slice(-REMEMBER) })
  const at = ctx.now()
  const name = `claim-${String(at).padStart(15, '0')}-${nonce}.json`
  const body = { kind: 'claim', formatVersion: { major: 1, minor: 0 }, deviceId: me, nonce, at }
  try {
    await share.writeNew(`${dir}/${name}`, new TextEncoder().encode(JSON.stringify(body, null, 2)))
  } catch (error) {
    if (!isShareError(error, 'exists')) throw error
  }
  claimedThisRun.add(ctx.db)
  // Own older claims go (the folder must not grow with every start).
  const mine = new Set([...known, nonce])
  const own = (await claimsIn(share, dir)).filter((c) => mine.has(c.nonce)).map((c) => c.name)
  for (const old of own.sort().slice(0, -KEEP)) await share.remove(`${dir}/${old}`).catch(() => undefined)
  return null
}
