import { vi } from 'vitest'

// Fault injection for "all or nothing" tests: one table's writes fail, the others go through.
// Dexie hands out a new Table object per lookup, so the spy goes on their shared prototype and
// checks the table's name. Undo with vi.restoreAllMocks() (in afterEach).

type Write = 'add' | 'delete'

function failWrites(table: { name: string }, method: Write, message: string): void {
  const proto = Object.getPrototypeOf(table) as Record<Write, (...args: unknown[]) => Promise<unknown>>
  const real = proto[method]
  vi.spyOn(proto, method).mockImplementation(function (this: { name: string }, ...args: unknown[]) {
    return this.name === table.name ? Promise.reject(new Error(message)) : real.apply(this, args)
  })
}

/** Makes every add() to `table` fail with `message`. */
export function failAddsTo(table: { name: string }, message: string): void {
  failWrites(table, 'add', message)
}

/** Makes every delete() from `table` fail with `message`. */
export function failDeletesFrom(table: { name: string }, message: string): void {
  failWrites(table, 'delete', message)
}
