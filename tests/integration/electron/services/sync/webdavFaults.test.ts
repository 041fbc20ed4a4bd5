import { readdir } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createWebdavStorage, ShareServiceError } from '../../../../../electron/services'
import { startTcpProxy, type TcpProxy } from '../../../../support/tcpProxy'
import { freshShare, startWebdavServer, type WebdavServer } from '../../../../support/webdavServer'

// Network and server faults between the WebDAV storage and a REAL server (Apache mod_dav on loopback);
// the faults are real too: the server stopped mid-upload, a TCP connection cut after half a body (a
// loopback proxy that passes the real server's bytes), a stall, a wrong password, Apache answering 507.
// Each one: the call fails with its code, no name ever holds part of a file, the next call works.

let server: WebdavServer
let proxy: TcpProxy
beforeAll(async () => {
  server = await startWebdavServer()
  proxy = await startTcpProxy(server.port)
})
afterEach(async () => {
  proxy.release()
  await server.setQuotaFull(false)
  await server.start()
})
afterAll(async () => {
  await proxy.close()
  await server.close()
})

const failure = (e: unknown) => (e instanceof ShareServiceError ? e.failure : String(e))
const MIB = 1024 * 1024
const body = (size: number, seed: number) => new Uint8Array(size).map((_, i) => (i * 7 + seed) & 0xff)

async function viaProxy(opts: { timeoutMs?: number; password?: string } = {}) {
  const { url, root } = await freshShare(server)
  const proxied = url.replace(`:${server.port}/`, `:${proxy.port}/`)
  const make = (password = server.password, timeoutMs = opts.timeoutMs) =>
    createWebdavStorage(
      { url: proxied, user: server.user, password },
      timeoutMs !== undefined ? { timeoutMs } : {}
    )
  return { share: make(opts.password), make, root }
}

/** Every file under the share on disk, dot-files (temps) included. */
async function onDisk(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).map(String).sort()
}

const SEG = 'devices/pcA/segments/seg-pcA-000000000001.seg'

describe('WebDAV faults against a real server', () => {
  it('the server stopped mid-upload: nothing under the name, the upload works once it is back', async () => {
    const { share, root } = await viaProxy()
    await share.writeNew('devices/pcA/status-000000000000001.json', body(10, 1)) // folders exist
    const data = body(2 * MIB, 2)
    const held = proxy.holdUp(MIB) // half the body reaches Apache, then the server goes
    const writing = share.writeNew(SEG, data).then(
      () => 'ok',
      (e: unknown) => failure(e)
    )
    await held
    await server.kill()
    proxy.release()
    expect(await writing).toBe('unreachable')
    expect((await onDisk(root)).filter((n) => n.endsWith('.seg'))).toEqual([])
    await server.start()
    expect((await share.list('devices/pcA/segments')).map((e) => e.name)).toEqual([]) // temps never listed
    await share.writeNew(SEG, data)
    expect(Buffer.from(await share.read(SEG)).equals(Buffer.from(data))).toBe(true)
  })

  it('a connection cut after half the body (upload, then download): never a half file taken for whole', async () => {
    const { share, root } = await viaProxy()
    const data = body(2 * MIB, 3)
    proxy.cutUp(MIB)
    expect(await share.writeNew(SEG, data).then(() => 'ok', failure)).toBe('unreachable')
    expect((await onDisk(root)).filter((n) => n.endsWith('.seg'))).toEqual([])
    await share.writeNew(SEG, data)
    proxy.cutDown(MIB) // the answer to GET is cut half-way
    expect(await share.read(SEG).then(() => 'ok', failure)).toBe('unreachable')
    expect(Buffer.from(await share.read(SEG)).equals(Buffer.from(data))).toBe(true)
    // temps of the cut upload are swept later, never listed meanwhile
    expect((await share.list('devices/pcA/segments')).map((e) => e.name)).toEqual([
      'seg-pcA-000000000001.seg'
    ])
  })

  it('a wrong password is "unauthorized" for every call; the right one works at once', async () => {
    const { make, root } = await viaProxy()
    const wrong = make('not-the-password')
    for (const op of [
      () => wrong.list(''),
      () => wrong.read('store.json'),
      () => wrong.writeNew('store.json', body(5, 4)),
      () => wrong.remove('store.json')
    ])
      expect(await op().then(() => 'ok', failure)).toBe('unauthorized')
    expect(await onDisk(root)).toEqual([])
    const right = make()
    await right.writeNew('store.json', body(5, 4))
    expect((await right.list('')).map((e) => e.name)).toEqual(['store.json'])
  })

  it("507 from the server (its storage full): 'quotaFull', nothing written, fine once there is room", async () => {
    const { share, root } = await viaProxy()
    await share.writeNew('devices/pcA/status-000000000000001.json', body(10, 5))
    await server.setQuotaFull(true)
    expect(await share.writeNew(SEG, body(1000, 6)).then(() => 'ok', failure)).toBe('quotaFull')
    expect(await share.writeNew('snapshots/s1/manifest.snap', body(10, 6)).then(() => 'ok', failure)).toBe(
      'quotaFull'
    )
    expect((await share.list('devices/pcA')).map((e) => e.name)).toEqual(['status-000000000000001.json'])
    expect((await onDisk(root)).filter((n) => n.endsWith('.seg') || n.startsWith('snapshots'))).toEqual([])
    await server.setQuotaFull(false)
    await share.writeNew(SEG, body(1000, 6))
    expect((await share.read(SEG)).byteLength).toBe(1000)
  })

  it('a server that stops answering (a 30-second stall) is a time-out, not a hang; the next call works', async () => {
    const { share, make } = await viaProxy({ timeoutMs: 400 })
    await share.writeNew('store.json', body(5, 7))
    proxy.stall()
    for (const op of [
      () => share.list(''),
      () => share.read('store.json'),
      () => share.writeNew(SEG, body(100, 8))
    ])
      expect(await op().then(() => 'ok', failure)).toBe('timeout')
    proxy.release()
    const again = make()
    expect((await again.list('')).map((e) => e.name)).toEqual(['store.json'])
    expect((await again.list('devices')).map((e) => e.name)).toEqual([]) // the stalled write never landed
  })

  it('the server gone altogether is "unreachable", never an empty share', async () => {
    const { share } = await viaProxy()
    await share.writeNew('store.json', body(5, 9))
    await server.stop()
    for (const op of [() => share.list(''), () => share.list('devices'), () => share.read('store.json')])
      expect(await op().then(() => 'ok', failure)).toBe('unreachable')
    await server.start()
    expect((await share.list('')).map((e) => e.name)).toEqual(['store.json'])
  })
})
