import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { DiagnosticsSummary } from '@shared/ipc/contract'
import { createDeskHandlers } from '../../../../electron/services/handlers'
import { createLogService } from '../../../../electron/services/logService'
import { createDiagnosticsService } from '../../../../electron/services/diagnostics'
import { dispatch } from '../../../../electron/services/dispatch'
import { createDeviceStore } from '../../../../electron/services/deviceStore'
import { unusedShare, unusedStoreKeys } from './stubs'

// Issue 17 point 5: renderer errors reach main's log through the typed IPC (validated, redacted), and
// 导出诊断信息 writes one zip — logs, versions, sync state, record counts — with no customer data.

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function host(pick: string | null | 'default' = 'default') {
  const root = mkdtempSync(path.join(tmpdir(), 'desk-diag-'))
  dirs.push(root)
  const logs = createLogService({ dir: path.join(root, 'logs') })
  const appInfo = { appVersion: '0.1.0', platform: 'linux', host: 'test-host' as const }
  const diagnostics = createDiagnosticsService({
    logs,
    appInfo,
    dataDir: root,
    versions: { electron: '38.0.0', node: process.versions.node },
    pickSavePath: async (name) => (pick === 'default' ? path.join(root, name) : pick),
    now: () => new Date(2026, 10, 22, 10, 30)
  })
  const handlers = createDeskHandlers({
    deviceStore: createDeviceStore({ dataDir: root, hostname: 'pc' }),
    appInfo,
    printing: { printPage: async () => false, savePdf: async () => null },
    share: unusedShare,
    storeKeys: unusedStoreKeys,
    logs,
    diagnostics
  })
  return { root, logs, handlers }
}

const summary: DiagnosticsSummary = {
  schemaVersion: 13,
  counts: { customers: 2, complaints: 3, outbox: 9 },
  sync: {
    state: 'synced',
    shareSet: true,
    encrypted: false,
    lastSyncedAt: 1,
    pending: 0,
    peers: 1,
    problems: ['clockAhead']
  }
}

const SECRETS = ['张三丰', '13812345678', 'John Smith', '6222021234567890123', 'open sesame 2026']

describe('logRenderer', () => {
  it('writes a renderer error to main’s log, redacted', async () => {
    const { logs, handlers } = host()
    const result = await dispatch(handlers, 'logRenderer', {
      level: 'error',
      source: 'unhandledrejection',
      message:
        'Error: save of 张三丰 13812345678 failed {"customerName":"John Smith","passphrase":"open sesame 2026"}',
      stack: 'Error: x\n    at save (app://desk/assets/index.js:10:5) card 6222021234567890123'
    })
    expect(result).toEqual({ ok: true, value: { logged: true } })
    const text = readFileSync(logs.files()[0]!, 'utf8')
    expect(text).toContain('[renderer:unhandledrejection] Error: save of [redacted] [redacted] failed')
    expect(text).toContain('index.js:10:5')
    for (const s of SECRETS) expect(text).not.toContain(s)
  })

  it.each([
    ['another level', { level: 'debug', source: 'error', message: 'x' }],
    ['an unknown field', { level: 'error', source: 'error', message: 'x', customer: '张三丰' }],
    ['a message too long', { level: 'error', source: 'error', message: 'x'.repeat(4_001) }],
    ['no message', { level: 'error', source: 'error' }]
  ])('refuses %s at the boundary, writing nothing', async (_what, arg) => {
    const { logs, handlers } = host()
    const result = await dispatch(handlers, 'logRenderer', arg)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(logs.files()).toEqual([])
  })
})

describe('exportDiagnostics', () => {
  it('writes one zip: the logs, versions and the summary — and nothing of a customer', async () => {
    const { root, logs, handlers } = host()
    logs.write('error', 'main', 'failed for 张三丰 13812345678', { phone: '13812345678', name: 'John Smith' })
    const result = await dispatch(handlers, 'exportDiagnostics', summary)
    const file = path.join(root, 'diagnostics-20261122-1030.zip')
    expect(result).toEqual({ ok: true, value: { saved: true, path: file } })
    const zip = unzipSync(new Uint8Array(readFileSync(file)))
    expect(Object.keys(zip).sort()).toEqual(['logs/desk.log', 'summary.json', 'versions.json'])
    const all = Object.values(zip)
      .map((f) => strFromU8(f))
      .join('\n')
    for (const s of SECRETS) expect(all).not.toContain(s)
    expect(JSON.parse(strFromU8(zip['versions.json']!))).toMatchObject({ app: '0.1.0', electron: '38.0.0' })
    expect(JSON.parse(strFromU8(zip['summary.json']!))).toMatchObject({
      counts: { customers: 2, complaints: 3 },
      sync: { state: 'synced', problems: ['clockAhead'] }
    })
    expect(strFromU8(zip['logs/desk.log']!)).toContain('[main] failed for [redacted] [redacted]')
  })

  it('a cancelled save dialog writes nothing', async () => {
    const { handlers } = host(null)
    expect(await dispatch(handlers, 'exportDiagnostics', summary)).toEqual({
      ok: true,
      value: { saved: false, path: null }
    })
  })

  it.each([
    ['free text in the sync state', { ...summary, sync: { ...summary.sync, state: '张三丰 13812345678' } }],
    ['a field the contract does not know', { ...summary, customers: [{ name: '张三丰' }] }],
    ['a table name that is not a code', { ...summary, counts: { '13812345678': 1 } }],
    ['a count that is not a whole number', { ...summary, counts: { customers: 1.5 } }]
  ])('refuses %s at the boundary', async (_what, arg) => {
    const { handlers } = host()
    expect(await dispatch(handlers, 'exportDiagnostics', arg)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
  })
})
