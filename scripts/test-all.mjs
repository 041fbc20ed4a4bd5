// `npm test`: every check the project has.
//
//   1. side by side (each column in order; its output printed whole when it ends):
//      typecheck   npm run typecheck
//      lint        npm run lint
//        electron  npm run check:electron: Electronegativity on the source, judged against the
//                  accepted findings of docs/security.md §3 → test-results/electronegativity.json
//        bench     every benchmark file loads; the small WebDAV bench runs
//      build       electron-vite build → out/
//        verify    scripts/verify-build.mjs (bundles exist, sandbox-safe preload, CSP)
//   2. unit        vitest (unit + integration) → test-results/vitest.json, output streamed
//   3. e2e         playwright test (Chromium) → test-results/playwright.json, output streamed
//
// A failing step does not stop the run (all results show), except that e2e is skipped when the
// build failed. Counting:
//   - vitest:     passed = numPassedTests, failed = numFailedTests (from the JSON report);
//   - playwright: passed = stats.expected + stats.flaky, failed = stats.unexpected;
//   - electronegativity: passed = checks with no unexplained finding, failed = checks with one plus
//     accepted rows that no longer match (from its JSON report);
//   - a test step that exits non-zero without a failed test (a file that does not load, no report,
//     no Chromium, ...) adds 1 to failed;
//   - typecheck, lint, build and verify add 1 to failed when they fail.
// The LAST line printed is exactly `N passed, N failed`; the exit code is 1 if anything failed.

import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const resultsDir = join(repoRoot, 'test-results')
const VITEST_JSON = join(resultsDir, 'vitest.json')
const PLAYWRIGHT_JSON = join(resultsDir, 'playwright.json')
const ELECTRONEGATIVITY_JSON = join(resultsDir, 'electronegativity.json')
// Same text as NO_CHROMIUM_MESSAGE in find-chromium.mjs (kept here too in case that module cannot load).
const NO_CHROMIUM_MESSAGE =
  '找不到 Chromium：请安装 Debian 的 chromium（apt-get install -y chromium fonts-noto-cjk）或设置 CHROMIUM_PATH。 / ' +
  'No Chromium found: install Debian chromium or set CHROMIUM_PATH.'
const PLAYWRIGHT_CONFIGS = [
  'playwright.config.ts',
  'playwright.config.mts',
  'playwright.config.js',
  'playwright.config.mjs'
]

/**
 * Runs a command; resolves to its exit code (never rejects). Output is inherited, or with `log` set,
 * collected into it (steps that run side by side print their output whole when they end).
 */
function run(command, args, env = {}, log = null) {
  return new Promise((resolvePromise) => {
    const header = `\n$ ${[command, ...args].join(' ')}`
    if (log) log.push(header)
    else console.log(header)
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32' // npm/npx are .cmd files on Windows
    })
    if (log) {
      child.stdout.on('data', (chunk) => log.push(chunk.toString()))
      child.stderr.on('data', (chunk) => log.push(chunk.toString()))
    }
    child.on('error', (error) => {
      const message = `cannot start ${command}: ${error.message}`
      if (log) log.push(message)
      else console.error(message)
      resolvePromise(127)
    })
    child.on('close', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)))
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

function banner(title) {
  const line = '═'.repeat(78)
  console.log(`\n${line}\n  ${title}\n${line}`)
}

/** @typedef {{ name: string, status: 'ok' | 'FAILED' | 'skipped', passed: number, failed: number, seconds: number, note: string }} StepResult */

/** A step that is not a test suite: failing it counts as 1 failure. With `log`, its output is collected. */
async function plainStep(name, command, args, log = null) {
  if (!log) banner(name)
  const started = Date.now()
  const code = await run(command, args, {}, log)
  const ok = code === 0
  return {
    name,
    status: ok ? 'ok' : 'FAILED',
    passed: 0,
    failed: ok ? 0 : 1,
    seconds: secondsSince(started),
    note: ok ? '' : `exit ${code}`
  }
}

/**
 * Runs chains of steps side by side (each chain in order) and prints each chain's output whole when
 * it ends. The checks before the tests are single-threaded (tsc, eslint, rollup), so on a 2-core
 * runner two at a time take about half as long as one after another.
 */
async function sideBySide(chains) {
  const results = await Promise.all(
    chains.map(async (chain) => {
      const log = []
      const done = []
      for (const step of chain) done.push(await step(log))
      for (const result of done) banner(`${result.name} — ${result.status}, ${result.seconds.toFixed(1)}s`)
      console.log(log.join(''))
      return done
    })
  )
  return results.flat()
}

/** Turns an exit code and the counted tests into a step result. */
function testStepResult(name, started, code, counts, note) {
  let { passed, failed } = counts ?? { passed: 0, failed: 0 }
  const notes = note ? [note] : []
  if (!counts) notes.push('no JSON report')
  if (code !== 0 && failed === 0) {
    failed = 1 // the run failed without a failed test (load error, no report, no tests, ...)
    notes.push(`exit ${code}`)
  }
  const status = code === 0 && failed === 0 ? 'ok' : 'FAILED'
  return { name, status, passed, failed, seconds: secondsSince(started), note: notes.join('; ') }
}

