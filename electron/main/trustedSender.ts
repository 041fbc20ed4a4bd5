// Decides whether a URL is the app's own renderer. Pure (no 'electron') so it is unit-tested in Node
// and shared by the IPC sender check and the navigation guard.

export interface TrustedRenderer {
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), only set in development */
  devServerUrl?: string
  /** the app's own page in a built app: app://desk/index.html (electron/services/appProtocol.ts) */
  rendererIndexUrl: string
}

function parse(url: string | undefined): URL | undefined {
  if (!url) return undefined
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

export function isTrustedSenderUrl(url: string | undefined, allowed: TrustedRenderer): boolean {
  const candidate = parse(url)
  if (!candidate) return false

  // Development: anything served by the dev server (same scheme, host and port).
  const dev = parse(allowed.devServerUrl)
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) {
    if (candidate.origin === dev.origin) return true
  }

  // Production: exactly index.html of the app's own origin (app://desk); query and hash are the
  // app's own routing. file:// is never the app any more: under file:// every local file shared
  // the page's origin (docs/security.md §2).
  const index = parse(allowed.rendererIndexUrl)
  if (!index || index.protocol === 'file:' || !index.host) return false
  return (
    candidate.protocol === index.protocol &&
    candidate.host === index.host &&
    !candidate.username &&
    !candidate.password &&
    candidate.pathname === index.pathname
  )
}
