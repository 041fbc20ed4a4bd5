import { describe, expect, it } from 'vitest'
import { mainText, mainTextFor } from '../../../../electron/main/mainText'

describe('main-process text', () => {
  it('is Chinese on Chinese systems and when the OS locale is unknown, English otherwise', () => {
    expect(mainTextFor('zh-CN').file).toBe('文件')
    expect(mainTextFor('zh-TW').file).toBe('文件')
    expect(mainTextFor('').file).toBe('文件')
    expect(mainTextFor('en-US').file).toBe('File')
  })
  it('has every key in both languages', () => {
    expect(Object.keys(mainText.en).sort()).toEqual(Object.keys(mainText['zh-CN']).sort())
  })
})
