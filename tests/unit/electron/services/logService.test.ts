import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogService } from '../../../../electron/services/logService'

// Issue 17 point 5: main's rotating log files (5 × 5 MB; here 5 × 2 KB), redacted before writing.

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'desk-log-'))
  dirs.push(d)
  return path.join(d, 'logs')
}

describe('log service', () => {
  it('rotates into at most 5 files of about the cap each, newest first, the oldest dropped', () => {
    const logs = createLogService({ dir: tempDir(), maxBytes: 2_048 })
    for (let i = 0; i < 400; i++)
      logs.write('info', 'test', `line ${String(i).padStart(4, '0')} ${'x'.repeat(40)}`)
    const files = logs.files()
    expect(files.map((f) => path.basename(f))).toEqual([
      'desk.log',
      'desk.1.log',
      'desk.2.log',
      'desk.3.log',
      'desk.4.log'
    ])
    for (const f of files) expect(statSync(f).size).toBeLessThan(2_048 + 200)
    expect(readFileSync(files[0]!, 'utf8')).toContain('line 0399')
    // the first lines are gone with the dropped files
    expect(files.map((f) => readFileSync(f, 'utf8')).join('')).not.toContain('line 0000')
    // newest first: desk.1.log holds earlier lines than desk.log
    const first = (f: string) => Number(/line (\d{4})/.exec(readFileSync(f, 'utf8'))?.[1])
    expect(first(files[1]!)).toBeLessThan(first(files[0]!))
  })

  it('writes level, scope and message; a customer’s data in a message or its details never reaches the file', () => {
    const logs = createLogService({ dir: tempDir() })
    logs.write('error', 'renderer', 'TypeError: cannot read 张三丰 13812345678', {
      customer: { name: 'John Smith', phone: '13812345678', cardNo: '6222021234567890123' },
      passphrase: 'open sesame 2026',
      stack: 'at save (app://desk/assets/index.js:10:5)'
    })
    const text = readFileSync(logs.files()[0]!, 'utf8')
    expect(text).toMatch(/\[error\] \[renderer\] TypeError: cannot read \[redacted\] \[redacted\]/)
    expect(text).toContain('index.js:10:5')
    for (const secret of ['张三丰', '13812345678', 'John Smith', '6222021234567890123', 'open sesame 2026'])
      expect(text).not.toContain(secret)
  })
})
