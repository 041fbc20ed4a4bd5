import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { APP_SCHEME, resolveAppAsset } from '../services/appProtocol'

// Wires app://desk/ (docs/security.md §2) to the guard in electron/services/appProtocol.ts: every
// request becomes a regular file inside out/renderer or an empty error response.

/** Before app 'ready': a standard, secure scheme (its own origin, IndexedDB and CSP 'self', module
 *  scripts and workers) with fetch support. Nothing else (no CORS bypass, no service workers). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
    }
  ])
}

/** After 'ready': serve `rootDir` (the built renderer) on the default session. */
export function serveAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
    const asset = await resolveAppAsset(rootDir, request.url)
    if (!asset.ok) return new Response(null, { status: asset.status })
    const body = request.method === 'HEAD' ? null : await readFile(asset.path)
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': asset.mimeType,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store'
      }
    })
  })
}
