import { describe, expect, it } from 'vitest'
import { REDACTED, redactText, redactValue } from '@shared/log/redact'

// Issue 17 point 5: customer names, phone numbers, card numbers and passphrases never appear in a log.
// A record full of them, every field kind, and the same data inside free text and errors.

const SECRETS = [
  '张三丰',
  'John Smith',
  '13812345678',
  '138 1234 5678',
  '+8613812345678',
  '0571-88886666',
  '138****5678',
  '6222021234567890123',
  '6222 0212 3456 7890',
  'VIP-2026-000123',
  'open sesame 2026',
  '门店密码2026',
  '2468',
  'zhang.san@example.com',
  '杭州市西湖区文三路 88 号'
]

const record = {
  id: 'c_8f2k',
  customerName: '张三丰',
  name: 'John Smith',
  phone: '13812345678',
  phones: ['138 1234 5678', '+8613812345678'],
  landline: '0571-88886666',
  maskedPhone: '138****5678',
  cardNo: '6222021234567890123',
  memberCard: 'VIP-2026-000123',
  passphrase: 'open sesame 2026',
  sharePassword: '门店密码2026',
  pin: '2468',
  email: 'zhang.san@example.com',
  address: '杭州市西湖区文三路 88 号',
  nested: { contact: { customer_name: 'John Smith', tel: '13812345678' } },
  count: 42,
  status: 'open'
}

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s))

describe('redactValue', () => {
  it('a record full of personal data keeps none of it, and keeps ids, counts and codes', () => {
    const out = redactValue(record) as Record<string, unknown>
    const text = JSON.stringify(out)
    expect(leaks(text)).toEqual([])
    expect(out).toMatchObject({
      id: 'c_8f2k',
      count: 42,
      status: 'open',
      customerName: REDACTED,
      pin: REDACTED
    })
  })

  it('an error whose message and stack carry a customer: redacted, name and frames kept', () => {
    const error = new Error(
      `save failed for 张三丰 13812345678 card 6222 0212 3456 7890 ${JSON.stringify(record)}`
    )
    const out = redactValue({ error, list: [record, [record]] }) as {
      error: { name: string; message: string; stack: string }
    }
    expect(leaks(JSON.stringify(out))).toEqual([])
    expect(out.error.name).toBe('Error')
    expect(out.error.message).toContain('save failed for')
    expect(out.error.stack).toContain('redact.test.ts')
  })

  it('survives cycles and deep nesting; bytes are never logged', () => {
    const a: Record<string, unknown> = { phone: '13812345678' }
    a.self = a
    let deep: unknown = { name: 'John Smith' }
    for (let i = 0; i < 20; i++) deep = { d: deep }
    const text = JSON.stringify(redactValue({ a, deep, bytes: new TextEncoder().encode('13812345678') }))
    expect(leaks(text)).toEqual([])
  })
})

describe('redactText', () => {
  it.each([
    ['a Chinese name', '客户 张三丰 来电', '张三丰'],
    ['a mobile number', 'dial 13812345678 now', '13812345678'],
    ['a spaced mobile number', 'dial 138 1234 5678', '138 1234 5678'],
    ['an international number', 'dial +8613812345678', '+8613812345678'],
    ['a landline', 'call 0571-88886666', '0571-88886666'],
    ['a masked number', 'shown 138****5678', '138****5678'],
    ['a card number', 'card 6222021234567890123', '6222021234567890123'],
    ['a grouped card number', 'card 6222 0212 3456 7890', '6222 0212 3456 7890'],
    ['a passphrase as key=value', 'join passphrase=open-sesame-2026 done', 'open-sesame-2026'],
    ['a quoted passphrase in JSON', '{"passphrase":"open sesame 2026"}', 'open sesame 2026'],
    ['a Latin name in JSON', '{"customerName":"John Smith","n":1}', 'John Smith'],
    ['a name as key: value', 'name: John', 'John'],
    ['an e-mail', 'mail zhang.san@example.com', 'zhang.san@example.com'],
    [
      'a WebDAV password in an Authorization header',
      'Authorization: Basic a2VmdTpzZWNyZXQtcHc=',
      'a2VmdTpzZWNyZXQtcHc='
    ],
    ['a password inside a URL', 'PUT https://kefu:s#cr3t!@nas.example/dav/x failed', 's#cr3t!']
  ])('removes %s', (_kind, text, secret) => {
    const out = redactText(text)
    expect(out).not.toContain(secret)
    expect(out).toContain(REDACTED)
  })

  it('keeps what a developer needs: codes, short numbers, file names and line numbers', () => {
    const line =
      'TypeError: x is undefined at syncOnce (app://desk/assets/index-4f2a.js:1234:56) seq 17 of 240'
    expect(redactText(line)).toBe(line)
  })
})
