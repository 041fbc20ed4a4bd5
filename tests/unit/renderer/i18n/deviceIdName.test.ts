import { describe, expect, it } from 'vitest'
import { zhCN } from '@/i18n/zh-CN'
import { en } from '@/i18n/en'

// Issue 13.7: the PC's id was 设备标识 in one card and 设备编号 in another. The glossary's name
// (settings.deviceId: 设备标识 / Device id) is the only one, wherever a text mentions it.

function texts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]]
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k))
  return []
}

describe('the device id has one name', () => {
  it('zh-CN says 设备标识, never 设备编号 or 设备号', () => {
    const named = texts(zhCN).filter(([, text]) => /设备(编号|号|ID|id)/.test(text))
    expect(named).toEqual([])
    expect(zhCN.settings.deviceId).toBe('设备标识')
    expect(zhCN.syncPage.peer.device).toBe(zhCN.settings.deviceId)
  })

  it('English says device id, never device number or device code', () => {
    const named = texts(en).filter(([, text]) => /device (number|no\.|code|identifier)/i.test(text))
    expect(named).toEqual([])
    expect(en.syncPage.peer.device).toBe(en.settings.deviceId)
  })
})
