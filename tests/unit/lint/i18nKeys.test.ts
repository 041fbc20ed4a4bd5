// Every i18n key the renderer names exists in both catalogues (zh-CN and en). A missing key would
// show the key itself (or, with zh-CN as the fallback language, Chinese in the English UI).
// Literal keys are checked one by one; template keys t(`a.${x}`) are listed below and must match
// keys of both catalogues; keys that come from data (a zod issue's message, an error's message) are
// checked where they are written: every key-like string in renderer/src and shared/.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { zhCN } from '@/i18n/zh-CN'
import { en } from '@/i18n/en'
import { catalogueKeys, keyUses, stringsOf, templateResolves } from './i18nKeys'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Template keys, each standing for a set of keys a typed code picks from. A new one must be added
 *  here (after checking that every value of its code has a key in both catalogues). */
const TEMPLATE_KEYS = [
  'audit.forms.${…}',
  'audit.kinds.${…}',
  'complaint.${…}',
  'complaint.${…}.${…}',
  'complaint.categoryOption.${…}',
  'complaint.channelOption.${…}',
  'complaint.emotionOption.${…}',
  'complaint.overdueLevel.${…}',
  'complaint.statusOption.${…}',
  'complaint.urgencyOption.${…}',
  'counter.channelOption.${…}',
  'counter.outcomeOption.${…}',
  'counter.problem.kindOption.${…}',
  'counter.problem.statusOption.${…}',
  'counter.stats.periodOption.${…}',
  'counter.topicOption.${…}',
  'customer.${…}',
  'customer.event.${…}',
  'customer.genderOption.${…}',
  'customer.tierOption.${…}',
  'customerImport.counts.${…}',
  'customerImport.encoding.${…}',
  'customerImport.fate.${…}',
  'customerImport.field.${…}',
  'customerImport.kind.${…}',
  'customerImport.message.${…}',
  'customerImport.report.status.${…}',
  'customerImport.steps.${…}',
  'customerMerge.likeness.${…}',
  'customerMerge.reason.${…}',
  'customerMerge.where.${…}',
  'handover.col.${…}',
  'handover.itemText.${…}',
  'handover.level.${…}',
  'handover.mark.${…}',
  'handover.next.${…}',
  'handover.section.${…}',
  'handover.shift${…}',
  'handover.statusOption.${…}',
  'nav.${…}',
  'reports.anomaly.${…}',
  'reports.anomalyPage.${…}',
  'reports.anomalyPage.bad.${…}',
  'reports.feedbackPage.${…}',
  'reports.limit.${…}',
  'reports.metric.${…}',
  'reports.pauseReason.${…}',
  'reports.staff.list.${…}',
  'reports.ui.granularityOption.${…}',
  'reports.workPage.figure.${…}',
  'reports.figuresPage.${…}',
  'reports.servedFrom.${…}',
  'reports.ui.paretoByOption.${…}',
  'reports.ui.periodOption.${…}',
  'reports.ui.recordKind.${…}',
  'returns.statusOption.${…}',
  'revisit.aspect.${…}',
  'revisit.bucket.${…}',
  'revisit.outcome.${…}',
  'revisit.rule.${…}',
  'revisit.stats.measure.${…}',
  'revisit.status.${…}',
  'returns.toStatus.${…}',
  'returns.typeOption.${…}',
  'settings.${…}',
  'settings.languageOption.${…}',
  'share.root.${…}',
  'staff.roleOption.${…}',
  'syncPage.problem.${…}',
  'syncPage.settings.${…}',
  'syncPage.settings.state.${…}',
  'workflow.action.${…}',
  'workflow.actionDone.${…}',
  'workflow.event.${…}',
  'workflow.resolution.${…}',
  'workflow.satisfaction.${…}'
]

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [relative(repoRoot, path).split('\\').join('/')] : []
  })
}

const zh = catalogueKeys(zhCN)
const english = catalogueKeys(en)
const inBoth = (key: string) => zh.leaves.has(key) && english.leaves.has(key)
const read = (f: string) => readFileSync(join(repoRoot, f), 'utf8')

describe('keyUses', () => {
  it('finds literal, conditional, fallback, template and data keys', () => {
    const code = [
      "t('a.b')",
      "i18n.t('c.d', { n: 1 })",
      "t(ok ? 'e.yes' : 'e.no')",
      "t(e.message ?? 'error.unexpected')",
      't(`status.${s}`)',
      'const x = <Trans i18nKey="f.g" />',
      "other('not.a.key')"
    ].join('\n')
    expect(keyUses('x.tsx', code)).toEqual([
      { line: 1, kind: 'literal', key: 'a.b' },
      { line: 2, kind: 'literal', key: 'c.d' },
      { line: 3, kind: 'literal', key: 'e.yes' },
      { line: 3, kind: 'literal', key: 'e.no' },
      { line: 4, kind: 'data', key: 'e.message' },
      { line: 4, kind: 'literal', key: 'error.unexpected' },
      { line: 5, kind: 'template', key: 'status.${…}' },
      { line: 6, kind: 'literal', key: 'f.g' }
    ])
  })

  it('matches a template key against the catalogue’s leaves', () => {
    const leaves = new Set(['status.open', 'status.closed', 'handover.section.a.title'])
    expect(templateResolves('status.${…}', leaves)).toBe(true)
    expect(templateResolves('handover.section.${…}.title', leaves)).toBe(true)
    expect(templateResolves('state.${…}', leaves)).toBe(false)
    expect(templateResolves('handover.section.${…}.hint', leaves)).toBe(false)
  })
})

describe('the catalogues', () => {
  const files = sources(join(repoRoot, 'renderer/src'))
  const uses = files.flatMap((f) => keyUses(f, read(f)).map((u) => ({ ...u, file: f })))

  it('hold every literal key the renderer uses, in both languages', () => {
    const literal = uses.filter((u) => u.kind === 'literal')
    expect(literal.length).toBeGreaterThan(500)
    expect(literal.filter((u) => !inBoth(u.key)).map((u) => `${u.file}:${u.line} ${u.key}`)).toEqual([])
  })

  it('hold keys for every template key, and the template keys are the listed ones', () => {
    const templates = uses.filter((u) => u.kind === 'template')
    expect([...new Set(templates.map((u) => u.key))].sort()).toEqual([...TEMPLATE_KEYS].sort())
    for (const key of TEMPLATE_KEYS) {
      expect(templateResolves(key, zh.leaves), `${key} in zh-CN`).toBe(true)
      expect(templateResolves(key, english.leaves), `${key} in en`).toBe(true)
    }
  })

  it('hold every key-like string of renderer/src and shared/ (keys carried by data)', () => {
    const namespaces = new Set(Object.keys(zhCN))
    const keyLike = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/
    const strings = [...files, ...sources(join(repoRoot, 'shared'))]
      .filter((f) => !f.startsWith('renderer/src/i18n/'))
      .flatMap((f) => stringsOf(f, read(f)).map((s) => ({ ...s, file: f })))
      .filter((s) => keyLike.test(s.text) && namespaces.has(s.text.split('.')[0] as string))
    expect(strings.length).toBeGreaterThan(50)
    expect(strings.filter((s) => !inBoth(s.text)).map((s) => `${s.file}:${s.line} ${s.text}`)).toEqual([])
  })
})
