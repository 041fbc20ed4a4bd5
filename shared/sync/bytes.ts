// Byte helpers for the share file formats. Pure: TextEncoder/TextDecoder and atob/btoa exist in
// Node 20 and Chromium alike, so shared/ needs no Buffer.

const encoder = new TextEncoder()
/** fatal: a file whose text is not valid UTF-8 is damaged, not something to guess at. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** Decodes UTF-8, or returns null when the bytes are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes)
  } catch {
    return null
  }
}

/** Bytes per piece of fromUtf8InPieces: ~10–20 ms of decoding on a slow 2-core PC. */
export const UTF8_PIECE = 256 * 1024

/** fromUtf8 of a long text in pieces of `piece` bytes, awaiting `pause` between them: a snapshot chunk
 *  decoded in one call held the main thread for ~100–150 ms (CPU profile of a full-scale join), and a
 *  keystroke waited for all of it. The same text, or null, as fromUtf8 (a character split across pieces
 *  is decoded whole: the decoder streams). */
export async function fromUtf8InPieces(
  bytes: Uint8Array,
  pause: () => Promise<void>,
  piece = UTF8_PIECE
): Promise<string | null> {
  if (bytes.length <= piece) return fromUtf8(bytes)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const parts: string[] = []
  try {
    for (let at = 0; at < bytes.length; at += piece) {
      if (at > 0) await pause()
      parts.push(decoder.decode(bytes.subarray(at, at + piece), { stream: at + piece < bytes.length }))
    }
  } catch {
    return null
  }
  return parts.join('')
}

export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // Chunked so large inputs do not overflow the argument list of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Decodes standard base64 (with padding); null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
