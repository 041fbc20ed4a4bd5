import 'fake-indexeddb/auto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { registerComplaint } from '@/db/complaints'
import { syncOnce } from '@/db/sync/syncOnce'
import { startTcpProxy, type TcpProxy } from '../../../../support/tcpProxy'
import { freshShare, startWebdavServer, type WebdavServer } from '../../../../support/webdavServer'
import { intake, pc, syncedState, type Pc } from './harness'
import { filesOnDisk, webdavPcShare, type WebdavPcShare } from './webdavShare'

// Two PCs meeting through a REAL WebDAV server (Apache mod_dav on loopback), with the real engine and
// main's real share service; the faults are real network and server faults. Each fault: the round
// says why in a code the sync page words, loses nothing, leaves no half file anyone reads as whole,
// and the next round (the loop runs them by itself) converges.

let server: WebdavServer
let proxy: TcpProxy
const made: WebdavPcShare[] = []
beforeAll(async () => {
  server = await startWebdavServer()
  proxy = await startTcpProxy(server.port)
})
afterEach(async () => {
  proxy.release()
  await server.setQuotaFull(false)
  await server.start()
  for (const s of made.splice(0)) await s.dispose()
})
afterAll(async () => {
  await proxy.close()
  await server.close()
})

async function twoPcs(opts: { timeoutMs?: number } = {}) {
  const { url, root } = await freshShare(server)
  const viaProxy = url.replace(`:${server.port}/`, `:${proxy.port}/`)
  const shareA = await webdavPcShare(opts)
  const shareB = await webdavPcShare(opts)
  made.push(shareA, shareB)
  for (const s of [shareA, shareB])
    expect((await s.connect(viaProxy, server.user, server.password)).outcome).toBe('chosen')
  const a = await pc('pcA', 'A1')
  const b = await pc('pcB', 'B1')
  return { a, b, shareA, shareB, root, url: viaProxy }
}

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code)

async function converge(a: Pc, b: Pc, shareA: WebdavPcShare, shareB: WebdavPcShare): Promise<void> {
  for (const [ctx, share] of [
    [a, shareA],
    [b, shareB],
    [a, shareA]
  ] as const) {
    const report = await syncOnce(ctx, share)
    expect({ state: report.state, problems: codes(report) }).toEqual({ state: 'synced', problems: [] })
  }
  expect(await syncedState(b)).toEqual(await syncedState(a))
  expect(await a.db.quarantine.count()).toBe(0)
  expect(await b.db.quarantine.count()).toBe(0)
}

