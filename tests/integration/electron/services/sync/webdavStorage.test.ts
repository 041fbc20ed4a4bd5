import { chown, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createWebdavStorage } from '../../../../../electron/services'
import { storageContract } from '../../../../support/storageContract'
import { startWebdavServer, type WebdavServer } from '../../../../support/webdavServer'

// The WebDAV storage against a REAL server (Apache httpd + mod_dav_fs on loopback, tests/support/
// webdavServer.ts): the very contract the shared folder passes.

let server: WebdavServer
beforeAll(async () => {
  server = await startWebdavServer()
})
afterAll(async () => {
  await server.close()
})

let n = 0
/** A fresh share: a new folder under the server's /share/, owned by the server's user. */
export async function freshShare(s: WebdavServer): Promise<{ url: string; root: string }> {
  const name = `s${++n}-${Date.now()}`
  const root = join(s.root, name)
  await mkdir(root)
  if (process.getuid?.() === 0) await chown(root, 65534, 65534)
  return { url: `${s.url}${name}/`, root }
}

storageContract('WebDAV storage (Apache mod_dav)', async () => {
  const { url, root } = await freshShare(server)
  const make = () => createWebdavStorage({ url, user: server.user, password: server.password })
  return { share: make(), other: make, root }
})
