import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebdavStorage, ShareServiceError } from '../../../../../electron/services'

// A MALICIOUS server (a tiny node:http server playing one, not a mock of a real one): what it answers
// must never lead the storage outside the share, make it read without bound, follow it elsewhere or
// hang. Each case is refused with a code; nothing it names is handed to the engine.

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise<void>((r) => s.close(() => r()))
  }
})

type Handler = (req: IncomingMessage, res: ServerResponse) => void
interface Seen {
  method: string
  url: string
  authorization: string | undefined
}

async function hostile(handler: Handler): Promise<{ url: string; origin: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization })
    req.resume()
    handler(req, res)
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}/share/`, origin: `http://127.0.0.1:${port}`, seen }
}

const failure = (e: unknown) => (e instanceof ShareServiceError ? e.failure : String(e))
const storage = (url: string, timeoutMs?: number) =>
  createWebdavStorage(
    { url, user: 'kefu', password: 'secret-pw' },
    timeoutMs !== undefined ? { timeoutMs } : {}
  )

function multistatus(hrefs: string[]): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?><D:multistatus xmlns:D="DAV:">' +
    hrefs
      .map(
        (h) =>
          `<D:response><D:href>${h}</D:href><D:propstat><D:prop><D:resourcetype/>` +
          '<D:getcontentlength>10</D:getcontentlength></D:prop><D:status>HTTP/1.1 200 OK</D:status>' +
          '</D:propstat></D:response>'
      )
      .join('') +
    '</D:multistatus>'
  )
}

function listing(hrefs: string[]): Handler {
  return (_req, res) => {
    res.writeHead(207, { 'Content-Type': 'application/xml' })
    res.end(multistatus(['/share/devices/', ...hrefs]))
  }
}

describe('a hostile WebDAV server', () => {
  it('a listing naming ../, an absolute path or another host is refused whole', async () => {
    for (const bad of [
      '/share/devices/../../etc/passwd',
      '/share/devices/%2e%2e/%2e%2e/etc/passwd',
      '/etc/passwd',
      '/share/store.json',
      '/share/devices/pcA/segments/deep.seg',
      'http://evil.example/share/devices/pcA',
      '//evil.example/share/devices/pcA',
      'https://127.0.0.1:1/share/devices/pcA'
    ]) {
      const { url } = await hostile(listing(['/share/devices/pcA/', bad]))
      expect([
        bad,
        await storage(url)
          .list('devices')
          .then(() => 'listed', failure)
      ]).toEqual([bad, 'outsideRoot'])
    }
    // an honest listing of the same folder is taken
    const { url } = await hostile(listing(['/share/devices/pcA/', '/share/devices/pc%42/']))
    expect((await storage(url).list('devices')).map((e) => e.name)).toEqual(['pcA', 'pcB'])
  })

  it('names that are no share file (dot-files, odd characters) are never handed on', async () => {
    const { url } = await hostile(
      listing([
        '/share/devices/.hidden',
        '/share/devices/a%00b',
        '/share/devices/CON',
        '/share/devices/ok.json'
      ])
    )
    expect((await storage(url).list('devices')).map((e) => e.name)).toEqual(['ok.json'])
  })

  it('a 2 GB Content-Length is refused before reading; a body running past the cap is cut off', async () => {
    let sent = 0
    const { url } = await hostile((req, res) => {
      if (req.url?.endsWith('store.json')) {
        res.writeHead(200, { 'Content-Length': String(2 * 1024 * 1024 * 1024) })
        res.write(Buffer.alloc(64 * 1024)) // and then nothing: only the header may decide
        return
      }
      // no Content-Length (chunked), endless
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
      const chunk = Buffer.alloc(256 * 1024)
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length
        if (!res.destroyed) res.once('drain', pump)
      }
      pump()
    })
    const share = storage(url, 5_000)
    expect(await share.read('store.json').then(() => 'read', failure)).toBe('tooLarge')
    expect(await share.read('devices/pcA/status-000000000000001.json').then(() => 'read', failure)).toBe(
      'tooLarge'
    )
    expect(sent).toBeLessThan(64 * 1024 * 1024) // stopped near the 1 MiB cap, not read to the end
  })

  it('a redirect is never followed (and the password never goes to the other host)', async () => {
    const other = await hostile((_req, res) => res.end('gotcha'))
    for (const status of [301, 302, 307, 308]) {
      const { url } = await hostile((_req, res) => {
        res.writeHead(status, { Location: `${other.origin}/steal` })
        res.end()
      })
      const share = storage(url)
      expect(await share.read('store.json').then(() => 'read', failure)).toBe('io')
      expect(await share.list('').then(() => 'listed', failure)).toBe('io')
      expect(await share.writeNew('store.json', new Uint8Array(3)).then(() => 'written', failure)).toBe('io')
    }
    expect(other.seen).toEqual([])
  })

  it('a server that is not WebDAV (a web page, 405) is "notWebdav"; XML entities are not expanded', async () => {
    const page = await hostile((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end('<html><body>NAS login</body></html>')
    })
    expect(
      await storage(page.url)
        .probe()
        .then(() => 'ok', failure)
    ).toBe('notWebdav')
    const plain = await hostile((_req, res) => {
      res.writeHead(405)
      res.end()
    })
    expect(
      await storage(plain.url)
        .list('')
        .then(() => 'ok', failure)
    ).toBe('notWebdav')
    const bomb = await hostile((_req, res) => {
      res.writeHead(207, { 'Content-Type': 'application/xml' })
      res.end(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><D:multistatus xmlns:D="DAV:"><D:response>' +
          '<D:href>/share/&c;</D:href></D:response></D:multistatus>'
      )
    })
    expect(
      await storage(bomb.url)
        .list('')
        .then((l) => l.map((e) => e.name), failure)
    ).toEqual([])
  })

  it('a server that accepts the connection and never answers is a time-out', async () => {
    const { url } = await hostile(() => undefined)
    expect(
      await storage(url, 300)
        .list('')
        .then(() => 'ok', failure)
    ).toBe('timeout')
  })
})
