import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isTrustedSenderUrl } from '../../../../electron/main/trustedSender'

const indexUrl = pathToFileURL('/opt/门店客服台/resources/app.asar/out/renderer/index.html').href
const prod = { rendererIndexFileUrl: indexUrl }
const dev = { devServerUrl: 'http://localhost:5173/', rendererIndexFileUrl: indexUrl }
const winProd = {
  rendererIndexFileUrl: 'file:///C:/Program%20Files/Desk/resources/app.asar/out/renderer/index.html'
}

describe('isTrustedSenderUrl — production (file://)', () => {
  it('accepts the exact index.html, with or without hash and query', () => {
    expect(isTrustedSenderUrl(indexUrl, prod)).toBe(true)
    expect(isTrustedSenderUrl(`${indexUrl}#/complaints/42`, prod)).toBe(true)
    expect(isTrustedSenderUrl(`${indexUrl}?x=1#/`, prod)).toBe(true)
  })

  it('accepts the same path spelled differently (percent-encoding, drive-letter case, backslashes)', () => {
    expect(
      isTrustedSenderUrl('file:///opt/门店客服台/resources/app.asar/out/renderer/index.html', prod)
    ).toBe(true)
    expect(
      isTrustedSenderUrl('file:///c:/Program Files/Desk/resources/app.asar/out/renderer/index.html', winProd)
    ).toBe(true)
    expect(
      isTrustedSenderUrl(
        'file:///C:\\Program Files\\Desk\\resources\\app.asar\\out\\renderer\\index.html',
        winProd
      )
    ).toBe(true)
  })

  it('rejects other local files, even next to index.html', () => {
    expect(isTrustedSenderUrl(indexUrl.replace('index.html', 'other.html'), prod)).toBe(false)
    expect(isTrustedSenderUrl(indexUrl.replace('/out/renderer/', '/out/'), prod)).toBe(false)
    expect(isTrustedSenderUrl('file:///tmp/index.html', prod)).toBe(false)
    expect(isTrustedSenderUrl(`${indexUrl}.evil.html`, prod)).toBe(false)
  })

  it('rejects a network share (UNC host) with the same path', () => {
    expect(isTrustedSenderUrl(indexUrl.replace('file:///', 'file://evil-server/'), prod)).toBe(false)
  })

  it.each([
    [undefined],
    [''],
    ['about:blank'],
    ['data:text/html,<script>1</script>'],
    ['blob:file:///abc'],
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
    const odd = { devServerUrl: 'data:text/html,x', rendererIndexFileUrl: indexUrl }
    expect(isTrustedSenderUrl('data:text/html,y', odd)).toBe(false)
  })
})
