// The shared harness of the data-layer read rules' tests (rules d and e of eslint.config.mjs): lintText()
// with a path in the repo applies the config `npm run lint` applies there, to a virtual file.

import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { expect } from 'vitest'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const RULE = 'no-restricted-syntax'

let eslint: ESLint | undefined

/** The errors of `no-restricted-syntax` for `code` at `filePath`; fails on any other finding. */
export async function findings(code: string, filePath: string): Promise<string[]> {
  eslint ??= new ESLint({ cwd: repoRoot })
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true })
  if (!result) throw new Error(`no lint result for ${filePath}`)
  expect(result.messages.filter((m) => m.ruleId !== RULE)).toEqual([])
  for (const m of result.messages) expect(m.severity).toBe(2)
  return result.messages.map((m) => m.message)
}

/** The imports a virtual data-layer file starts with. */
export const HEADER = `import type { DataContext } from './context'\nimport type { DeskDatabase } from './database'\nexport type Db = DeskDatabase\n`
