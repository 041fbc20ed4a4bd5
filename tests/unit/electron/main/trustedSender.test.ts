import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isTrustedSenderUrl } from '../../../../electron/main/trustedSender'
import { APP_INDEX_URL } from '../../../../electron/services/appProtocol'

const indexUrl = APP_INDEX_URL
const prod = { rendererIndexUrl: indexUrl }
const dev = { devServerUrl: 'http://localhost:5173/', rendererIndexUrl: indexUrl }
/** Where the built page sat before issue 17: file:// of out/renderer/index.html in app.asar. */
const oldFileUrl = pathToFileURL('/opt/门店客服台/resources/app.asar/out/renderer/index.html').href

describe('isTrustedSenderUrl — production (app://desk)', () => {
  it('accepts the exact index.html, with or without hash and query', () => {
    expect(isTrustedSenderUrl(indexUrl, prod)).toBe(true)
    expect(isTrustedSenderUrl(`${indexUrl}#/complaints/42`, prod)).toBe(true)
    expect(isTrustedSenderUrl(`${indexUrl}?x=1#/`, prod)).toBe(true)
  })

  it('rejects every file:// page, even the built index.html itself (issue 17.6: file:// is not the app)', () => {
    expect(isTrustedSenderUrl(oldFileUrl, prod)).toBe(false)
    expect(isTrustedSenderUrl('file:///tmp/index.html', prod)).toBe(false)
    // An old configuration naming a file:// page trusts nothing.
    expect(isTrustedSenderUrl(oldFileUrl, { rendererIndexUrl: oldFileUrl })).toBe(false)
  })

  it('rejects other pages of the app origin and look-alike origins', () => {
    expect(isTrustedSenderUrl('app://desk/other.html', prod)).toBe(false)
    expect(isTrustedSenderUrl('app://desk/assets/index.html', prod)).toBe(false)
    expect(isTrustedSenderUrl(`${indexUrl}.evil.html`, prod)).toBe(false)
    expect(isTrustedSenderUrl('app://evil/index.html', prod)).toBe(false)
    expect(isTrustedSenderUrl('app://desk:8080/index.html', prod)).toBe(false)
    expect(isTrustedSenderUrl('app://x@desk/index.html', prod)).toBe(false)
    expect(isTrustedSenderUrl('apps://desk/index.html', prod)).toBe(false)
    expect(isTrustedSenderUrl('http://desk/index.html', prod)).toBe(false)
  })

  it.each([
    [undefined],
    [''],
    ['about:blank'],
    ['data:text/html,<script>1</script>'],
    ['blob:app://desk/abc'],
    ['javascript:alert(1)'],
    ['https://example.com/'],
    ['http://localhost:5173/'], // no dev server configured in production
    ['devtools://devtools/bundled/inspector.html'],
    ['not a url']
  ])('rejects %j', (url) => {
    expect(isTrustedSenderUrl(url, prod)).toBe(false)
  })
})

describe('isTrustedSenderUrl — development (dev server)', () => {
  it('accepts any page of the dev server origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5173/index.html#/settings', dev)).toBe(true)
  })

  it('still accepts the built index.html', () => {
    expect(isTrustedSenderUrl(indexUrl, dev)).toBe(true)
  })

  it('rejects a different port, host or scheme', () => {
    expect(isTrustedSenderUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isTrustedSenderUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedSenderUrl('http://localhost:5173.evil.com/', dev)).toBe(false)
    expect(isTrustedSenderUrl('about:blank', dev)).toBe(false)
  })

  it('ignores a dev server URL that is not http(s)', () => {
    // Opaque origins all serialize as "null"; they must not match each other.
    const odd = { devServerUrl: 'data:text/html,x', rendererIndexUrl: indexUrl }
    expect(isTrustedSenderUrl('data:text/html,y', odd)).toBe(false)
  })
})
