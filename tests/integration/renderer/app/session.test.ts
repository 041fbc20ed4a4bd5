import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import type { Locale } from '@/db/prefs'
import { sessionState, type SessionState } from '@/app/session'
import type { DeviceInfo } from '@shared/ipc/contract'
import { device } from '../db/helpers'
import { intake } from '../db/sync/harness'

// The app's session store: one owner for this PC, who is at the desk and the UI language; each action
// does its side effects (main, IndexedDB, the translation engine) in one place.

const NOW = Date.parse('2026-11-22T10:00:00+08:00')
let counter = 0

/** A session as the app builds it, with main answering from a device.json kept in `main.device`. */
function sessionFor(dbName = `session-${++counter}-${Math.random()}`) {
  const main = { device: device('pc-1', 'A1') as DeviceInfo, calls: [] as string[] }
  const applied: Locale[] = []
  const callDesk = (async (method: string, input: unknown) => {
    main.calls.push(method)
    if (method === 'getDevice') return main.device
    if (method === 'getAppInfo') return { appVersion: '0.1.0', platform: 'test', host: 'test-host' }
    if (method === 'updateDevice') {
      main.device = { ...main.device, ...(input as Partial<DeviceInfo>) }
      return main.device
    }
    throw new Error(`unexpected call ${method}`)
  }) as never
  const store = createStore<SessionState>()(
    sessionState({
      callDesk,
      applyLocale: async (l) => void applied.push(l),
      dataOptions: { dbName, now: () => NOW }
    })
  )
  return { store, main, applied, dbName }
}

const SETUP = {
  storeName: '幸福路店',
  managerStaffNo: '8001',
  managerName: '李经理',
  deviceName: '前台1号机',
  deviceCode: 'B2'
}

describe('the session store', () => {
  it('boots from main and IndexedDB: this PC, zh-CN by default, nobody at the desk before setup', async () => {
    const { store, applied } = sessionFor()
    await store.getState().boot()
    expect(store.getState()).toMatchObject({
      device: { deviceId: 'pc-1', deviceCode: 'A1' },
      appInfo: { appVersion: '0.1.0' },
      locale: 'zh-CN',
      staff: null
    })
    expect(store.getState().data).not.toBeNull()
    expect(applied).toEqual(['zh-CN'])
  })

  it('first-run setup renames this PC in main and puts the manager at the desk, kept after a restart', async () => {
    const { store, main, dbName } = sessionFor()
    await store.getState().boot()
    const manager = await store.getState().finishSetup(SETUP)
    expect(main.device).toMatchObject({ deviceName: '前台1号机', deviceCode: 'B2' })
    expect(store.getState()).toMatchObject({ staff: manager, device: { deviceCode: 'B2' } })

    const again = sessionFor(dbName)
    again.main.device = main.device
    await again.store.getState().boot()
    expect(again.store.getState().staff?.staffNo).toBe('8001')
  })

  it('a rename applies to the next complaint number at once: the data layer reads this PC from the session', async () => {
    const { store } = sessionFor()
    await store.getState().boot()
    await store.getState().finishSetup(SETUP)
    const data = store.getState().data!
    const first = await data.write.registerComplaint('8001', intake())
    expect(first.no).toContain('-B2-')
    await store.getState().renameDevice({ deviceName: '服务台', deviceCode: 'C7' })
    expect(data.device).toMatchObject({ deviceName: '服务台', deviceCode: 'C7' })
    const second = await data.write.registerComplaint('8001', intake({ customerPhone: '13900000001' }))
    expect(second.no).toContain('-C7-')
  })

  it('switching staff and language are kept for the next start', async () => {
    const { store, applied, dbName, main } = sessionFor()
    await store.getState().boot()
    await store.getState().finishSetup(SETUP)
    await store.getState().changeLanguage('en')
    expect(store.getState().locale).toBe('en')
    expect(applied.at(-1)).toBe('en')
    await store.getState().data!.write.addStaff('8001', { staffNo: '1002', name: '王芳', role: 'clerk' })
    const clerk = (await store.getState().data!.read.getStaffByNo('1002'))!
    await store.getState().switchStaff(clerk)
    expect(store.getState().staff).toEqual(clerk)

    const again = sessionFor(dbName)
    again.main.device = main.device
    await again.store.getState().boot()
    expect(again.store.getState().locale).toBe('en')
    expect(again.store.getState().staff?.staffNo).toBe('1002')
    expect(again.applied).toEqual(['en'])
  })
})
