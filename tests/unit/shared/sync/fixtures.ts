import { formatHlc } from '@shared/sync/hlc'
import type { ChangeInput } from '@shared/sync/segment'
import { deriveStoreKey, makeKeyCheck } from '@shared/sync/crypto'
import { toBase64 } from '@shared/sync/bytes'
import type { EncryptionParams } from '@shared/sync/sealed'

/** Low PBKDF2 count for tests, passed explicitly; production uses STORE_KEY_ITERATIONS. */
export const TEST_ITERATIONS = 1000
export const SALT = Uint8Array.from({ length: 16 }, (_, i) => i + 1)

export function hlc(ms: number, counter = 0, node = 'pcA'): string {
  return formatHlc({ ms, counter, node })
}

export function change(overrides: Partial<ChangeInput> = {}): ChangeInput {
  return {
    hlc: hlc(1_700_000_000_000),
    device: 'pcA',
    staffNo: '1001',
    table: 'complaints',
    recordId: 'c1',
    field: 'content',
    value: '顾客反映牛奶过期',
    ...overrides
  }
}

export async function testEncryption(passphrase = '门店密码 2026'): Promise<EncryptionParams> {
  const key = await deriveStoreKey(passphrase, SALT, TEST_ITERATIONS)
  return { key, salt: toBase64(SALT), iterations: TEST_ITERATIONS, keyCheck: await makeKeyCheck(key) }
}