describe('sync through a real WebDAV server', () => {
  it('two PCs meet through it and converge; the password is nowhere on the share or in share.json', async () => {
    const { a, b, shareA, shareB, root } = await twoPcs()
    await registerComplaint(a, '1001', intake())
    await registerComplaint(b, '1002', intake({ customerPhone: '13900139000', customerName: '李四' }))
    await converge(a, b, shareA, shareB)
    expect(await a.db.complaints.count()).toBe(2)
    const files = await filesOnDisk(root)
    expect(files.filter((f) => f.includes('/.') || f.startsWith('.'))).toEqual([]) // no temp left
    expect(files).toContain('store.json')
    for (const f of files)
      expect((await readFile(join(root, f))).includes(Buffer.from(server.password))).toBe(false)
    const config = await readFile(join(shareA.userData, 'share.json'), 'utf8')
    expect(config).not.toContain(server.password)
    expect(JSON.parse(config)).toMatchObject({ schemaVersion: 3, webdav: { user: server.user } })
  })

  it('a connection cut half-way through an upload: the round stops, nothing lost, the next one converges', async () => {
    const { a, b, shareA, shareB, root } = await twoPcs()
    for (let i = 0; i < 40; i++)
      await registerComplaint(
        a,
        '1001',
        intake({ customerPhone: `1380013${String(8000 + i)}`, content: '不加热'.repeat(50) })
      )
    proxy.cutUp(6000) // mid-way through the first segment's body
    const cut = await syncOnce(a, shareA)
    expect({ state: cut.state, problems: codes(cut) }).toEqual({
      state: 'unavailable',
      problems: ['davUnreachable']
    })
    expect(await a.db.outbox.count()).toBeGreaterThan(0) // still to publish
    expect((await filesOnDisk(root)).filter((f) => f.endsWith('.seg'))).toEqual([])
    await converge(a, b, shareA, shareB)
    expect(await b.db.complaints.count()).toBe(40)
  })

  it('the server stopped mid-upload, then back: nothing lost', async () => {
    const { a, b, shareA, shareB } = await twoPcs()
    for (let i = 0; i < 20; i++)
      await registerComplaint(a, '1001', intake({ customerPhone: `1380013${String(7000 + i)}` }))
    const held = proxy.holdUp(4000)
    const round = syncOnce(a, shareA)
    await held
    await server.kill()
    proxy.release()
    const report = await round
    expect(report.state).toBe('unavailable')
    expect(codes(report)).toEqual(['davUnreachable'])
    const down = await syncOnce(b, shareB)
    expect({ state: down.state, problems: codes(down) }).toEqual({
      state: 'unavailable',
      problems: ['davUnreachable']
    })
    await server.start()
    await converge(a, b, shareA, shareB)
    expect(await b.db.complaints.count()).toBe(20)
  })

  it('401 (the password changed on the server), then the right password: resumes, nothing lost', async () => {
    const { a, b, shareA, shareB, url } = await twoPcs()
    await registerComplaint(a, '1001', intake())
    await converge(a, b, shareA, shareB)
    const old = server.password
    server.setPassword('a-new-app-password')
    await registerComplaint(b, '1002', intake({ customerPhone: '13900139000' }))
    const refused = await syncOnce(b, shareB)
    expect({ state: refused.state, problems: codes(refused) }).toEqual({
      state: 'unavailable',
      problems: ['davUnauthorized']
    })
    // a wrong password typed again is refused before anything is kept
    expect(await shareB.connect(url, server.user, old)).toMatchObject({
      outcome: 'refused',
      refusal: 'unauthorized'
    })
    for (const s of [shareA, shareB])
      expect((await s.connect(url, server.user, 'a-new-app-password')).outcome).toBe('chosen')
    await converge(a, b, shareA, shareB)
    expect(await a.db.complaints.count()).toBe(2)
  })

  it('507 from the server: quota full is said, nothing written or lost; once there is room it converges', async () => {
    const { a, b, shareA, shareB, root } = await twoPcs()
    await converge(a, b, shareA, shareB)
    const before = await filesOnDisk(root)
    await registerComplaint(a, '1001', intake())
    await server.setQuotaFull(true)
    const full = await syncOnce(a, shareA)
    expect({ state: full.state, problems: codes(full) }).toEqual({
      state: 'unavailable',
      problems: ['davQuotaFull']
    })
    expect((await filesOnDisk(root)).filter((f) => f.endsWith('.seg'))).toEqual(
      before.filter((f) => f.endsWith('.seg'))
    )
    await server.setQuotaFull(false)
    await converge(a, b, shareA, shareB)
    expect(await b.db.complaints.count()).toBe(1)
  })

  it('a stalled server (30 s in life, a short time-out here) is a time-out, not a hang; the next round converges', async () => {
    const { a, b, shareA, shareB } = await twoPcs({ timeoutMs: 500 })
    await registerComplaint(a, '1001', intake())
    proxy.stall()
    const stalled = await syncOnce(a, shareA)
    expect({ state: stalled.state, problems: codes(stalled) }).toEqual({
      state: 'unavailable',
      problems: ['davTimeout']
    })
    proxy.release()
    await converge(a, b, shareA, shareB)
    expect(await b.db.complaints.count()).toBe(1)
  })
})

describe('connecting a WebDAV address (系统设置 → 同步)', () => {
  it('refuses a malformed address, plain http to another host, credentials in the address, a wrong password, a non-WebDAV server — keeping nothing', async () => {
    const share = await webdavPcShare({ timeoutMs: 2000 })
    made.push(share)
    const { url, root } = await freshShare(server)
    const refusal = async (u: string, password = server.password) =>
      (await share.connect(u, server.user, password)).refusal
    expect(await refusal('nas/kefu')).toBe('malformed')
    expect(await refusal('ftp://nas.example/kefu/')).toBe('malformed')
    expect(await refusal('http://nas.example.com/kefu/')).toBe('insecure')
    expect(await refusal('http://192.168.1.20/kefu/')).toBe('insecure')
    expect(await refusal(url.replace('http://', `http://${server.user}:x@`))).toBe('credentialsInAddress')
    expect(await refusal(url, 'wrong')).toBe('unauthorized')
    expect(await refusal(`${server.origin}/nothing-here/`)).toBe('notFound')
    expect(await refusal('http://127.0.0.1:1/kefu/')).toBe('unreachable') // nothing listens on port 1
    expect(await share.desk.shareGetConfig(undefined)).toEqual({
      ok: true,
      value: { root: null, reachable: false }
    })
    expect(await filesOnDisk(root)).toEqual([]) // nothing written there
  })
})
