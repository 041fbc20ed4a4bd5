import { toHalfWidth } from '@shared/text'

// Amounts in yuan as clerks type them: "128.5", "¥128.50", "1,280", "１２８。５" (Chinese IME full
// stop). Stored as a number of yuan with at most two decimals; anything above MAX_YUAN is a typing
// mistake (an extra zero, a card number in the wrong box), not a real counter refund.

export const MAX_YUAN = 100_000

export type YuanCheck =
  { ok: true; value: number | null } | { ok: false; reason: 'notNumber' | 'negative' | 'cents' | 'tooLarge' }

/** Empty → null (no money involved); otherwise a non-negative amount with at most two decimals. */
export function parseYuan(raw: string): YuanCheck {
  const text = toHalfWidth(raw)
    .replace(/。/g, '.')
    .replace(/[,，\s¥￥元]/g, '')
  if (!text) return { ok: true, value: null }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, reason: 'notNumber' }
  if (text.startsWith('-')) return { ok: false, reason: 'negative' }
  if (/\.\d{3,}$/.test(text)) return { ok: false, reason: 'cents' }
  const value = Number(text)
  if (value > MAX_YUAN) return { ok: false, reason: 'tooLarge' }
  return { ok: true, value }
}

/** "128.50" — always two decimals, for lists and printouts. */
export function formatYuan(value: number): string {
  return value.toFixed(2)
}
