// The test bridge's transport is JSON text (a Playwright binding), but window.desk carries bytes as
// Uint8Array (Electron's IPC structured-clones them). So bytes are tagged base64 on this wire only,
// and arrive as Uint8Array on both ends, as in the app. Both functions also run in the page (the
// init script embeds their source): self-contained, no imports, no closures.

/** JSON text of `value`, each Uint8Array (a Buffer too) as { __deskBytes: base64 }; undefined stays undefined. */
export function wireStringify(value: unknown): string | undefined {
  const tag = '__deskBytes'
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, current: unknown) {
    // The holder's own value: a Buffer's toJSON has already replaced `current`.
    const raw = this[key]
    if (!(raw instanceof Uint8Array)) return current
    if (typeof Buffer === 'function')
      return { [tag]: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') }
    let binary = ''
    for (let i = 0; i < raw.length; i += 0x8000) binary += String.fromCharCode(...raw.subarray(i, i + 0x8000))
    return { [tag]: btoa(binary) }
  })
}

/** The value wireStringify encoded, with every { __deskBytes } back as a plain Uint8Array. */
export function wireParse(text: string | undefined): unknown {
  const tag = '__deskBytes'
  if (text === undefined) return undefined
  return JSON.parse(text, (_key, current: unknown) => {
    if (typeof current !== 'object' || current === null) return current
    const keys = Object.keys(current)
    const base64 = (current as Record<string, unknown>)[tag]
    if (keys.length !== 1 || typeof base64 !== 'string') return current
    if (typeof Buffer === 'function') return new Uint8Array(Buffer.from(base64, 'base64'))
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  })
}
