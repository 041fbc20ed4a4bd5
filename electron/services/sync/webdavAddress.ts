import { isIP } from 'node:net'
import type { WebdavRefusal } from '@shared/ipc/contract'

// Which WebDAV addresses may become the share (系统设置 → 同步): https://… to any server; plain http
// only to this PC itself (a loopback address — a password and the store's data never cross a network
// unencrypted). No user name or password inside the address (they are asked for separately, and an
// address is shown and logged), no query or fragment.

export type WebdavAddressCheck = { ok: true; url: string } | { ok: false; refusal: WebdavRefusal }

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1'
  return false
}

export function checkWebdavAddress(raw: string): WebdavAddressCheck {
  const text = raw.trim()
  if (text.length === 0 || text.length > 2000 || /[\u0000-\u001f\u007f\s]/.test(text))
    return { ok: false, refusal: 'malformed' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false, refusal: 'malformed' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, refusal: 'malformed' }
  if (!url.hostname) return { ok: false, refusal: 'malformed' }
  if (url.username || url.password) return { ok: false, refusal: 'credentialsInAddress' }
  if (url.search || url.hash) return { ok: false, refusal: 'malformed' }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, refusal: 'insecure' }
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return { ok: true, url: url.href }
}
