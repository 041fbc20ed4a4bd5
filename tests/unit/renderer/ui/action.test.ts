import { describe, expect, it, vi } from 'vitest'
import i18next from 'i18next'
import type { Staff } from '@shared/domain/staff'
import { ReturnRefusedError } from '@/db/returns'
import { WorkflowRefusedError } from '@/db/workflow'
import { zhCN } from '@/i18n/zh-CN'
import { BUSY_AFTER_MS, createActionRunner, type ActionOptions } from '@/ui/action'

const t = i18next.createInstance()
void t.init({
  lng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false }
})

const clerk: Staff = { id: 's1', staffNo: '1001', name: '王芳', role: 'clerk', active: true }

function setup(options: ActionOptions = {}, staff: Staff | null = clerk) {
  const shown: { kind: 'success' | 'warning' | 'error'; text: string }[] = []
  const busy: boolean[] = []
  const runner = createActionRunner(
    () => ({
      t: t.t,
      staff: () => staff,
      notify: {
        success: (text) => shown.push({ kind: 'success', text }),
        warning: (text) => shown.push({ kind: 'warning', text }),
        error: (text) => shown.push({ kind: 'error', text })
      },
      setBusy: (b) => busy.push(b)
    }),
    () => options
  )
  return { runner, shown, busy }
}

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('createActionRunner', () => {
  it('shows busy only for a run longer than a moment, and not after, whether it succeeds or fails', async () => {
    vi.useFakeTimers()
    try {
      const { runner, busy } = setup()
      const quick = deferred<void>()
      const done = runner.run(() => quick.promise)
      vi.advanceTimersByTime(BUSY_AFTER_MS - 1)
      quick.resolve()
      await expect(done).resolves.toBe(true)
      vi.advanceTimersByTime(BUSY_AFTER_MS)
      expect(busy).toEqual([]) // a quick save never flashes a spinner

      const first = deferred<void>()
      const slow = runner.run(() => first.promise)
      expect(busy).toEqual([])
      vi.advanceTimersByTime(BUSY_AFTER_MS)
      expect(busy).toEqual([true])
      first.resolve()
      await expect(slow).resolves.toBe(true)
      expect(busy).toEqual([true, false])

      const second = deferred<void>()
      const failed = runner.run(() => second.promise)
      vi.advanceTimersByTime(BUSY_AFTER_MS)
      expect(busy).toEqual([true, false, true])
      second.reject(new Error('disk full'))
      await expect(failed).resolves.toBe(false)
      expect(busy).toEqual([true, false, true, false])
    } finally {
      vi.useRealTimers()
    }
  })

  it('runs one at a time: a second run while the first is under way does nothing', async () => {
    const { runner } = setup()
    const first = deferred<void>()
    const work = vi.fn(() => first.promise)
    const running = runner.run(work)
    await expect(runner.run(work)).resolves.toBe(false)
    expect(work).toHaveBeenCalledTimes(1)
    first.resolve()
    await running
    await runner.run(work)
    expect(work).toHaveBeenCalledTimes(2)
  })

  it('refuses without calling the action when nobody is at the desk, and says so once', async () => {
    const { runner, shown, busy } = setup({}, null)
    const work = vi.fn(async () => undefined)
    await expect(runner.run(work, 'customer.saved')).resolves.toBe(false)
    expect(work).not.toHaveBeenCalled()
    expect(shown).toEqual([{ kind: 'warning', text: '请先选择工号' }])
    expect(busy).toEqual([])
  })

  it('hands the staff at the desk to the action; staff: false runs without one', async () => {
    const { runner } = setup()
    const work = vi.fn(async (staff: Staff | null) => staff?.staffNo)
    await runner.run(work)
    expect(work).toHaveBeenCalledWith(clerk)

    const free = setup({ staff: false }, null)
    const setupWork = vi.fn(async () => 'ok')
    await expect(free.runner.run(setupWork)).resolves.toBe(true)
    expect(setupWork).toHaveBeenCalledWith(null)
  })

  it('shows the success message from its key, or from the result', async () => {
    const { runner, shown } = setup()
    await runner.run(async () => undefined, 'customer.saved')
    await runner.run(
      async () => ({ no: 'TS-20260101-001' }),
      (c) => t.t('complaint.saved', { no: c.no })
    )
    await runner.run(
      async () => undefined,
      () => null
    )
    await runner.run(async () => undefined)
    expect(shown).toEqual([
      { kind: 'success', text: zhCN.customer.saved },
      { kind: 'success', text: t.t('complaint.saved', { no: 'TS-20260101-001' }) }
    ])
    expect(shown[1]?.text).toContain('TS-20260101-001')
  })

  it('translates a typed refusal, wrapped in the failure key when one is given', async () => {
    const plain = setup()
    await plain.runner.run(async () => {
      throw new ReturnRefusedError('returns.notFound')
    })
    expect(plain.shown).toEqual([{ kind: 'error', text: '找不到该退换货登记' }])

    const wrapped = setup({ failure: 'error.saveFailed' })
    await wrapped.runner.run(async () => {
      throw new ReturnRefusedError('returns.notFound')
    })
    expect(wrapped.shown).toEqual([{ kind: 'error', text: '保存失败：找不到该退换货登记' }])
  })

  it('summarises an unknown error as error.unexpected with its reason', async () => {
    const { runner, shown } = setup()
    await runner.run(async () => {
      throw new Error('disk full')
    })
    expect(shown).toEqual([{ kind: 'error', text: '出现意外错误：disk full' }])
  })

  it('lets the failure key depend on the error (null: the reason alone)', async () => {
    const { runner, shown } = setup({
      failure: (e) => (e instanceof ReturnRefusedError ? null : 'error.saveFailed')
    })
    await runner.run(async () => {
      throw new ReturnRefusedError('returns.notFound')
    })
    await runner.run(async () => {
      throw new Error('disk full')
    })
    expect(shown.map((s) => s.text)).toEqual(['找不到该退换货登记', '保存失败：出现意外错误：disk full'])
  })

  it('puts a refusal next to its field when the form takes it, and shows nothing else', async () => {
    const fields: string[] = []
    const { runner, shown } = setup({
      toField: (e) => {
        if (!(e instanceof WorkflowRefusedError) || !e.error.field) return false
        fields.push(e.error.field)
        return true
      }
    })
    await runner.run(async () => {
      throw new WorkflowRefusedError({ message: 'validation.required', field: 'reason' })
    })
    expect(fields).toEqual(['reason'])
    expect(shown).toEqual([])
    await runner.run(async () => {
      throw new WorkflowRefusedError({ message: 'workflow.notNow' })
    })
    expect(shown).toEqual([{ kind: 'error', text: t.t('workflow.notNow') }])
  })

  it('shows the failure in place instead of a toast when asked to', async () => {
    const inPlace: string[] = []
    const { runner, shown } = setup({ showError: (text) => inPlace.push(text) })
    await runner.run(async () => {
      throw new ReturnRefusedError('returns.notFound')
    })
    expect(inPlace).toEqual(['找不到该退换货登记'])
    expect(shown).toEqual([])
  })
})
