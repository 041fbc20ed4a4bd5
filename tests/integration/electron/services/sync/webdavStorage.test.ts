import { afterAll, beforeAll } from 'vitest'
import { createWebdavStorage } from '../../../../../electron/services'
import { storageContract } from '../../../../support/storageContract'
import { freshShare, startWebdavServer, type WebdavServer } from '../../../../support/webdavServer'

// The WebDAV storage against a REAL server (Apache httpd + mod_dav_fs on loopback, tests/support/
// webdavServer.ts): the very contract the shared folder passes.

let server: WebdavServer
beforeAll(async () => {
  server = await startWebdavServer()
})
afterAll(async () => {
  await server.close()
})

storageContract('WebDAV storage (Apache mod_dav)', async () => {
  const { url, root } = await freshShare(server)
  const make = () => createWebdavStorage({ url, user: server.user, password: server.password })
  return { share: make(), other: make, root }
})
