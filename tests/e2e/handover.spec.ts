import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { saveViewAsPdf } from './pdf'
import { buildComplaint } from '@shared/domain/complaint'
import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'
import { complaintKeys, withDerived } from '@/db/derived'
import { addStaff, finishSetup, registerComplaintViaUi, switchStaff, passTime } from './flows'

// 交接班 (docs/design.md §3.5, issue "Shift handover"): a note pre-filled from the data, free items in the
// three sections, submission, 打印交接单 to PDF (read back with poppler and rendered to PNG for people
// to look at), 确认接班 by another clerk, the lock, and carry-over into the next note.

test.use({ startTime: '2026-11-23T16:30:00+08:00' })

/** The page footer as printed, spaces removed (pdftotext spaces glyphs of the margin box its own way). */
function footerOf(pageText: string): string {
  return /第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页/.exec(pageText)?.[0].replace(/\s+/g, '') ?? ''
}

const SECTION = { customers: '移交客户', urgent: '紧急事项', prospects: '待联系潜在客户' } as const
const TEXT_LABEL = {
  customers: '移交情况（如：退款进度、客户要求）',
  urgent: '需要赶紧处理的事情',
  prospects: '联系事由（如：想办会员卡、询问新品）'
} as const

/** Adds a free item through its section's form, every field found by its label (「紧急事项 到期时间」). */
async function addItem(
  page: Page,
  section: 'customers' | 'urgent' | 'prospects',
  fill: { name?: string; phone?: string; text: string; due?: string }
): Promise<void> {
  const form = page.getByTestId(`add-${section}`)
  const label = (field: string) => page.getByLabel(`${SECTION[section]} ${field}`, { exact: true })
  if (fill.name) await label('客户姓名').fill(fill.name)
  if (fill.phone) await label('电话').fill(fill.phone)
  await label(TEXT_LABEL[section]).fill(fill.text)
  if (fill.due) {
    await label('到期时间').click()
    await page.keyboard.type(fill.due)
    await page.keyboard.press('Enter')
  }
  await form.getByRole('button', { name: '添加' }).click()
  await expect(
    page.getByTestId(`items-${section}`).getByTestId('handover-item').filter({ hasText: fill.text })
  ).toBeVisible()
  await expect(form.locator('.ant-form-item-explain-error')).toHaveCount(0) // the emptied form shows no errors
}

/** Screenshots of a long page: the app scrolls its content pane, so take the top and the bottom. */
async function shotPage(page: Page, name: string): Promise<void> {
  const pane = page.locator('.ant-layout-content')
  await pane.evaluate((el) => el.scrollTo(0, 0))
  await screenshot(page, `${name}-top`)
  await pane.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await screenshot(page, `${name}-bottom`)
}

/** `count` open complaints straight into the app's IndexedDB (fixture data, shaped as the writer stores them). */
async function seedOpenComplaints(
  page: Page,
  count: number,
  receivedFrom: number
): Promise<{ no: string; phone: string }[]> {
  const stamp = {
    hlc: `${String(receivedFrom).padStart(15, '0')}-0000-seed`,
    device: 'seed',
    staffNo: '8001'
  }
  const rows = Array.from({ length: count }, (_, i) => {
    const receivedAt = receivedFrom + i * 7 * 60_000
    const c = buildComplaint(
      {
        channel: 'counter',
        customerName: `顾客${i + 1}`,
        customerPhone: `139${String(10_000_000 + i * 7919).padStart(8, '0')}`,
        orderNo: '',
        itemNo: '',
        product: '',
        quantity: null,
        purchaseDate: '',
        category: 'quality',
        content: '质量问题',
        demand: '',
        emotion: 'calm',
        urgency: 'normal'
      },
      {
        id: `seed-${i}`,
        no: `TS-20261122-S1-${String(i + 1).padStart(3, '0')}`,
        customerId: `seed-c-${i}`,
        receivedAt,
        firstResponder: '8001'
      }
    )
    const row = { ...c, _clock: {}, _created: stamp, _updated: stamp }
    return withDerived(row, complaintKeys(row, DEFAULT_TIME_RULES))
  })
  await page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk')
        open.onsuccess = () => {
          const tx = open.result.transaction(['complaints'], 'readwrite')
          for (const r of records) tx.objectStore('complaints').put(r)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      }),
    rows
  )
  return rows.map((r) => ({ no: r.no, phone: r.customerPhone }))
}

