import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findingsFromSarif, judgeFindings, parseAccepted } from '../../../scripts/electronegativity.mjs'

// How `npm run check:electron` judges Electronegativity's findings (docs/security.md §3). The scan itself
// runs as its own step of `npm test` (scripts/test-all.mjs); these tests hold the judging rules.

const doc = (rows: string) =>
  `# x\n\n<!-- electronegativity:accepted -->\n\n| check | file | why |\n|---|---|---|\n${rows}\n\n<!-- /electronegativity:accepted -->\n\n| \`OUTSIDE_CHECK\` | \`a.ts\` | rows after the end marker are not read at all |\n`

describe('electronegativity: accepted findings', () => {
  it('reads the rows between the markers only', () => {
    expect(
      parseAccepted(
        doc('| `CSP_GLOBAL_CHECK` | `renderer/index.html` | only our own bundle is served there |')
      )
    ).toEqual([
      {
        check: 'CSP_GLOBAL_CHECK',
        file: 'renderer/index.html',
        reason: 'only our own bundle is served there'
      }
    ])
    expect(parseAccepted('no markers | `X` | `y` | z |')).toEqual([])
  })

  it('a finding passes only when its check AND file are accepted with a reason', () => {
    const accepted = parseAccepted(
      doc(
        [
          '| `PRELOAD_JS_CHECK` | `electron/main/window.ts` | reviewed: exposes one function per IPC method |',
          '| `AUXCLICK_JS_CHECK` | `electron/main/window.ts` | ok |'
        ].join('\n')
      )
    )
    const verdict = judgeFindings(
      [
        { check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts' },
        { check: 'PRELOAD_JS_CHECK', file: 'electron/main/other.ts' },
        { check: 'AUXCLICK_JS_CHECK', file: 'electron/main/window.ts' },
        { check: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/main/window.ts' }
      ],
      accepted
    )
    expect(verdict.explained.map((f) => f.check)).toEqual(['PRELOAD_JS_CHECK'])
    // another file, a reason too short to explain anything, a check nobody accepted
    expect(verdict.unexplained.map((f) => `${f.check} ${f.file}`)).toEqual([
      'PRELOAD_JS_CHECK electron/main/other.ts',
      'AUXCLICK_JS_CHECK electron/main/window.ts',
      'NODE_INTEGRATION_JS_CHECK electron/main/window.ts'
    ])
    expect(verdict.stale.map((a) => a.check)).toEqual(['AUXCLICK_JS_CHECK'])
  })

  it('an accepted row that no finding matches any more is stale (the document follows the code)', () => {
    const accepted = parseAccepted(
      doc('| `CSP_GLOBAL_CHECK` | `renderer/index.html` | only our own bundle is served |')
    )
    expect(judgeFindings([], accepted).stale).toHaveLength(1)
  })

  it('reads SARIF results with their file and line', () => {
    const sarif = {
      runs: [
        {
          results: [
            {
              ruleId: 'CSP_GLOBAL_CHECK',
              message: { text: 'weak' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'renderer\\index.html' },
                    region: { startLine: 8 }
                  }
                }
              ]
            }
          ]
        }
      ]
    }
    expect(findingsFromSarif(sarif)).toEqual([
      { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', line: 8, message: 'weak' }
    ])
  })

  it('docs/security.md §3 accepts each finding with a reason', () => {
    const accepted = parseAccepted(readFileSync(resolve(__dirname, '../../../docs/security.md'), 'utf8'))
    expect(accepted.map((a) => a.check)).toEqual([
      'CSP_GLOBAL_CHECK',
      'ELECTRON_VERSION_JSON_CHECK',
      'PRELOAD_JS_CHECK'
    ])
    expect(judgeFindings(accepted, accepted).stale).toEqual([])
  })
})