async function vitestStep() {
  const name = 'unit (vitest)'
  banner(name)
  const started = Date.now()
  rmSync(VITEST_JSON, { force: true })
  const code = await run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile=test-results/vitest.json' // relative to repoRoot (= VITEST_JSON); no spaces for Windows' shell
  ])
  // Read now: Playwright empties its outputDir (test-results/ unless configured) when it starts.
  const report = readJson(VITEST_JSON)
  const counts = report ? { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 } : null
  return testStepResult(name, started, code, counts)
}

async function electronegativityStep(log = null) {
  const name = 'electronegativity'
  if (!log) banner(name)
  const started = Date.now()
  rmSync(ELECTRONEGATIVITY_JSON, { force: true })
  const code = await run('node', ['scripts/electronegativity.mjs'], {}, log)
  const report = readJson(ELECTRONEGATIVITY_JSON)
  const counts = report ? { passed: report.passed ?? 0, failed: report.failed ?? 0 } : null
  return testStepResult(name, started, code, counts)
}

async function e2eStep(buildOk) {
  const name = 'e2e (playwright)'
  if (!buildOk) {
    banner(`${name} — skipped: the build failed`)
    return { name, status: 'skipped', passed: 0, failed: 0, seconds: 0, note: 'build failed' }
  }
  banner(name)
  const started = Date.now()

  let chromium = null
  try {
    // Loaded here, not at the top: it imports @playwright/test, and a broken install must not stop the other steps.
    const { findChromium } = await import('./find-chromium.mjs')
    chromium = findChromium()
  } catch (error) {
    console.log(`cannot load scripts/find-chromium.mjs: ${error.message}`)
  }
  if (!chromium) {
    console.log(NO_CHROMIUM_MESSAGE)
    return {
      name,
      status: 'FAILED',
      passed: 0,
      failed: 1,
      seconds: secondsSince(started),
      note: 'no Chromium'
    }
  }
  if (process.env.CHROMIUM_PATH && process.env.CHROMIUM_PATH !== chromium) {
    console.log(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; using another Chromium.`)
  }
  console.log(`Chromium: ${chromium}`)

  if (!PLAYWRIGHT_CONFIGS.some((file) => existsSync(join(repoRoot, file)))) {
    console.log('playwright.config.ts is missing: not running Playwright (it would pick up every *.test.ts).')
    return {
      name,
      status: 'FAILED',
      passed: 0,
      failed: 1,
      seconds: secondsSince(started),
      note: 'no playwright.config.ts'
    }
  }

  rmSync(PLAYWRIGHT_JSON, { force: true })
  // list for the console, json for counting. PLAYWRIGHT_JSON_OUTPUT_FILE takes precedence over the
  // config's outputFile, so the report lands where we read it whatever the config says.
  const code = await run('npx', ['playwright', 'test', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_JSON,
    PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON
  })
  const stats = readJson(PLAYWRIGHT_JSON)?.stats
  const counts = stats
    ? { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 }
    : null
  const note = stats?.flaky ? `${stats.flaky} flaky` : ''
  return testStepResult(name, started, code, counts, note)
}

function secondsSince(started) {
  return (Date.now() - started) / 1000
}

function printTable(results) {
  const rows = [
    ['step', 'status', 'passed', 'failed', 'time', 'note'],
    ...results.map((r) => [
      r.name,
      r.status,
      String(r.passed),
      String(r.failed),
      `${r.seconds.toFixed(1)}s`,
      r.note
    ])
  ]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)))
  const format = (row) =>
    row
      .map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  banner('summary')
  console.log(format(rows[0]))
  console.log(widths.map((w) => '─'.repeat(w)).join('  '))
  for (const row of rows.slice(1)) console.log(format(row))
  console.log()
}

async function main() {
  mkdirSync(resultsDir, { recursive: true })
  const results = []

  // The checks and the build first, side by side; then the test suites, which use every core themselves.
  const checks = await sideBySide([
    [(log) => plainStep('typecheck', 'npm', ['run', 'typecheck'], log)],
    [
      (log) => plainStep('lint', 'npm', ['run', 'lint'], log),
      (log) => electronegativityStep(log),
      // `npm run bench` is not run here (store scale takes an hour), but every benchmark file must load
      (log) =>
        plainStep(
          'bench files load',
          'npx',
          ['playwright', 'test', '-c', 'playwright.bench.config.ts', '--list'],
          log
        ),
      // ... and the benches that run the data layer in Node must run (a small one: Playwright's loader
      // differs from vitest's, and a bench that loads can still fail on its first dynamic import)
      (log) =>
        plainStep(
          'bench runs (small WebDAV sync)',
          'env',
          [
            'BENCH_WEBDAV_CHANGES=300',
            'BENCH_WEBDAV_RUNS=1',
            'npx',
            'playwright',
            'test',
            '-c',
            'playwright.bench.config.ts',
            'bench/sync-webdav.bench.ts'
          ],
          log
        )
    ],
    [
      (log) => plainStep('build', 'npx', ['electron-vite', 'build'], log),
      (log) => plainStep('verify build', 'node', ['scripts/verify-build.mjs'], log)
    ]
  ])
  results.push(...checks)
  results.push(await vitestStep())
  const build = checks.find((r) => r.name === 'build')
  results.push(await e2eStep(build.status === 'ok'))

  const passed = results.reduce((sum, r) => sum + r.passed, 0)
  const failed = results.reduce((sum, r) => sum + r.failed, 0)
  printTable(results)
  console.log(`${passed} passed, ${failed} failed`)
  process.exitCode = failed > 0 ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  console.log('0 passed, 1 failed')
  process.exitCode = 1
})
