import { toHex } from './bytes'
import { webCrypto } from './webcrypto'

/** SHA-256 of `bytes` as 64 lowercase hex digits (segment checksums, prevHash chains). */
export async function hashBytes(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await webCrypto().subtle.digest('SHA-256', bytes)))
}
