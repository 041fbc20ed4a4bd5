import { describe, expect, it } from 'vitest'
import { describeThrown, installErrorForwarding } from '@/ipc/errorForwarding'

// Issue 17 point 5: renderer errors and unhandled rejections reach main's log (logRenderer).

function fakeWindow() {
  const listeners = new Map<string, (e: Event) => void>()
  return {
    target: { addEventListener: (name: string, fn: (e: Event) => void) => void listeners.set(name, fn) },
    fire: (name: string, props: Record<string, unknown>) => listeners.get(name)?.(props as unknown as Event)
  }
}

describe('error forwarding', () => {
  it('sends errors and rejections with message and stack; at most 30 a minute', async () => {
    const { target, fire } = fakeWindow()
    const sent: unknown[] = []
    let now = 0
    installErrorForwarding(
      target as never,
      async (input) => sent.push(input),
      () => now
    )
    fire('error', { error: new TypeError('x is undefined') })
    fire('unhandledrejection', { reason: 'plain text' })
    expect(sent[0]).toMatchObject({ level: 'error', source: 'error', message: 'TypeError: x is undefined' })
    expect((sent[0] as { stack: string }).stack).toContain('errorForwarding.test.ts')
    expect(sent[1]).toEqual({ level: 'error', source: 'unhandledrejection', message: 'plain text' })
    for (let i = 0; i < 40; i++) fire('error', { message: `e${i}` })
    expect(sent).toHaveLength(30)
    now = 60_000
    fire('error', { message: 'next minute' })
    expect(sent).toHaveLength(31)
  })

  it('a failing send is swallowed, and texts are cut to the contract’s limits', async () => {
    const { target, fire } = fakeWindow()
    installErrorForwarding(target as never, () => Promise.reject(new Error('main gone')))
    expect(() => fire('error', { message: 'x' })).not.toThrow()
    expect(describeThrown('y'.repeat(5_000)).message).toHaveLength(4_000)
    expect(describeThrown({ a: 1 }).message).toBe('{"a":1}')
  })
})
