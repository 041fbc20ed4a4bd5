import { randomBytes } from 'node:crypto'
import { XMLParser } from 'fast-xml-parser'
import { isSharePath } from '@shared/ipc/sharePath'
import type { FolderStorage, ShareEntry } from './folderStorage'
import { readCapFor } from './readCaps'
import { ShareServiceError, type ShareFailure } from './shareError'
import { shareSegments } from './sharePath'

// The share over WebDAV (a NAS, 坚果云, Apache mod_dav): the same write-once port as the folder
// (folderStorage.ts), so the same store format and engine run over it (docs/sync-engine.md, "WebDAV").
//
// Write once: PUT to a temporary name (.tmp-<random>, never listed), check its size with PROPFIND,
// then MOVE it to the final name with `Overwrite: F` (the server answers 412 when the name is taken,
// and nothing is overwritten), then check the final name's size. Why not a conditional PUT
// (`If-None-Match: *`) straight to the final name: Apache mod_dav checks the condition BEFORE it
// receives the body and renames its own temp file over the name AFTER the whole body arrived, so two
// writers of one name both pass the check and the later one silently replaces the earlier (a window as
// long as the upload). MOVE checks the destination and renames within one request (microseconds), and
// only a temp whose size was verified ever gets a final name: a cut upload leaves a temp, never a half
// file under a name a reader would take for whole.
//
// A hostile or broken server is kept at arm's length: redirects are never followed (refused), every
// request has a time-out that covers the body (a stalled server cannot hang sync), a read refuses a
// Content-Length above the kind's cap before reading and stops reading past it, a listing whose names
// are not plain children of the folder asked (../, absolute, another host) is refused whole, and the
// PROPFIND answer is parsed by a real XML parser with entities off. The password is sent only in the
// Authorization header, to the configured origin only, and never appears in an error or log line.

export interface WebdavCredentials {
  /** https://… (http only to a loopback address: checked by webdavAddress.ts before this is made) */
  url: string
  user: string
  password: string
}

export interface WebdavStorageOptions {
  /** the fetch to use (Node's undici by default) */
  fetch?: typeof fetch
  /** per request, covering the body; default 30 s */
  timeoutMs?: number
  /** the largest PROPFIND answer read (a listing of ~10 000 files is ~3 MiB) */
  maxListingBytes?: number
}

const DEFAULT_TIMEOUT_MS = 30_000
const DEFAULT_MAX_LISTING = 32 * 1024 * 1024

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>' +
  '<d:resourcetype/><d:getcontentlength/><d:getlastmodified/></d:prop></d:propfind>'

/** Why a WebDAV call failed, beyond the folder's codes (the sync page words each one). */
export type WebdavFailure = Extract<
  ShareFailure,
  'unauthorized' | 'forbidden' | 'quotaFull' | 'unreachable' | 'certificate' | 'timeout' | 'notWebdav'
>

const CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH'
])

/** The code deepest in an error's cause chain (undici wraps the socket's). */
function causeCode(error: unknown): string | undefined {
  let e: unknown = error
  let code: string | undefined
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    const c = (e as { code?: unknown }).code
    if (typeof c === 'string') code = c
    e = (e as { cause?: unknown }).cause
  }
  return code
}

/** A failed request as the share's failure: never with the password or the URL's credentials. */
export function networkFailure(error: unknown): ShareServiceError {
  if (error instanceof ShareServiceError) return error
  const name = (error as { name?: string } | undefined)?.name
  if (name === 'TimeoutError' || name === 'AbortError')
    return new ShareServiceError('timeout', 'the WebDAV server did not answer in time')
  const code = causeCode(error)
  if (code && CERT_CODES.has(code))
    return new ShareServiceError('certificate', `the server's certificate is not trusted (${code})`)
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
    return new ShareServiceError('timeout', `the WebDAV server did not answer in time (${code})`)
  return new ShareServiceError(
    'unreachable',
    `the WebDAV server cannot be reached (${code ?? name ?? 'error'})`
  )
}

function statusFailure(status: number, what: string): ShareServiceError {
  if (status === 401) return new ShareServiceError('unauthorized', `${what}: 401 (user name or password)`)
  if (status === 403) return new ShareServiceError('forbidden', `${what}: 403 (no permission)`)
  if (status === 507) return new ShareServiceError('quotaFull', `${what}: 507 (storage full)`)
  if (status >= 300 && status < 400)
    return new ShareServiceError('io', `${what}: redirect ${status} refused (never followed)`)
  if (status === 502 || status === 503 || status === 504)
    return new ShareServiceError('unreachable', `${what}: ${status}`)
  return new ShareServiceError('io', `${what}: HTTP ${status}`)
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  processEntities: false,
  parseTagValue: false,
  isArray: (name) => name === 'response' || name === 'propstat'
})

