import { z } from 'zod'

// Device and store ids name folders and files on the share, so they are restricted to characters
// that are safe in every file system the share may live on (nanoid's alphabet fits).

export const ID_RE = /^[A-Za-z0-9_-]{1,64}$/

export function isShareId(id: string): boolean {
  return ID_RE.test(id)
}

export const shareIdSchema = z.string().regex(ID_RE, 'ids are 1–64 of A–Z a–z 0–9 _ -')

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 as 64 lowercase hex digits')
