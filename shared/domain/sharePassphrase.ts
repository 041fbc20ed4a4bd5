import { z } from 'zod'

// The store's share passphrase (加密共享文件): typed when a store share is created, and on every PC
// that joins or unlocks it. Never trimmed or otherwise changed — it is exactly what the key is
// derived from (crypto.ts NFC-normalises it so input methods agree). Messages are i18n keys.

/** Long enough that guessing it against the share's key check is impractical at 600 000 PBKDF2 rounds. */
export const SHARE_PASSPHRASE_MIN = 8
export const SHARE_PASSPHRASE_MAX = 128

const length = (s: string) => [...s].length

/** 新建门店共享 → 加密共享文件: the passphrase twice, since a typo would lock every PC out for good. */
export const newSharePassphraseSchema = z
  .object({
    passphrase: z
      .string()
      .min(1, 'validation.required')
      .refine((s) => length(s) >= SHARE_PASSPHRASE_MIN, 'validation.passphraseShort')
      .refine((s) => length(s) <= SHARE_PASSPHRASE_MAX, 'validation.tooLong')
      .refine((s) => s.trim() === s, 'validation.passphraseSpaces'),
    confirm: z.string()
  })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: 'validation.passphraseMismatch' })
export type NewSharePassphrase = z.input<typeof newSharePassphraseSchema>

/** 加入已有门店 / 输入共享密码: whatever was set; only the store's key check decides. */
export const enterSharePassphraseSchema = z.object({ passphrase: z.string().min(1, 'validation.required') })
export type EnterSharePassphrase = z.input<typeof enterSharePassphraseSchema>