test.describe('shift handover (交接班)', () => {
  test('pre-filled note, free items, PDF, acknowledgement by another clerk, lock and carry-over', async ({
    page,
    desk,
    consoleErrors
  }) => {
    test.slow() // the whole journey: two PDFs, four staff switches, ~30 screens
    await finishSetup(page)
    await addStaff(page, '1001', '王小明')
    await addStaff(page, '1002', '李四')
    // The manager gives the incoming clerk a PIN (系统设置 → 设置PIN).
    const row1002 = page.getByTestId('staff-table').getByRole('row').filter({ hasText: '1002' })
    await row1002.getByRole('button', { name: '设置PIN' }).click()
    await page.getByRole('dialog').getByLabel('新PIN').fill('2468')
    await page.getByRole('dialog').getByLabel('再次输入').fill('2468')
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
    await expect(row1002.getByText('已设置')).toBeVisible()
    await switchStaff(page, '1001')
    const no = await registerComplaintViaUi(page, {
      phone: '13812345678',
      name: '张三',
      content: '刚买两天的电饭煲不加热，按下煮饭键后指示灯亮但锅内一直是凉的。'
    })

    // 新建交接记录: the shift comes from the clock (16:30 → 白班), open complaints are already listed.
    await page.getByRole('menuitem', { name: '交接班' }).click()
    await page.getByTestId('new-handover').click()
    await expect(page.getByTestId('handover-title')).toContainText('2026-11-23 白班 08:00–17:00')
    await expect(page.getByTestId('handover-status')).toHaveText('草稿')
    const complaints = page.getByTestId('prefill-complaints')
    await expect(complaints).toContainText(no)
    await expect(complaints).toContainText('138****5678') // a clerk sees masked phones
    await expect(complaints).toContainText('首次答复 11-24 00:00')

    await addItem(page, 'customers', {
      name: '赵先生',
      phone: '13600136000',
      text: '退款已申请，等财务到账后通知客户'
    })
    // 到期时间 is required and takes a date and a time.
    const due = page.getByLabel('紧急事项 到期时间', { exact: true })
    await expect(due).toHaveAttribute('placeholder', '年-月-日 时:分')
    await expect(page.getByTestId('add-urgent').locator('label[for="handover-urgent-due"]')).toHaveClass(
      /ant-form-item-required/
    )
    await addItem(page, 'urgent', { text: '18:00 前给张三回电话确认上门时间', due: '2026-11-23 18:00' })
    await addItem(page, 'prospects', { name: '钱女士', phone: '13700137000', text: '想办会员卡，周末再联系' })
    await addItem(page, 'prospects', { name: '孙先生', text: '已联系过，不再需要' })
    // The box reflects the stored item, so it turns checked once the write is back.
    const doneBox = page.getByLabel('待联系潜在客户 2 标记完成', { exact: true }) // 孙先生, the second prospect
    await doneBox.click()
    await expect(doneBox).toBeChecked()
    await expect(page.getByTestId('items-prospects').getByText('已完成')).toBeVisible()

    // A 5 000-character note: refused with the count, and the text stays in the box.
    const long = '注'.repeat(5000)
    await page.getByTestId('notes-input').fill(long)
    await page.getByTestId('notes-save').click()
    await expect(page.getByTestId('notes-error')).toHaveText(
      '备注最多 2000 字，当前 5000 字。内容已保留，请删减后再保存。'
    )
    await expect(page.getByTestId('notes-input')).toHaveValue(long)
    await screenshot(page, 'handover-notes-too-long')
    await page.getByLabel('备注', { exact: true }).fill('门口地面湿滑，已放防滑垫。')
    await page.getByTestId('notes-save').click()
    await expect(page.getByText('备注已保存')).toBeVisible()
    await shotPage(page, 'handover-draft')

    await expect(page.getByRole('button', { name: '移交客户 1 删除', exact: true })).toBeVisible()
    await page.getByTestId('submit-handover').click()
    await expect(page.getByTestId('handover-status')).toHaveText('待确认接班')
    // Submitted: read-only for its author too; no remarks before acknowledgement; 确认接班 waits for the next clerk.
    await expect(page.getByTestId('handover-submitted')).toContainText('等待接班人确认接班')
    for (const gone of ['submit-handover', 'notes-input', 'add-urgent', 'handover-remarks', 'handover-shift'])
      await expect(page.getByTestId(gone), gone).toHaveCount(0)
    await expect(page.getByLabel('紧急事项 1 标记完成', { exact: true })).toBeDisabled()
    await expect(page.getByRole('button', { name: '紧急事项 1 删除' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: '确认接班' })).toBeVisible()
    await shotPage(page, 'handover-submitted')

    // 工作台 shows the note waiting for acknowledgement.
    await page.getByRole('menuitem', { name: '工作台' }).click()
    await expect(page.getByTestId('dashboard-handovers')).toContainText(
      '2026-11-23 白班 · 交班人 1001 王小明 · 待确认接班'
    )
    await screenshot(page, 'handover-dashboard')
    await page.getByTestId('dashboard-handover').click()

    // 打印交接单 → PDF: Chinese text, masked phones, every section, signature lines, page numbers.
    await page.getByTestId('print-handover').click()
    await expect(page.getByTestId('handover-sheet')).toBeVisible()
    await screenshot(page, 'handover-print-view')
    const { pages } = await saveViewAsPdf(page, desk, 'handover-pdf')
    expect(pages).toHaveLength(1)
    const text = pages[0]!
    for (const expected of [
      '幸福路店',
      '交接班记录表',
      '2026-11-23',
      '白班 08:00–17:00',
      '1001 王小明',
      no,
      '张三',
      '138****5678',
      '赵先生 136****6000',
      '18:00 前给张三回电话确认上门时间',
      '11-23 18:00',
      '钱女士 137****7000',
      '门口地面湿滑',
      '交班人签字',
      '接班人签字'
    ]) {
      expect(text, expected).toContain(expected)
    }
    expect(text).not.toContain('13812345678')
    expect(footerOf(text)).toBe('第1页/共1页')
    await page.getByRole('button', { name: '返回' }).click()

    // 确认接班: not by the outgoing clerk (who has no PIN: accepted as the person at the desk, then refused).
    const credentials = (staffNo: string, pin: string) =>
      (async () => {
        const dialog = page.getByRole('dialog')
        await dialog.getByLabel('工号').fill(staffNo)
        await dialog.getByLabel('PIN').fill(pin)
        await dialog.getByRole('button', { name: '确认接班' }).click()
      })()
    await page.getByTestId('acknowledge-handover').click()
    // The outgoing clerk is at the desk: nothing pre-filled; the dialog says when a blank PIN passes.
    await expect(page.getByRole('dialog').getByLabel('工号')).toHaveValue('')
    await expect(page.getByTestId('blank-pin-hint')).toHaveText(
      'PIN 可以不填的情况：该工号还没有设置 PIN，并且就是本机当前工号（先切换工号）。'
    )
    await credentials('1001', '')
    await expect(page.getByText('不能确认自己交出的交接记录，请由接班人确认。')).toBeVisible()
    // The incoming clerk at the desk finds their own 工号 filled in.
    await page.keyboard.press('Escape')
    await switchStaff(page, '1002', '2468')
    await page.getByTestId('acknowledge-handover').click()
    await expect(page.getByRole('dialog').getByLabel('工号')).toHaveValue('1002')
    await screenshot(page, 'handover-acknowledge-dialog')
    // The incoming clerk confirms at the same PC with 工号 + PIN; a wrong PIN is refused first.
    await credentials('1002', '1357')
    await expect(page.getByRole('dialog')).toContainText('PIN 不正确')
    await expect(page.getByTestId('handover-status')).toHaveText('待确认接班')
    await screenshot(page, 'handover-acknowledge-wrong-pin')
    await credentials('1002', '2468')
    await expect(page.getByText('1002 李四 已确认接班')).toBeVisible()
    await expect(page.getByTestId('handover-status')).toHaveText('已确认')
    await expect(page.getByTestId('handover-incoming')).toHaveText('1002 李四')
    await expect(page.getByTestId('handover-locked')).toContainText('已由 1002 李四 于 11-23 16:30 确认接班')
    await expect(page.getByTestId('submit-handover')).toHaveCount(0)
    await expect(page.getByTestId('notes-input')).toHaveCount(0)
    // Acknowledged: no second 确认接班 to offer (issue 13.5); a remark is appended instead.
    await expect(page.getByTestId('acknowledge-handover')).toHaveCount(0)
    await page.getByLabel('接班后追加的备注', { exact: true }).fill('张三已改约明天上午')
    await page.getByTestId('remark-add').click()
    await expect(page.getByTestId('handover-remarks')).toContainText('张三已改约明天上午')
    await shotPage(page, 'handover-acknowledged')

    // Reopened later, read-only, and reprinted: the paper now names the incoming clerk and the time.
    await page.getByTestId('print-handover').click()
    const reprint = await saveViewAsPdf(page, desk, 'handover-reprint-pdf')
    for (const expected of [
      '已确认',
      '1002 李四',
      '2026-11-23 16:30',
      '接班后追加的备注',
      '张三已改约明天上午'
    ])
      expect(reprint.text, expected).toContain(expected)
    await page.getByRole('button', { name: '返回' }).click()

    // The next note (晚班, by 李四) carries what was not finished, marked with the shifts carried.
    await passTime(page, '07:10:00', '2468') // 23:40
    await page.getByRole('menuitem', { name: '交接班' }).click()
    await expect(page.getByTestId('handover-list')).toContainText('1002 李四')
    await screenshot(page, 'handover-list')
    await page.getByTestId('new-handover').click()
    await expect(page.getByTestId('handover-title')).toContainText('2026-11-23 晚班 15:00–24:00')
    const urgent = page.getByTestId('items-urgent')
    await expect(urgent).toContainText('18:00 前给张三回电话确认上门时间')
    await expect(urgent).toContainText('已交接 1 班')
    await expect(urgent).toContainText('已超时') // due 18:00, now 23:40
    await expect(page.getByTestId('handover-summary')).toContainText('已超时 1 项')
    await expect(page.getByTestId('items-customers')).toContainText('赵先生')
    await expect(page.getByTestId('items-prospects')).toContainText('钱女士')
    await expect(page.getByTestId('items-prospects')).not.toContainText('孙先生') // done: stays behind
    await expect(page.getByTestId('prefill-complaints')).toContainText('已交接 1 班')
    await expect(page.getByTestId('previous-unacknowledged')).toHaveCount(0) // the previous one was acknowledged
    await shotPage(page, 'handover-carry-over')
    expect(consoleErrors).toEqual([])
  })

  test('an empty handover is allowed but says so; shifts can be overridden', async ({ page }) => {
    await finishSetup(page)
    await page.getByRole('menuitem', { name: '交接班' }).click()
    await page.getByTestId('new-handover').click()
    await expect(page.getByTestId('handover-empty')).toContainText('本次交接没有任何待办事项')
    await page.getByTestId('handover-shift').click()
    await page.getByTitle('晚班 15:00–24:00').click()
    await expect(page.getByTestId('handover-title')).toContainText('晚班 15:00–24:00')
    await page.getByTestId('submit-handover').click()
    await expect(page.getByTestId('handover-status')).toHaveText('待确认接班')
    await screenshot(page, 'handover-empty')

    // History filters: by shift and by person.
    await page.getByRole('button', { name: '返回列表' }).click()
    await expect(page.getByTestId('handover-list').locator('tbody tr')).toHaveCount(1)
    await page.getByTestId('handover-filter-shift').click()
    await page.getByTitle('白班', { exact: true }).click()
    await expect(page.getByTestId('handover-list')).toContainText('还没有交接记录')
    await page.getByTestId('handover-filter-shift').click()
    await page.getByTitle('晚班', { exact: true }).click()
    await expect(page.getByTestId('handover-list')).toContainText('8001 李经理')

    // Shifts are settings: a bad time is refused next to the field, nothing is saved.
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    const shifts = page.getByTestId('shift-settings')
    await shifts.getByLabel('开始').first().fill('8点')
    await shifts.getByTestId('save-shifts').click()
    await expect(shifts).toContainText('时间格式为 时:分（如 22:00）')
    await shifts.getByLabel('开始').first().fill('07:30')
    await shifts.getByTestId('save-shifts').click()
    await expect(page.getByText('班次已保存')).toBeVisible()
    await shifts.scrollIntoViewIfNeeded()
    await screenshot(page, 'handover-shift-settings')
  })

  test('a 60-case handover paginates: few pages, headers repeated, no row cut, pages numbered', async ({
    page,
    desk
  }) => {
    await finishSetup(page)
    const seeded = await seedOpenComplaints(page, 60, Date.parse('2026-11-22T09:00:00+08:00'))
    await page.getByRole('menuitem', { name: '交接班' }).click()
    await page.getByTestId('new-handover').click()
    await expect(page.getByTestId('prefill-complaints')).toContainText('未结案投诉（60）')
    await addItem(page, 'urgent', { text: '盘点仓库退货区', due: '2026-11-23 20:00' })
    await page.getByTestId('print-handover').click()
    await expect(page.getByTestId('sheet-complaints').locator('tbody tr')).toHaveCount(60)
    const { pages } = await saveViewAsPdf(page, desk, 'handover-60-pdf')
    // As few pages as the rows need: 60 rows, one urgent matter and the signatures take two.
    expect(pages).toHaveLength(2)
    pages.forEach((text, i) => {
      expect(footerOf(text)).toBe(`第${i + 1}页/共${pages.length}页`)
      // every page that carries complaint rows starts them with the table's header row
      if (/TS-20261122-S1-/.test(text)) expect(text).toMatch(/序号\s+投诉编号\s+客户\s+电话\s+受理时长/)
    })
    expect(pages.filter((text) => /序号\s+投诉编号/.test(text)).length).toBeGreaterThanOrEqual(2) // the header repeats
    // No row is cut: each case's number, masked phone and next step stand on one line, once in the whole PDF.
    const lines = pages.flatMap((text) => text.split('\n'))
    for (const { no, phone } of seeded) {
      const rows = lines.filter((l) => l.includes(no))
      expect(rows, no).toHaveLength(1)
      expect(rows[0], no).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`)
      expect(rows[0], no).toMatch(/升级(值班长|经理)|首次答复|记录处理结果/)
    }
    expect(lines.join('\n')).toContain('盘点仓库退货区')
    expect(pages[1]).toContain('接班人签字')
    expect(pages[0]!.replace(/\s+/g, '')).toContain(
      '本班无记录：回访任务（今天到期或已超期）、约定回电、退换货处理中、移交客户、待联系潜在客户'
    )
  })

  test('in English: every field named, read-only once submitted, the dialog pre-fills and accepts a blank PIN at the desk', async ({
    page
  }) => {
    await finishSetup(page)
    await addStaff(page, '1001', '王小明')
    await switchStaff(page, '1001')
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('menuitem', { name: 'Handover' }).click()
    await page.getByTestId('new-handover').click()
    const due = page.getByLabel('Due (Urgent matters)', { exact: true })
    await expect(due).toHaveAttribute('placeholder', 'YYYY-MM-DD HH:mm')
    await page.getByLabel('What must be dealt with (Urgent matters)', { exact: true }).fill('Call 张三 back')
    await page.getByTestId('add-urgent').getByRole('button', { name: 'Add' }).click()
    await expect(page.getByTestId('add-urgent')).toContainText('Enter the due time')
    await due.click()
    await page.keyboard.type('2026-11-23 18:00')
    await page.keyboard.press('Enter')
    await page.getByTestId('add-urgent').getByRole('button', { name: 'Add' }).click()
    await expect(page.getByLabel('Mark done (Urgent matters 1)', { exact: true })).toBeEnabled()
    await page.getByLabel('Customer name (Prospects to contact)', { exact: true }).fill('钱女士')
    await page.getByTestId('items-urgent').scrollIntoViewIfNeeded()
    await screenshot(page, 'handover-draft-en')

    await page.getByRole('button', { name: 'Submit handover' }).click()
    await expect(page.getByTestId('handover-submitted')).toContainText('waiting for the incoming clerk')
    await expect(page.getByLabel('Mark done (Urgent matters 1)', { exact: true })).toBeDisabled()
    await expect(page.getByTestId('handover-remarks')).toHaveCount(0)
    await shotPage(page, 'handover-submitted-en')

    // The manager (no PIN) takes over at this PC: their 工号 is filled in and a blank PIN passes.
    await page.getByRole('button', { name: 'Switch staff' }).click()
    await page.getByRole('dialog').getByRole('combobox').fill('8001')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('current-staff')).toContainText('8001')
    await page.getByRole('button', { name: 'Acknowledge handover' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByLabel('Staff no.')).toHaveValue('8001')
    await expect(page.getByTestId('blank-pin-hint')).toHaveText(
      'The PIN may be left blank only if that staff no. has no PIN yet and is the one on duty at this PC (switch staff first).'
    )
    await screenshot(page, 'handover-acknowledge-dialog-en')
    await dialog.getByRole('button', { name: 'Acknowledge handover' }).click()
    await expect(page.getByTestId('handover-status')).toHaveText('Acknowledged')
    await expect(page.getByRole('button', { name: 'Acknowledge handover' })).toHaveCount(0)
    await expect(page.getByTestId('handover-remarks')).toBeVisible()
    await shotPage(page, 'handover-acknowledged-en')
  })
})
