import { describe, expect, it } from 'vitest'
import { mainText, mainTextFor, type MainText } from '../../../../electron/main/mainText'

describe('main-process text', () => {
  it('is Chinese on Chinese systems and when the OS locale is unknown, English otherwise', () => {
    expect(mainTextFor('zh-CN').file).toBe('文件')
    expect(mainTextFor('zh-TW').file).toBe('文件')
    expect(mainTextFor('').file).toBe('文件')
    expect(mainTextFor('en-US').file).toBe('File')
  })
  it('uses the same {placeholders} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, zh] of Object.entries(mainText['zh-CN']) as [keyof MainText, string][]) {
      expect(placeholders(mainText.en[key]), key).toEqual(placeholders(zh))
    }
  })
})
