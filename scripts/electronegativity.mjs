// `npm run check:electron`: Electronegativity on the app's source, judged against the accepted findings
// documented in docs/security.md §3 (the table between the electronegativity:accepted markers).
//
//   - scans a staged copy of electron/, shared/, renderer/src/, renderer/index.html and package.json
//     (tests, benchmarks, scripts and the built bundles are not the app's source);
//   - assumes the Electron version installed in node_modules (no network look-up);
//   - skips AvailableSecurityFixesGlobalCheck, which downloads Electron's release list (CI is offline);
//   - a finding passes only when the table names its check and file with a reason; an accepted row that
//     no longer matches any finding fails too, so the document cannot drift from the code.
//
// Writes test-results/electronegativity.json ({ checks, passed, failed, findings, unexplained, stale })
// for scripts/test-all.mjs and exits 1 on any failure.

import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const START = '<!-- electronegativity:accepted -->'
const END = '<!-- /electronegativity:accepted -->'
export const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

/**
 * The accepted findings of docs/security.md: rows `| \`CHECK_ID\` | \`file\` | reason |` between the markers.
 * @param {string} markdown
 * @returns {{ check: string, file: string, reason: string }[]}
 */
export function parseAccepted(markdown) {
  const start = markdown.indexOf(START)
  const end = markdown.indexOf(END, start)
  if (start < 0 || end < 0) return []
  const rows = []
  for (const line of markdown.slice(start + START.length, end).split('\n')) {
    const m = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`|]+)`\s*\|(.*)\|\s*$/.exec(line.trim())
    if (m) rows.push({ check: m[1], file: m[2].trim(), reason: m[3].trim() })
  }
  return rows
}

/** A reason must say something: at least a sentence, not a placeholder. */
const explained = (reason) => reason.replace(/[\s.…-]/g, '').length >= 20

/**
 * @param {{ check: string, file: string }[]} findings
 * @param {{ check: string, file: string, reason: string }[]} accepted
 */
export function judgeFindings(findings, accepted) {
  const ok = accepted.filter((a) => explained(a.reason))
  const matches = (f, a) => f.check === a.check && f.file === a.file
  return {
    explained: findings.filter((f) => ok.some((a) => matches(f, a))),
    unexplained: findings.filter((f) => !ok.some((a) => matches(f, a))),
    /** accepted rows without a reason, or that no finding matches any more */
    stale: accepted.filter((a) => !explained(a.reason) || !findings.some((f) => matches(f, a)))
  }
}

/** SARIF → { check, file, line, message }. */
export function findingsFromSarif(sarif) {
  return (sarif.runs ?? []).flatMap((run) =>
    (run.results ?? []).map((r) => {
      const where = r.locations?.[0]?.physicalLocation
      return {
        check: r.ruleId,
        file: (where?.artifactLocation?.uri ?? 'N/A').replace(/\\/g, '/'),
        line: where?.region?.startLine ?? 0,
        message: r.message?.text ?? ''
      }
    })
  )
}

function main() {
  const repoRoot = fileURLToPath(new URL('..', import.meta.url))
  const require = createRequire(import.meta.url)
  const resultsDir = join(repoRoot, 'test-results')
  mkdirSync(resultsDir, { recursive: true })
  const report = join(resultsDir, 'electronegativity.json')
  rmSync(report, { force: true })

  const stage = mkdtempSync(join(tmpdir(), 'desk-electronegativity-'))
  try {
    for (const part of ['electron', 'shared', 'renderer/src', 'renderer/index.html', 'package.json'])
      cpSync(join(repoRoot, part), join(stage, part), { recursive: true })
    const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
    const cli = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js')
    const sarifFile = join(stage, 'report.sarif')
    const run = spawnSync(
      process.execPath,
      [
        cli,
        '-i',
        stage,
        '-r',
        '-v',
        'false',
        '-e',
        electronVersion,
        '-x',
        SKIPPED_CHECKS.join(','),
        '-o',
        sarifFile
      ],
      // LANG: its messages in English (it also tries to fetch translations; offline that only prints a line).
      { cwd: stage, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } }
    )
    let sarif
    try {
      sarif = JSON.parse(readFileSync(sarifFile, 'utf8'))
    } catch {
      console.error(run.stdout, run.stderr)
      console.error('electronegativity: no report was written')
      writeFileSync(report, JSON.stringify({ checks: 0, passed: 0, failed: 1 }, null, 2))
      return 1
    }

    const atomic = require('@doyensec/electronegativity/dist/finder/checks/AtomicChecks/index.js').CHECKS
    const global =
      require('@doyensec/electronegativity/dist/finder/checks/GlobalChecks/index.js').GLOBAL_CHECKS
    const checks = atomic.length + global.length - SKIPPED_CHECKS.length

    const findings = findingsFromSarif(sarif)
    const accepted = parseAccepted(readFileSync(join(repoRoot, 'docs', 'security.md'), 'utf8'))
    const verdict = judgeFindings(findings, accepted)
    const failedChecks = new Set(verdict.unexplained.map((f) => f.check))
    const failed = failedChecks.size + verdict.stale.length
    const passed = checks - failedChecks.size

    console.log(`electronegativity (Electron ${electronVersion}): ${checks} checks`)
    for (const f of verdict.explained)
      console.log(`  accepted  ${f.check}  ${f.file}:${f.line}  (docs/security.md §3)`)
    for (const f of verdict.unexplained)
      console.log(
        `  FINDING   ${f.check}  ${f.file}:${f.line}  ${f.message}  — fix it, or accept it with a reason in docs/security.md §3`
      )
    for (const a of verdict.stale)
      console.log(
        `  STALE     ${a.check}  ${a.file}  — accepted in docs/security.md §3 without a reason, or no longer found: remove the row`
      )
    writeFileSync(report, JSON.stringify({ checks, passed, failed, findings, ...verdict }, null, 2))
    console.log(`electronegativity: ${passed} checks passed, ${failed} failed`)
    return failed > 0 ? 1 : 0
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main()
