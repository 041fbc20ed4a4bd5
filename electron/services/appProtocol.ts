import { promises as fsPromises } from 'node:fs'
import { extname, isAbsolute, join, relative, sep } from 'node:path'

// The app's own origin (docs/security.md §2). A built app is served from app://desk/…, a privileged
// standard scheme registered by main, instead of file://: under file:// the CSP's 'self' matches
// every file on the disk, and the page may fetch any of them. Here one folder (out/renderer) is the
// whole origin. This module is the guard: a request URL becomes a regular file inside that folder,
// or a refusal. No 'electron' import, so the rules are unit-tested in Node; main only wires it.

export const APP_SCHEME = 'app'
export const APP_HOST = 'desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The URL the window loads; the router lives in the hash (#/complaints/…). */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

export type AppAsset =
  { ok: true; path: string; mimeType: string } | { ok: false; status: 400 | 403 | 404; reason: AppRefusal }

export type AppRefusal =
  | 'bad-url' // not a URL, or percent-encoding that does not decode
  | 'other-origin' // another scheme or host
  | 'bad-path' // .., ., empty segments, backslashes, drive letters, NUL or control characters, device names
  | 'outside' // resolves (symlinks followed) outside the folder
  | 'not-found' // missing, or not a regular file

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Windows device names (with or without an extension: "con.txt" is the console too). */
const DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
const CONTROL = /[\u0000-\u001f\u007f]/

type PathResult =
  { ok: true; segments: string[] } | { ok: false; status: 400 | 403 | 404; reason: AppRefusal }

/** The request URL → the path segments inside the app folder, or why not. Pure. */
export function appRequestSegments(url: string): PathResult {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { ok: false, status: 400, reason: 'bad-url' }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password)
    return { ok: false, status: 403, reason: 'other-origin' }
  // The raw (still encoded) path: the URL parser has already folded plain ../ and %2e%2e segments,
  // so each raw segment is checked again after decoding — %2f, %5c and %00 must not sneak through.
  const raw = parsed.pathname === '/' ? '/index.html' : parsed.pathname
  const segments: string[] = []
  for (const part of raw.slice(1).split('/')) {
    let name: string
    try {
      name = decodeURIComponent(part)
    } catch {
      return { ok: false, status: 400, reason: 'bad-url' }
    }
    if (
      name === '' ||
      name === '.' ||
      name === '..' ||
      name.includes('/') ||
      name.includes('\\') ||
      name.includes(':') || // C:, ADS (file.js:stream)
      CONTROL.test(name) ||
      DEVICE_NAME.test(name) ||
      /[. ]$/.test(name) // Windows drops trailing dots and spaces: "index.html." would be index.html
    )
      return { ok: false, status: 403, reason: 'bad-path' }
    segments.push(name)
  }
  return { ok: true, segments }
}

export interface AppFs {
  realpath(path: string): Promise<string>
  stat(path: string): Promise<{ isFile(): boolean }>
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/**
 * The request URL → a regular file inside `rootDir` (symlinks resolved on both sides), with its
 * MIME type; anything else is refused. `fs` is Node's (Electron's asar-aware fs in main).
 */
export async function resolveAppAsset(
  rootDir: string,
  url: string,
  fs: AppFs = fsPromises
): Promise<AppAsset> {
  const request = appRequestSegments(url)
  if (!request.ok) return request
  let root: string
  let real: string
  try {
    root = await fs.realpath(rootDir)
    real = await fs.realpath(join(root, ...request.segments))
  } catch {
    return { ok: false, status: 404, reason: 'not-found' }
  }
  if (!inside(root, real)) return { ok: false, status: 403, reason: 'outside' }
  try {
    if (!(await fs.stat(real)).isFile()) return { ok: false, status: 404, reason: 'not-found' }
  } catch {
    return { ok: false, status: 404, reason: 'not-found' }
  }
  return { ok: true, path: real, mimeType: mimeTypeOf(real) }
}
