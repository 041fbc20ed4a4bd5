import type { KeyWrapper } from '../../electron/services'

// A stand-in for Electron safeStorage (the OS key store) where Electron cannot run: wrapped bytes are
// the plain bytes XORed with a pad behind a marker, so a test can tell wrapped from raw, and a wrapper
// made "unavailable" or "another user's" shows how the vault copes.
const MARK = [0x46, 0x57, 0x31] // "FW1"

export function fakeKeyWrapper(opts: { available?: boolean; pad?: number } = {}): KeyWrapper & {
  wrapped: number
} {
  const pad = opts.pad ?? 0x5a
  const state = {
    wrapped: 0,
    isAvailable: () => opts.available ?? true,
    wrap(plain: Uint8Array): Uint8Array {
      state.wrapped++
      return new Uint8Array([...MARK, ...plain.map((b, i) => b ^ ((pad + i) & 0xff))])
    },
    unwrap(wrapped: Uint8Array): Uint8Array {
      if (
        wrapped[0] !== MARK[0] ||
        wrapped[1] !== MARK[1] ||
        wrapped[2] !== MARK[2] ||
        wrapped[3] === undefined
      )
        throw new Error('not wrapped here')
      const body = wrapped.slice(3)
      // another pad = another user's key store: garbage out, as DPAPI would refuse
      return body.map((b, i) => b ^ ((pad + i) & 0xff))
    }
  }
  return state
}
