// Which encoding a CSV is in, and its text. Chinese Excel saves "CSV (逗号分隔)" in the ANSI code page,
// i.e. GBK; "CSV UTF-8" starts with a BOM; other tools write UTF-8 without one; "Unicode 文本" is
// UTF-16LE with a BOM. Only the standard TextDecoder is used (Node 20 and Chromium both have it,
// including gb18030, the superset of GBK that the WHATWG spec also uses for the "gbk" label).

export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'

export interface DecodedText {
  encoding: TextEncodingName
  /** without the BOM */
  text: string
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return decodeText(bytes).encoding
}

/** UTF-8 with BOM, UTF-16 with BOM, UTF-8 if the bytes are valid UTF-8, otherwise GB18030 (GBK). */
export function decodeText(bytes: Uint8Array): DecodedText {
  // ignoreBOM: false (the default) drops a leading BOM of the decoder's own encoding.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', text: new TextDecoder('utf-8').decode(bytes) }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(bytes) }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(bytes) }
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { encoding: 'gb18030', text: new TextDecoder('gb18030').decode(bytes) }
  }
}
