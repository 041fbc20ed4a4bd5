import { test, expect, screenshot } from './fixtures'
import { finishSetup } from './flows'

// Issue 17 point 6 on screen: the share folder is picked in main's own dialog (the bridge stands in
// for it) and a folder that cannot be a share is refused in plain Chinese; 电脑名称 refuses invisible
// characters. Nothing entered or stored is lost.

test('选择文件夹…: a disk root, a system folder or the home folder is refused, a cancel changes nothing, a folder of its own is taken', async ({
  page,
  desk,
  shareDir
}) => {
  await finishSetup(page)
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const card = page.getByTestId('share-settings')
  const folder = card.getByLabel('共享文件夹位置')
  await expect(folder).toHaveValue('')
  await expect(folder).toHaveAttribute('readonly', '')

  desk.pickFolderNext('/')
  await card.getByRole('button', { name: '选择文件夹…' }).click()
  await expect(card.getByTestId('share-error')).toContainText('不能把整个磁盘或整台服务器用作共享文件夹')
  await expect(folder).toHaveValue('')
  await screenshot(page, 'share-root-refused')

  desk.pickFolderNext('/etc')
  await card.getByRole('button', { name: '选择文件夹…' }).click()
  await expect(card.getByTestId('share-error')).toContainText('这是系统文件夹')

  // the folder is taken, then a refused pick and a cancelled dialog leave it as it was
  await card.getByRole('button', { name: '选择文件夹…' }).click()
  await expect(folder).toHaveValue(shareDir)
  await expect(card.getByTestId('share-state')).toContainText('这是一个空文件夹')
  desk.pickFolderNext('/proc')
  await card.getByRole('button', { name: '选择文件夹…' }).click()
  await expect(card.getByTestId('share-error')).toContainText('这是系统文件夹')
  desk.pickFolderNext(null)
  await card.getByRole('button', { name: '选择文件夹…' }).click()
  await expect(card.getByTestId('share-error')).toHaveCount(0)
  await expect(folder).toHaveValue(shareDir)
  expect(await desk.invoke('shareGetConfig')).toMatchObject({ ok: true, value: { root: shareDir } })
  await screenshot(page, 'share-root-chosen')

  // the page cannot name a folder at all
  const sent = await page.evaluate(async () => {
    const desk = window.desk as unknown as Record<string, ((arg: unknown) => Promise<unknown>) | undefined>
    return {
      setRoot: typeof desk['shareSetRoot'],
      choose: await desk['shareChooseRoot']?.({ root: '\\\\attacker\\share' })
    }
  })
  expect(sent).toMatchObject({
    setRoot: 'undefined',
    choose: { ok: false, error: { code: 'invalid-argument' } }
  })
})

test('电脑名称 with a text-direction override or NUL is refused with its own message; what was typed stays', async ({
  page
}) => {
  await finishSetup(page)
  await page.getByRole('menuitem', { name: '系统设置' }).click()
  const name = page.getByLabel('电脑名称')
  for (const typed of ['前台\u202E脑电', '前台\u0000电脑']) {
    await name.fill(typed)
    await page.getByTestId('save-device').click()
    await expect(page.getByTestId('error-deviceName')).toHaveText(
      '不能包含控制字符或看不见的字符（如 NUL、文字方向控制符），请删除后重试'
    )
    await expect(name).toHaveValue(typed)
  }
  await screenshot(page, 'settings-device-name-invisible')
  await name.fill('前台电脑')
  await page.getByTestId('save-device').click()
  await expect(page.getByTestId('error-deviceName')).toHaveCount(0)
})
