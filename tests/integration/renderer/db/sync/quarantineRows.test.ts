import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { listQuarantine } from '@/db/sync/quarantine'
import { pc } from './harness'

// Quarantine rows hold a message code, worded by the sync page. Rows stored before codes held a zh-CN
// sentence instead; they are listed by a code for their cause, never by the stored sentence.

describe('listQuarantine', () => {
  it('gives every row a message code, old rows (a stored sentence) included', async () => {
    const b = await pc('pcB', 'B1')
    const row = { peer: 'pcA', detail: 'x', at: 1 }
    await b.db.quarantine.bulkPut([
      { ...row, id: 'pcA/1', seq: 1, problem: 'foreignFile', code: 'unencrypted' },
      { ...row, id: 'pcA/2', seq: 2, problem: 'checksum', message: '同步文件已损坏（校验和不符），已隔离' },
      { ...row, id: 'pcA/3', seq: 3, problem: 'somethingOld', message: '旧的说明' }
    ])
    const listed = await listQuarantine(b)
    expect(listed.map((q) => [q.id, q.code])).toEqual([
      ['pcA/1', 'unencrypted'],
      ['pcA/2', 'checksum'],
      ['pcA/3', 'quarantined']
    ])
    expect(listed.some((q) => 'message' in q)).toBe(false)
  })
})
