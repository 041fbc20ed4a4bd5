import { describe, expect, it } from 'vitest'
import { savedPlace } from '@/features/printing/savedPlace'

// Issue 13.8: the PDF toast showed main's whole path; it says the file and its folder.
describe('savedPlace', () => {
  it('takes the file name and its folder from a Windows path', () => {
    expect(savedPlace('C:\\Users\\店员\\Documents\\投诉登记表-TS-20261122-A3-007.pdf')).toEqual({
      file: '投诉登记表-TS-20261122-A3-007.pdf',
      folder: 'Documents'
    })
    expect(savedPlace('\\\\NAS\\kefu\\交接单.pdf')).toEqual({ file: '交接单.pdf', folder: 'kefu' })
  })

  it('and from a POSIX path', () => {
    expect(savedPlace('/home/kefu/文档/交接单 2026-11-22.pdf')).toEqual({
      file: '交接单 2026-11-22.pdf',
      folder: '文档'
    })
  })

  it('a file at a drive root has the drive as its folder; a bare name has none', () => {
    expect(savedPlace('D:\\a.pdf')).toEqual({ file: 'a.pdf', folder: 'D:' })
    expect(savedPlace('a.pdf')).toEqual({ file: 'a.pdf', folder: '' })
  })
})
