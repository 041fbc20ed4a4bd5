import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, detectEncoding } from '@shared/import/encoding'

const ROSTER =
  '姓名,电话,地址\r\n张三,１３８００１３８０００,上海\r\n单雄信,13900139000,济南\r\n曾国藩,0731-88888888,长沙\r\n'

describe('decodeText', () => {
  it('detects real GBK bytes (Chinese Excel "CSV (逗号分隔)") and decodes them as GB18030', () => {
    const bytes = new Uint8Array(iconv.encode(ROSTER, 'gbk'))
    expect(decodeText(bytes)).toEqual({ encoding: 'gb18030', text: ROSTER })
  })

  it('decodes characters only GB18030 has (four-byte sequences)', () => {
    const text = '姓名\r\n𠀀先生\r\n'
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gb18030')))).toEqual({ encoding: 'gb18030', text })
  })

  it('does not take short GBK text for UTF-8 ("联通")', () => {
    expect(detectEncoding(new Uint8Array(iconv.encode('联通', 'gbk')))).toBe('gb18030')
  })

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ROSTER)])
    expect(decodeText(bytes)).toEqual({ encoding: 'utf-8-bom', text: ROSTER })
  })

  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode(ROSTER))).toEqual({ encoding: 'utf-8', text: ROSTER })
  })

  it('calls plain ASCII UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('name,phone\r\nZhang,13800138000\r\n'))).toBe('utf-8')
  })

  it('reads UTF-16 with a BOM (Excel "Unicode 文本")', () => {
    const text = '姓名\t电话\r\n张三\t13800138000\r\n'
    expect(decodeText(new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true })))).toEqual({
      encoding: 'utf-16le',
      text
    })
    expect(decodeText(new Uint8Array(iconv.encode(text, 'utf-16be', { addBOM: true })))).toEqual({
      encoding: 'utf-16be',
      text
    })
  })
})
