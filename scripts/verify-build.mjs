// Checks the output of `electron-vite build` (out/) before anything is packaged or e2e-tested:
//   - out/main/index.js, out/preload/index.js and out/renderer/index.html exist;
//   - the preload bundle is CommonJS whose only require() is require("electron"):
//     a sandboxed preload (sandbox: true) cannot load any other module, so everything else
//     must be bundled in;
//   - out/renderer/index.html carries a Content-Security-Policy <meta> whose sources are the app's
//     own origin (app://desk): no file:, *, http(s): or ws(s):.
// Usage: node scripts/verify-build.mjs [outDir]   (exit code 1 on any problem)

import { existsSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const outDir = resolve(repoRoot, process.argv[2] ?? 'out')
const show = (p) => (p.startsWith(repoRoot) ? relative(repoRoot, p) : p)

const problems = []
const check = (ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}`)
  if (!ok) problems.push(what)
  return ok
}

const mainJs = join(outDir, 'main', 'index.js')
const preloadJs = join(outDir, 'preload', 'index.js')
const indexHtml = join(outDir, 'renderer', 'index.html')

console.log(`verify-build: ${show(outDir)}`)
check(existsSync(mainJs), `${show(mainJs)} exists`)

if (check(existsSync(preloadJs), `${show(preloadJs)} exists`)) {
  const code = readFileSync(preloadJs, 'utf8')
  // Every require( call, whatever its argument; only require("electron") / require('electron') may remain.
  const calls = [...code.matchAll(/(?<![\w$.])require\s*\(\s*([^)]*)\)/g)].map((m) => m[1].trim())
  const others = calls.filter((arg) => !/^(['"`])electron\1$/.test(arg))
  check(
    others.length === 0,
    others.length === 0
      ? `preload requires only "electron" (${calls.length} require call${calls.length === 1 ? '' : 's'})`
      : `preload requires only "electron" — also found: ${[...new Set(others)].map((a) => `require(${a})`).join(', ')}`
  )
  const esm = /^\s*(import\s+[\w*{]|import\s*['"]|export\s+[\w*{])/m.test(code)
  check(!esm, 'preload is CommonJS (no top-level import/export statements)')
}

if (check(existsSync(indexHtml), `${show(indexHtml)} exists`)) {
  const html = readFileSync(indexHtml, 'utf8')
  const meta = html.match(/<meta\b[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/i)
  const content = meta?.[0].match(/\bcontent\s*=\s*(["'])(.*?)\1/is)?.[2]?.trim()
  check(Boolean(meta && content), 'renderer index.html has a Content-Security-Policy <meta> with content')
  // The app is served from app://desk (docs/security.md §2): the policy must not open file:, any
  // host (*) or remote schemes, which would undo what the custom origin gives.
  const sources = (content ?? '').split(/\s+/)
  const loose = sources.filter((s) => /^(\*|file:|https?:|ws:|wss:|filesystem:)/i.test(s))
  check(
    loose.length === 0,
    `CSP names no file:, * or remote sources${loose.length ? ` — found ${loose.join(' ')}` : ''}`
  )
  check(/default-src 'self'/.test(content ?? ''), "CSP default-src is 'self'")
}

if (problems.length > 0) {
  console.error(`verify-build: ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  process.exit(1)
}
console.log('verify-build: ok')
