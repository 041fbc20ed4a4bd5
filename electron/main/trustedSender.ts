// Decides whether a URL is the app's own renderer. Pure (no 'electron') so it is unit-tested in Node
// and shared by the IPC sender check and the navigation guard.

export interface TrustedRenderer {
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), only set in development */
  devServerUrl?: string
  /** file:// URL of out/renderer/index.html in a built app */
  rendererIndexFileUrl: string
}

function parse(url: string | undefined): URL | undefined {
  if (!url) return undefined
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** Compare file paths, not their spelling: percent-encoding and drive-letter case may differ
 *  between Node's pathToFileURL and what Chromium reports. */
function normalizedFilePath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname).replace(
      /^\/([A-Za-z]):\//,
      (_m, drive: string) => `/${drive.toLowerCase()}:/`
    )
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

  // Production: exactly index.html on local disk; query and hash are the app's own routing.
  const index = parse(allowed.rendererIndexFileUrl)
  if (!index || index.protocol !== 'file:' || candidate.protocol !== 'file:') return false
  if (candidate.host !== index.host) return false // e.g. file://server/share/… (UNC)
  const expectedPath = normalizedFilePath(index)
  return expectedPath !== undefined && normalizedFilePath(candidate) === expectedPath
}