interface DavEntry {
  href: string
  collection: boolean
  size: number
  mtimeMs: number
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** A PROPFIND multistatus as entries; anything that is not one is refused ('notWebdav'). */
export function parseMultistatus(xml: string): DavEntry[] {
  let doc: unknown
  try {
    doc = parser.parse(xml)
  } catch {
    throw new ShareServiceError('notWebdav', 'the answer to PROPFIND is not XML')
  }
  const ms = (doc as { multistatus?: { response?: unknown } } | null)?.multistatus
  if (!ms || typeof ms !== 'object') throw new ShareServiceError('notWebdav', 'no multistatus in the answer')
  const out: DavEntry[] = []
  for (const response of asArray((ms as { response?: unknown[] }).response)) {
    const r = response as { href?: unknown; propstat?: unknown[] }
    if (typeof r.href !== 'string') continue
    let collection = false
    let size = 0
    let mtimeMs = 0
    for (const ps of asArray(r.propstat)) {
      const p = ps as { prop?: Record<string, unknown>; status?: unknown }
      if (typeof p.status === 'string' && !/\s2\d\d\s?/.test(p.status)) continue
      const prop = p.prop
      if (!prop || typeof prop !== 'object') continue
      const rt = prop.resourcetype
      if (rt && typeof rt === 'object' && 'collection' in rt) collection = true
      if (typeof prop.getcontentlength === 'string' && /^\d{1,15}$/.test(prop.getcontentlength.trim()))
        size = Number(prop.getcontentlength.trim())
      if (typeof prop.getlastmodified === 'string') {
        const t = Date.parse(prop.getlastmodified)
        if (Number.isFinite(t)) mtimeMs = t
      }
    }
    out.push({ href: r.href.trim(), collection, size: collection ? 0 : size, mtimeMs })
  }
  return out
}

/** The base URL normalized to end with '/' (credentials in it are refused by the address check). */
function baseOf(url: string): URL {
  const u = new URL(url)
  if (!u.pathname.endsWith('/')) u.pathname += '/'
  u.search = ''
  u.hash = ''
  return u
}

export interface WebdavStorage extends FolderStorage {
  /** PROPFIND on the root: is it a WebDAV folder we may read (throws the failure) */
  probe(): Promise<void>
}

export function createWebdavStorage(
  credentials: WebdavCredentials,
  options: WebdavStorageOptions = {}
): WebdavStorage {
  const base = baseOf(credentials.url)
  const doFetch = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxListing = options.maxListingBytes ?? DEFAULT_MAX_LISTING
  const auth = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`

  /** URL of a share path ('' = the root); a folder's ends with '/'. */
  const urlOf = (path: string, folder = false): URL => {
    const segs = shareSegments(path)
    const u = new URL(base.href)
    u.pathname = base.pathname + segs.map(encodeURIComponent).join('/') + (folder && segs.length ? '/' : '')
    return u
  }

  interface Answer {
    status: number
    headers: Headers
    body: Uint8Array
  }

  /** One request; the body read within the same time-out, refused past `maxBytes`. */
  async function request(
    method: string,
    url: URL,
    init: { headers?: Record<string, string>; body?: Uint8Array | string; maxBytes?: number } = {}
  ): Promise<Answer> {
    const signal = AbortSignal.timeout(timeoutMs)
    let response: Response
    try {
      response = await doFetch(url, {
        method,
        headers: { Authorization: auth, ...init.headers },
        // a Uint8Array is sent as it is (its buffer is never a SharedArrayBuffer here)
        body: init.body as string | Uint8Array<ArrayBuffer> | undefined,
        redirect: 'manual',
        signal
      })
    } catch (error) {
      throw networkFailure(error)
    }
    const what = `${method} ${url.pathname}`
    const max = init.maxBytes ?? 1024 * 1024
    const declared = response.headers.get('content-length')
    if (declared !== null && Number(declared) > max) {
      await response.body?.cancel().catch(() => undefined)
      throw new ShareServiceError('tooLarge', `${what}: Content-Length ${declared} > ${max}`)
    }
    try {
      const chunks: Uint8Array[] = []
      let total = 0
      if (response.body) {
        const reader = response.body.getReader()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          total += value.byteLength
          if (total > max) {
            await reader.cancel().catch(() => undefined)
            throw new ShareServiceError('tooLarge', `${what}: more than ${max} bytes`)
          }
          chunks.push(value)
        }
      }
      const body = new Uint8Array(total)
      let at = 0
      for (const c of chunks) {
        body.set(c, at)
        at += c.byteLength
      }
      if (declared !== null && Number(declared) !== total && response.status < 300)
        throw new ShareServiceError('io', `${what}: ${total} bytes of ${declared}`)
      return { status: response.status, headers: response.headers, body }
    } catch (error) {
      throw networkFailure(error)
    }
  }

  /** PROPFIND: the entries, or null for 404. */
  async function propfind(url: URL, depth: '0' | '1'): Promise<DavEntry[] | null> {
    const answer = await request('PROPFIND', url, {
      headers: { Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
      maxBytes: maxListing
    })
    if (answer.status === 404) return null
    if (answer.status !== 207) {
      // A web server that is not WebDAV answers PROPFIND with 405 / 501 / 200 (a page).
      if (answer.status === 405 || answer.status === 501 || answer.status === 200)
        throw new ShareServiceError('notWebdav', `PROPFIND ${url.pathname}: ${answer.status}`)
      throw statusFailure(answer.status, `PROPFIND ${url.pathname}`)
    }
    return parseMultistatus(new TextDecoder().decode(answer.body))
  }

  /** The root must be there: a missing one is 'unavailable', never "empty". */
  async function ensureRoot(): Promise<void> {
    const entries = await propfind(base, '0')
    if (!entries) throw new ShareServiceError('unavailable', 'the WebDAV folder does not exist')
    if (!entries.some((e) => e.collection))
      throw new ShareServiceError('unavailable', 'the WebDAV address is not a folder')
  }

  /** The children of a folder's listing, confined: every href must be a plain child of `dirUrl` on
   *  the same origin, else the whole listing is refused. */
  function children(dirUrl: URL, entries: DavEntry[]): ShareEntry[] {
    const out: ShareEntry[] = []
    for (const e of entries) {
      let at: URL
      try {
        at = new URL(e.href, dirUrl)
      } catch {
        throw new ShareServiceError('outsideRoot', 'a listing entry is not a URL')
      }
      if (at.origin !== dirUrl.origin || at.username || at.password)
        throw new ShareServiceError('outsideRoot', 'a listing names another server')
      const path = at.pathname.replace(/\/$/, '')
      if (path === dirUrl.pathname.replace(/\/$/, '')) continue // the folder itself
      const parent = path.slice(0, path.lastIndexOf('/') + 1)
      if (parent !== dirUrl.pathname)
        throw new ShareServiceError('outsideRoot', 'a listing names something outside the folder')
      let name: string
      try {
        name = decodeURIComponent(path.slice(parent.length))
      } catch {
        throw new ShareServiceError('outsideRoot', 'a listing name is not decodable')
      }
      if (name.startsWith('.tmp-') || name.startsWith('.davfs.tmp')) continue // unfinished writes
      if (!isSharePath(name)) continue // no name the app writes; never handed on
      out.push({ name, size: e.size, mtimeMs: e.mtimeMs })
    }
    return out
  }

  /** Every raw name (temps included) of a folder, for the sweep. */
  async function rawList(dir: string): Promise<DavEntry[]> {
    const dirUrl = urlOf(dir, true)
    return (await propfind(dirUrl, '1')) ?? []
  }

  async function sizeOf(url: URL): Promise<number | null> {
    const entries = await propfind(url, '0')
    const own = entries?.find((e) => !e.collection)
    return own ? own.size : null
  }

  async function mkcolChain(path: string): Promise<void> {
    const segs = shareSegments(path)
    for (let i = 1; i < segs.length; i++) {
      const dir = segs.slice(0, i).join('/')
      const answer = await request('MKCOL', urlOf(dir, true))
      // 201 made; 405 already there; 409 its parent is missing (the root gone)
      if (answer.status === 201 || answer.status === 405) continue
      if (answer.status === 409) {
        await ensureRoot()
        throw new ShareServiceError('io', `MKCOL ${dir}: 409`)
      }
      throw statusFailure(answer.status, `MKCOL ${dir}`)
    }
  }

  async function removeQuietly(url: URL): Promise<void> {
    await request('DELETE', url).catch(() => undefined)
  }

  return {
    root: base.href,

    async probe() {
      await ensureRoot()
    },

    async list(dir) {
      const dirUrl = urlOf(dir, true)
      const entries = await propfind(dirUrl, '1')
      if (!entries) {
        await ensureRoot()
        return []
      }
      // A file asked as a folder lists as its own entry: not a folder, nothing in it.
      if (dir !== '' && entries.length === 1 && !entries[0]?.collection) return []
      return children(dirUrl, entries)
    },

    async read(path) {
      const url = urlOf(path)
      const cap = readCapFor(path)
      const answer = await request('GET', url, { maxBytes: cap })
      if (answer.status === 404) {
        await ensureRoot()
        throw new ShareServiceError('notFound', `${path} does not exist`)
      }
      if (answer.status !== 200) throw statusFailure(answer.status, `GET ${path}`)
      return answer.body
    },

    async writeNew(path, bytes) {
      const segs = shareSegments(path)
      if (segs.length === 0) throw new ShareServiceError('outsideRoot', 'cannot write the root')
      const target = urlOf(path)
      const dir = segs.slice(0, -1).join('/')
      // The temp name starts with '.', which share paths may not: built here, never from the caller.
      const temp = new URL(base.href)
      temp.pathname = urlOf(dir, true).pathname + `.tmp-${randomBytes(8).toString('hex')}`
      let put = await request('PUT', temp, {
        body: bytes,
        headers: { 'Content-Type': 'application/octet-stream' }
      })
      if (put.status === 409 || put.status === 404) {
        await mkcolChain(path)
        put = await request('PUT', temp, {
          body: bytes,
          headers: { 'Content-Type': 'application/octet-stream' }
        })
      }
      let moved = false
      try {
        if (put.status !== 201 && put.status !== 204) {
          if (put.status === 409 || put.status === 404) await ensureRoot()
          throw statusFailure(put.status, `PUT ${path}`)
        }
        // Only a temp holding every byte gets the final name.
        const tempSize = await sizeOf(temp)
        if (tempSize !== bytes.byteLength)
          throw new ShareServiceError(
            'io',
            `${path}: sent ${bytes.byteLength} bytes, the server holds ${tempSize}`
          )
        const move = await request('MOVE', temp, {
          headers: { Destination: target.href, Overwrite: 'F' }
        })
        if (move.status === 412) throw new ShareServiceError('exists', `${path} already exists`)
        if (move.status !== 201 && move.status !== 204) throw statusFailure(move.status, `MOVE ${path}`)
        moved = true
        const written = await sizeOf(target)
        if (written !== bytes.byteLength)
          throw new ShareServiceError('io', `${path}: wrote ${bytes.byteLength} bytes, found ${written}`)
      } finally {
        if (!moved) await removeQuietly(temp)
      }
    },

    async remove(path) {
      const url = urlOf(path)
      const entries = await propfind(url, '1')
      if (!entries) {
        await ensureRoot()
        return
      }
      const self = entries.find((e) => new URL(e.href, url).pathname.replace(/\/$/, '') === url.pathname)
      const isFolder = self?.collection ?? entries.some((e) => e.collection)
      if (isFolder) {
        // DELETE of a WebDAV collection removes everything in it: only an EMPTY folder goes.
        const inside = children(urlOf(path, true), entries)
        const raw = entries.length - 1
        if (inside.length > 0 || raw > 0) throw new ShareServiceError('io', `${path} is not empty`)
      }
      const answer = await request('DELETE', isFolder ? urlOf(path, true) : url)
      if (answer.status === 404 || answer.status === 204 || answer.status === 200) return
      throw statusFailure(answer.status, `DELETE ${path}`)
    },

    async sweepTemp(dir, olderThanMs, now = Date.now()) {
      const dirUrl = urlOf(dir, true)
      let removed = 0
      for (const e of await rawList(dir)) {
        const at = new URL(e.href, dirUrl)
        if (at.origin !== dirUrl.origin) continue
        const name = decodeURIComponent(at.pathname.slice(at.pathname.lastIndexOf('/') + 1))
        if (
          !/^\.(tmp-|davfs\.tmp)/.test(name) ||
          at.pathname.slice(0, at.pathname.lastIndexOf('/') + 1) !== dirUrl.pathname
        )
          continue
        if (now - e.mtimeMs > olderThanMs) {
          await removeQuietly(at)
          removed++
        }
      }
      return removed
    }
  }
}
