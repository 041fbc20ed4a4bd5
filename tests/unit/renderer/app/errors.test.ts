import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { z } from 'zod'
import { AssignmentRefusedError } from '@/db/customerAssignment'
import { CallbackRefusedError } from '@/db/callbacks'
import { CustomerRefusedError } from '@/db/customers'
import { DuplicateStaffNoError } from '@/db/staff'
import { HandoverRefusedError } from '@/db/handovers'
import { ImportRefusedError } from '@/db/customerImport'
import { MergeRefusedError } from '@/db/customerMerge'
import { ReturnRefusedError } from '@/db/returns'
import { StaffPinRefusedError } from '@/db/staffPin'
import { StoreChoiceError } from '@/db/sync/storeChoice'
import { WorkflowRefusedError } from '@/db/workflow'
import { DeskLockRefusedError } from '@/db/deskLock'
import { WorkReportRefusedError } from '@/db/workReports'
import { DeskCallError } from '@/ipc/desk'
import { describeError } from '@/app/errors'
import { zhCN } from '@/i18n/zh-CN'

const i18n = i18next.createInstance()
void i18n.init({
  lng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false },
  showSupportNotice: false
})
const describe_ = (e: unknown) => describeError(e, i18n.t)

describe('describeError', () => {
  it.each([
    [new WorkflowRefusedError({ message: 'workflow.notNow' }), '当前状态下不能进行此操作'],
    [new CustomerRefusedError('customer.notFound'), zhCN.customer.notFound],
    [new ReturnRefusedError('returns.notFound'), '找不到该退换货登记'],
    [new MergeRefusedError('customerMerge.refused.self'), '不能把档案与它自己合并'],
    [new AssignmentRefusedError('customerMerge.assign.refused.managerOnly'), '只有客服经理可以分配负责客服'],
    [new HandoverRefusedError('ownHandover'), '不能确认自己交出的交接记录，请由接班人确认。'],
    [new CallbackRefusedError('callback.refused.ended'), '这件投诉已结案，不能再约定回电。'],
    [new StaffPinRefusedError('staffPin.refused.unknownStaff'), '没有这个工号'],
    [new StoreChoiceError('unavailable'), '无法访问该文件夹，请检查位置和网络。'],
    [new DeskLockRefusedError('deskLock.refused.notManager'), zhCN.deskLock.refused.notManager],
    [new WorkReportRefusedError('reports.workPage.ownOnly'), zhCN.reports.workPage.ownOnly],
    [new DeskCallError({ code: 'internal', message: 'ipc.forbiddenSender' }), '请求来源不被信任，已拒绝。'],
    // a refused argument with a reason of its own says it (issue 17: a reserved PDF name, bidi controls)
    [
      new DeskCallError({
        code: 'invalid-argument',
        message: 'ipc.invalidArgument',
        issues: [{ path: 'suggestedName', message: 'validation.fileNameReserved' }]
      }),
      '文件名不能是 Windows 保留的设备名称（如 CON、NUL、COM1、CONIN$），请换一个文件名'
    ],
    [
      new DeskCallError({
        code: 'invalid-argument',
        message: 'ipc.invalidArgument',
        issues: [{ path: 'suggestedName', message: 'validation.invisibleChars' }]
      }),
      '不能包含控制字符或看不见的字符（如 NUL、文字方向控制符），请删除后重试'
    ],
    // a garbled argument stays the general sentence
    [
      new DeskCallError({
        code: 'invalid-argument',
        message: 'ipc.invalidArgument',
        issues: [{ path: 'deviceName', message: 'validation.invalid' }]
      }),
      '系统拒绝了无效的请求（参数错误），请重试；已填写的内容已保留。'
    ]
  ])('translates the key a typed refusal carries: %s → %s', (error, text) => {
    expect(describe_(error)).toBe(text)
  })

  it('fills the parameters an import refusal carries', () => {
    const text = describe_(new ImportRefusedError('customerGone', { count: 3, taken: [] }))
    expect(text).toContain('要更新的 3 位客户的档案已不存在')
    const named = describe_(
      new ImportRefusedError('phonesTaken', {
        count: 2,
        taken: [{ phone: '13800138000', name: '张三' }, { phone: '13900139000' }]
      })
    )
    expect(named).toContain('13800138000')
    expect(named).toContain('张三')
    expect(named).toContain('13900139000')
  })

  it('names the 工号 that already exists', () => {
    expect(describe_(new DuplicateStaffNoError('1001'))).toBe('工号 1001 已存在')
  })

  it('says the first validation message', () => {
    const parsed = z.object({ text: z.string().min(1, 'validation.required') }).safeParse({ text: '' })
    expect(parsed.success).toBe(false)
    expect(describe_(parsed.error)).toBe(i18n.t('validation.required'))
    expect(describe_(parsed.error)).not.toBe('validation.required')
  })

  it('summarises anything else as an unexpected error with its reason', () => {
    expect(describe_(new Error('disk full'))).toBe('出现意外错误：disk full')
    expect(describe_('offline')).toBe('出现意外错误：offline')
  })
})
