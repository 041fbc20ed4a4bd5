// Proves that the architecture rules in eslint.config.mjs (docs/design.md §4) fire where they must and
// stay quiet where an import is allowed. Files are virtual: lintText() with a filePath inside the
// repo applies exactly the config that `npm run lint` applies to a real file at that path.

import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const RULE = 'no-restricted-imports'

let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot })
})

interface Finding {
  ruleId: string | null
  severity: number
  message: string
}

async function lint(code: string, filePath: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true })
  if (!result) throw new Error(`no lint result for ${filePath}`)
  return result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }))
}

/** Lints `code` at `filePath` and expects exactly `count` errors from no-restricted-imports, nothing else. */
async function expectRestricted(code: string, filePath: string, count: number): Promise<Finding[]> {
  const messages = await lint(code, filePath)
  const restricted = messages.filter((m) => m.ruleId === RULE)
  expect(restricted, JSON.stringify(messages, null, 2)).toHaveLength(count)
  for (const m of restricted) expect(m.severity).toBe(2) // error: fails the build
  expect(messages.filter((m) => m.ruleId !== RULE)).toEqual([])
  return restricted
}

const expectClean = (code: string, filePath: string) => expectRestricted(code, filePath, 0)

describe('a. no Electron in shared/ and electron/services/', () => {
  it('rejects electron in shared/', async () => {
    const [m] = await expectRestricted(
      `import { app } from 'electron'\nexport const v = app\n`,
      'shared/x.ts',
      1
    )
    expect(m?.message).toMatch(/electron/)
  })

  it('rejects electron subpaths and type-only imports in shared/', async () => {
    await expectRestricted(
      `import { ipcRenderer } from 'electron/renderer'\nimport type { IpcMain } from 'electron'\n` +
        `export type T = IpcMain\nexport const r = ipcRenderer\n`,
      'shared/ipc/y.ts',
      2
    )
  })

  it('rejects electron in electron/services/', async () => {
    await expectRestricted(
      `import { shell } from 'electron'\nexport const s = shell\n`,
      'electron/services/share.ts',
      1
    )
  })

  it('rejects re-exports from electron', async () => {
    await expectRestricted(`export { app } from 'electron'\n`, 'electron/services/x.ts', 1)
  })

  it('allows electron in electron/main/ and electron/preload/', async () => {
    await expectClean(`import { app } from 'electron'\nexport const v = app\n`, 'electron/main/x.ts')
    await expectClean(
      `import { contextBridge } from 'electron'\nexport const c = contextBridge\n`,
      'electron/preload/x.ts'
    )
  })

  it('does not mistake electron/services paths or electron-vite for the electron package', async () => {
    await expectClean(
      `import { x } from '../../electron/services/x'\nexport const v = x\n`,
      'tests/unit/services/x.test.ts'
    )
    await expectClean(
      `import { defineConfig } from 'electron-vite'\nexport default defineConfig({})\n`,
      'electron.vite.config.ts'
    )
  })
})

describe('b. no Node built-ins in renderer/ and shared/', () => {
  it("rejects 'node:fs' and 'fs/promises' in a renderer feature", async () => {
    const messages = await expectRestricted(
      `import fs from 'node:fs'\nimport { readFile } from 'fs/promises'\nexport const v = [fs, readFile]\n`,
      'renderer/src/features/a.tsx',
      2
    )
    for (const m of messages) expect(m.message).toMatch(/Node built-ins/)
  })

  it('rejects bare, node:, subpath and node:-only built-ins in shared/', async () => {
    await expectRestricted(
      [
        `import path from 'path'`,
        `import { posix } from 'node:path'`,
        `import { win32 } from 'path/win32'`,
        `import { createHash } from 'crypto'`,
        `import * as cp from 'child_process'`,
        `import test from 'node:test'`,
        `export const v = [path, posix, win32, createHash, cp, test]`,
        ''
      ].join('\n'),
      'shared/domain/x.ts',
      6
    )
  })

  it('rejects built-ins inside renderer/src/db too', async () => {
    await expectRestricted(`import os from 'os'\nexport const v = os\n`, 'renderer/src/db/x.ts', 1)
  })

  it('allows built-ins in electron/services/, electron/main/ and tests/', async () => {
    await expectClean(
      `import fs from 'node:fs'\nimport { readFile } from 'fs/promises'\nexport const v = [fs, readFile]\n`,
      'electron/services/x.ts'
    )
    await expectClean(`import path from 'node:path'\nexport const v = path\n`, 'electron/main/x.ts')
    await expectClean(
      `import { mkdtemp } from 'node:fs/promises'\nexport const v = mkdtemp\n`,
      'tests/integration/x.test.ts'
    )
  })

  it('allows look-alike npm packages and relative paths', async () => {
    await expectClean(
      `import { fsm } from 'fsm-lib'\nimport { z } from 'zod'\nimport { p } from './path'\nexport const v = [fsm, z, p]\n`,
      'shared/x.ts'
    )
  })
})

