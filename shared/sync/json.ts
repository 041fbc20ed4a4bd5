// JSON values as they travel in share files, checked without trusting what JSON.parse produced.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** Keys that would reach Object.prototype if assigned with `record[key] = …`: never accepted from a file. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

const MAX_DEPTH = 64

/** True for finite, acyclic, plain JSON data no deeper than 64 levels and free of unsafe keys. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > MAX_DEPTH) return false
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1))
  if (typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return false
  for (const [k, v] of Object.entries(value))
    if (UNSAFE_KEYS.has(k) || !isJsonValue(v, depth + 1)) return false
  return true
}

/** JSON text with object keys sorted, so equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Parses JSON text; null when it is not JSON. (A file's literal `null` is reported as not JSON too:
 *  no share body or header is ever just null.) */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}
