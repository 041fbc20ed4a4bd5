import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { finishSetup, registerComplaintViaUi, syncNow } from './flows'
import { freshShare, startWebdavServer, type WebdavServer } from '../support/webdavServer'

// Issue 18 point 2: two PCs meet through a REAL WebDAV server (Apache mod_dav on loopback, started by
// this test; main's services run in the test process behind the desk bridge) and converge; a wrong
// password is said in plain Chinese when connecting and, once the server's password changes, on the
// indicator and the sync page (401) — and the right one brings sync back.

test.use({ startTime: '2026-11-23T10:00:00+08:00' })
// two PCs, a real server, many rounds: longer than one page's test under a loaded machine
test.setTimeout(240_000)

let server: WebdavServer
test.beforeAll(async () => {
  server = await startWebdavServer()
})
test.afterAll(async () => {
  await server.close()
})

/** 系统设置 → 同步 → WebDAV: the address, 用户名, 应用密码, 连接. */
async function connectWebdav(page: Page, url: string, user: string, password: string): Promise<void> {
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const card = page.getByTestId('share-settings')
  // the way to sync is chosen by words that are no field's label (共享文件夹位置 is one)
  await expect(card.getByRole('radio', { name: '共享文件夹' })).toHaveCount(0)
  await card.getByRole('radio', { name: 'WebDAV' }).check()
  await card.getByLabel('WebDAV 地址', { exact: true }).fill(url)
  await card.getByLabel('用户名', { exact: true }).fill(user)
  await card.getByLabel('应用密码', { exact: true }).fill(password)
  await card.getByRole('button', { name: '连接' }).click()
}

test('two PCs meet through a WebDAV server and converge; a 401 is said in plain Chinese', async ({
  page,
  openSecondPc
}) => {
  const { url } = await freshShare(server)
  await finishSetup(page)

  // Bad input first: plain http to another host, then a wrong password — nothing kept, nothing written.
  await connectWebdav(page, 'http://nas.example.com/kefu/', server.user, server.password)
  await expect(page.getByTestId('share-error')).toContainText('只能使用 https:// 开头的加密地址')
  await connectWebdav(page, url, server.user, 'not-the-password')
  await expect(page.getByTestId('share-error')).toContainText('用户名或应用密码不正确')
  await expect(page.getByLabel('WebDAV 地址', { exact: true })).toHaveValue(url) // what was typed stays
  await screenshot(page, 'sync-webdav-wrong-password')
  await expect(page.getByTestId('share-state')).toHaveCount(0)

  // PC A: the right password; the folder is empty — a store share is created only when asked.
  await connectWebdav(page, url, server.user, server.password)
  await expect(page.getByTestId('share-state')).toContainText('这是一个空文件夹')
  await expect(page.getByLabel('应用密码', { exact: true })).toHaveValue('') // not kept in the page
  await page.getByTestId('share-create').click()
  await expect(page.getByTestId('share-state')).toContainText('本机已加入该门店共享')
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/)
  await screenshot(page, 'sync-webdav-settings')

  // PC B joins the store found there.
  const b = await openSecondPc()
  await finishSetup(b.page, { managerStaffNo: '8002', managerName: '张经理' })
  await connectWebdav(b.page, url, server.user, server.password)
  await expect(b.page.getByTestId('share-state')).toContainText('已有门店共享')
  await b.page.getByTestId('share-join').click()
  await expect(b.page.getByTestId('sync-status')).toHaveText(/^已同步/)

  // A complaint made on A reaches B through the server.
  const no = await registerComplaintViaUi(page, {
    phone: '13812345678',
    name: '张三',
    content: '空调不制冷，师傅上门两次仍未修好。'
  })
  await syncNow(page)
  await syncNow(b.page)
  await b.page.getByRole('menuitem', { name: '投诉处理' }).click()
  await expect(b.page.getByText(no)).toBeVisible()

  // The app password is changed on the server: B's next round is refused (401), said in plain Chinese.
  server.setPassword('a-new-app-password')
  await syncNow(b.page)
  await expect(b.page.getByTestId('sync-status')).toHaveText(/^WebDAV 密码不正确/)
  await expect(b.page.getByTestId('sync-problems')).toContainText(
    'WebDAV 服务器拒绝了用户名或应用密码（401）'
  )
  await screenshot(b.page, 'sync-webdav-401')

  // The new password typed in 系统设置: sync is back, and B's own complaint reaches A.
  await connectWebdav(b.page, url, server.user, 'a-new-app-password')
  await expect(b.page.getByTestId('share-state')).toContainText('本机已加入该门店共享')
  const no2 = await registerComplaintViaUi(b.page, {
    phone: '13987654321',
    name: '李四',
    content: '洗衣机漏水。'
  })
  await syncNow(b.page)
  await expect(b.page.getByTestId('sync-status')).toHaveText(/^已同步/)
  await connectWebdav(page, url, server.user, 'a-new-app-password')
  await syncNow(page)
  await expect(page.getByTestId('sync-status')).toHaveText(/^已同步/)
  await page.getByRole('menuitem', { name: '投诉处理' }).click()
  await expect(page.getByText(no2)).toBeVisible()
})