describe('c. only renderer/src/db imports dexie and the database module', () => {
  it("rejects 'dexie' and '../db/database' in a feature", async () => {
    const messages = await expectRestricted(
      `import Dexie from 'dexie'\nimport { db } from '../db/database'\nexport const v = [Dexie, db]\n`,
      'renderer/src/features/complaints/x.ts',
      2
    )
    expect(messages[0]?.message).toMatch(/renderer\/src\/db/)
  })

  it('rejects every spelling of the database and schema modules', async () => {
    await expectRestricted(
      [
        `import { a } from '../../db/database.ts'`,
        `import { b } from '@/db/database'`,
        `import { c } from '../db/schema'`,
        `import { d } from '../db/schema.ts'`,
        `import { e } from 'dexie/dist/dexie.mjs'`,
        `export const v = [a, b, c, d, e]`,
        ''
      ].join('\n'),
      'renderer/src/features/customers/list.tsx',
      5
    )
  })

  it('rejects dexie outside the renderer as well', async () => {
    await expectRestricted(`import Dexie from 'dexie'\nexport const v = Dexie\n`, 'electron/main/x.ts', 1)
    await expectRestricted(`import Dexie from 'dexie'\nexport const v = Dexie\n`, 'shared/x.ts', 1)
    await expectRestricted(`import Dexie from 'dexie'\nexport const v = Dexie\n`, 'electron/services/x.ts', 1)
  })

  it('allows dexie and the database module inside renderer/src/db', async () => {
    await expectClean(`import Dexie from 'dexie'\nexport const v = Dexie\n`, 'renderer/src/db/x.ts')
    await expectClean(
      `import { db } from './database'\nimport { schema } from './schema'\nexport const v = [db, schema]\n`,
      'renderer/src/db/index.ts'
    )
  })

  it('allows the data-layer entry point and dexie-react-hooks in features', async () => {
    await expectClean(
      [
        `import { useLiveQuery } from 'dexie-react-hooks'`,
        `import { complaints } from '../db'`,
        `import { customers } from '@/db'
`,
        `import { x } from '../../db/index.ts'`,
        `export const v = [useLiveQuery, complaints, customers, x]`,
        ''
      ].join('\n'),
      'renderer/src/features/complaints/x.ts'
    )
  })
})

describe("c3. the rest of the renderer reaches the data layer through '@/db' only", () => {
  it('rejects its inner modules, by alias and by relative path, in features and the app shell', async () => {
    const [m] = await expectRestricted(
      [
        `import { registerComplaint } from '@/db/complaints'`,
        `import { startSyncLoop } from '../../db/sync/loop'`,
        `import { dataApi } from '@/db/api.ts'`,
        `export const v = [registerComplaint, startSyncLoop, dataApi]`,
        ''
      ].join('\n'),
      'renderer/src/features/complaints/x.ts',
      3
    )
    expect(m?.message).toMatch(/data\.read \/ data\.write/)
    await expectRestricted(
      `import { openDataLayer } from '../db/context'\nexport const v = openDataLayer\n`,
      'renderer/src/app/x.ts',
      1
    )
  })

  it('allows them inside the data layer and in tests', async () => {
    await expectClean(
      `import { registerComplaint } from './complaints'\nimport { loop } from '@/db/sync/loop'\nexport const v = [registerComplaint, loop]\n`,
      'renderer/src/db/api.ts'
    )
    await expectClean(
      `import { registerComplaint } from '@/db/complaints'\nexport const v = registerComplaint\n`,
      'tests/integration/renderer/db/x.test.ts'
    )
  })

  it('does not mistake a feature folder named db for the data layer', async () => {
    await expectClean(
      `import { x } from '@/features/db/x'\nexport const v = x\n`,
      'renderer/src/features/a/y.ts'
    )
  })
})

describe('general settings', () => {
  it('allows unused variables prefixed with _', async () => {
    await expectClean(
      `export function f(_a: number, b: number) {\n  const _unused = 1\n  return b\n}\n`,
      'shared/x.ts'
    )
  })

  it('still reports other unused variables', async () => {
    const messages = await lint(`export function f() {\n  const unused = 1\n}\n`, 'shared/x.ts')
    expect(messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-unused-vars'])
  })

  it('applies react-hooks rules to renderer components', async () => {
    const messages = await lint(
      [
        `import { useState } from 'react'`,
        `export function C({ on }: { on: boolean }) {`,
        `  if (on) {`,
        `    const [v] = useState(0)`,
        `    return v`,
        `  }`,
        `  return null`,
        `}`,
        ''
      ].join('\n'),
      'renderer/src/features/c.tsx'
    )
    expect(messages.map((m) => m.ruleId)).toContain('react-hooks/rules-of-hooks')
  })

  it('does not lint build output', async () => {
    expect(await eslint.isPathIgnored(`${repoRoot}out/main/index.js`)).toBe(true)
    expect(await eslint.isPathIgnored(`${repoRoot}dist/x.js`)).toBe(true)
  })
})
