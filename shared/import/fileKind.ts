// What a chosen file really is, judged by its bytes (a roster renamed to .csv is still an .xlsx, a
// scanned PDF named 花名册.xlsx is still a PDF), and the size limit checked before any parsing.

import type { ImportMessage } from './messages'

/** Larger files are refused before they are read into a table. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export type FileKind =
  /** a zip container: .xlsx (or another Office Open XML file, found out when it is opened) */
  | 'xlsx'
  /** text: CSV / TSV in any of the encodings of encoding.ts */
  | 'csv'
  /** OLE compound file: Excel 97–2003 .xls, or an .xlsx with a password */
  | 'xls'
  /** text that is HTML or XML: an "Excel" file exported by some web system, or a 2003 XML sheet */
  | 'markup'
  | 'pdf'
  | 'image'
  | 'archive'
  | 'binary'
  | 'empty'

const MAGIC: [FileKind, number[]][] = [
  ['xlsx', [0x50, 0x4b, 0x03, 0x04]],
  ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]], // %PDF
  ['image', [0x89, 0x50, 0x4e, 0x47]], // PNG
  ['image', [0xff, 0xd8, 0xff]], // JPEG
  ['image', [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['archive', [0x50, 0x4b, 0x05, 0x06]], // empty zip
  ['archive', [0x1f, 0x8b]], // gzip
  ['archive', [0x52, 0x61, 0x72, 0x21]], // Rar!
  ['archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]] // 7z
]

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)

/** How much of the file the text/binary test looks at. */
const SNIFF_BYTES = 64 * 1024

export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty'
  for (const [kind, magic] of MAGIC) if (startsWith(bytes, magic)) return kind
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50]))
    return 'image'
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  const head = bytes.subarray(0, SNIFF_BYTES)
  if (!utf16) {
    let control = 0
    for (const b of head) {
      if (b === 0) return 'binary'
      // C0 controls other than tab, LF, FF, CR, and ESC/SUB that some tools leave at the end
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) control++
    }
    if (control > head.length / 100) return 'binary'
  }
  if (looksLikeMarkup(head, utf16)) return 'markup'
  return 'csv'
}

function looksLikeMarkup(head: Uint8Array, utf16: boolean): boolean {
  if (utf16) return false
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d))
    i++
  if (head[i] !== 0x3c) return false // '<'
  const start = new TextDecoder('latin1').decode(head.subarray(i, i + 200)).toLowerCase()
  return /^<(\?xml|!doctype|html|table|head|body|meta)/.test(start)
}

/** The refusal for a file of this many bytes, if it is refused. Check `File.size` with it before reading the file. */
export function checkFileSize(size: number): ImportMessage<'emptyFile' | 'fileTooLarge'> | undefined {
  if (size === 0) return { code: 'emptyFile', params: {} }
  if (size > MAX_IMPORT_BYTES) {
    return { code: 'fileTooLarge', params: { sizeMb: toMb(size), maxMb: toMb(MAX_IMPORT_BYTES) } }
  }
  return undefined
}

const toMb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10

/** The message for a file that is not a roster we can read, by its sniffed kind (undefined for xlsx / csv). */
export function refusalFor(
  kind: FileKind,
  fileName: string
): ImportMessage<'emptyFile' | 'legacyXls' | 'notASpreadsheet'> | undefined {
  switch (kind) {
    case 'xlsx':
    case 'csv':
      return undefined
    case 'empty':
      return { code: 'emptyFile', params: {} }
    case 'xls':
      return { code: 'legacyXls', params: { fileName } }
    case 'markup':
      // Web systems often export an HTML table named .xls; Excel opens it and can save it as .xlsx.
      return /\.xls$/i.test(fileName)
        ? { code: 'legacyXls', params: { fileName } }
        : { code: 'notASpreadsheet', params: { fileName, detected: kind } }
    default:
      return { code: 'notASpreadsheet', params: { fileName, detected: kind } }
  }
}
