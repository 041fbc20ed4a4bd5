// The slice of WebCrypto the sync codec uses, typed here because shared/ is compiled both with the
// DOM lib (renderer) and without it (Node: electron/services, tests), and @types/node 20 declares
// no global `crypto`. At run time it is globalThis.crypto in both Chromium and Node 20.

/** An opaque WebCrypto key (a DOM CryptoKey satisfies this). */
export interface CryptoKeyLike {
  readonly type: string
  readonly extractable: boolean
  readonly algorithm: { readonly name: string }
}

interface AesGcmParams {
  name: 'AES-GCM'
  iv: Uint8Array
  additionalData?: Uint8Array
  tagLength?: number
}

interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: 'PBKDF2',
    extractable: false,
    usages: 'deriveBits'[]
  ): Promise<CryptoKeyLike>
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: ('encrypt' | 'decrypt')[]
  ): Promise<CryptoKeyLike>
  deriveBits(
    algorithm: { name: 'PBKDF2'; salt: Uint8Array; iterations: number; hash: 'SHA-256' },
    baseKey: CryptoKeyLike,
    length: 256
  ): Promise<ArrayBuffer>
  encrypt(algorithm: AesGcmParams, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>
  decrypt(algorithm: AesGcmParams, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>
}

interface CryptoLike {
  subtle: SubtleLike
  getRandomValues(array: Uint8Array): Uint8Array
}

export function webCrypto(): CryptoLike {
  const crypto = (globalThis as unknown as { crypto?: CryptoLike }).crypto
  if (!crypto?.subtle) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available')
  return crypto
}

export function randomBytes(length: number): Uint8Array {
  return webCrypto().getRandomValues(new Uint8Array(length))
}
