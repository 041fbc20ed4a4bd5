// Test-only loopback static server for the built renderer (out/renderer). Never used by the app.
import { createReadStream, existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

export interface StaticServer {
  /** http://127.0.0.1:<port>/ (always ends with a slash) */
  url: string
  /** the folder being served */
  root: string
  close(): Promise<void>
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json'
}

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Serve `root` on 127.0.0.1 (random port). GET/HEAD only. Unknown extension-less paths get
 * index.html (client-side routes); a missing file with an extension is a 404 so a broken asset
 * reference fails loudly instead of receiving HTML. Anything resolving outside `root` is a 403.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const rootDir = path.resolve(root)
  const indexFile = path.join(rootDir, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(
      `E2E: the built renderer is missing (${indexFile} not found). ` +
        'Run `npx electron-vite build` before `npx playwright test`.'
    )
  }

  const server = createServer((req, res) => {
    handle(rootDir, indexFile, req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, String(err))
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    root: rootDir,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

/** Map a request URL to a file under rootDir, or a status code if it must be refused. */
export function resolveRequestPath(rootDir: string, rawUrl: string): string | 400 | 403 {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/'
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return 400
  }
  if (decoded.includes('\0')) return 400
  // Any ".." segment is refused outright, before any normalisation (also %2e%2e, %2f, "\\").
  if (decoded.split(/[\\/]+/).some((segment) => segment === '..')) return 403
  const file = path.resolve(rootDir, '.' + path.posix.normalize('/' + decoded))
  if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return 403
  return file
}

async function handle(
  rootDir: string,
  indexFile: string,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    send(res, 405, 'Method Not Allowed')
    return
  }
  const resolved = resolveRequestPath(rootDir, req.url ?? '/')
  if (resolved === 400) return send(res, 400, 'Bad Request')
  if (resolved === 403) return send(res, 403, 'Forbidden')

  let file = resolved
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) {
    // Chromium asks for a favicon on its own (Electron does not): answer without a 404 error.
    if (file === path.join(rootDir, 'favicon.ico')) {
      res.writeHead(204, { 'Cache-Control': 'no-store' })
      res.end()
      return
    }
    if (path.extname(file) !== '' && file !== rootDir) return send(res, 404, 'Not Found')
    file = indexFile // SPA fallback
  }
  const size = info?.isFile() ? info.size : (await stat(file)).size
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file)
    stream.once('error', reject)
    res.once('close', () => resolve())
    stream.pipe(res)
  })
}
