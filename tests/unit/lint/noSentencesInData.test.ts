// The data layer returns codes, never sentences (issue 12): no string in renderer/src/db or shared/
// holds CJK text, except in the few files below whose text is the store's own content or matching
// data — not what the screen says. A sentence added to the data layer fails here; word it in the
// i18n catalogue (renderer/src/i18n) and return a code instead.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Files whose CJK strings are data. Keep it short; each entry says why. */
const DATA_FILES: Record<string, string> = {
  'shared/domain/wording.ts': 'the wording checker’s phrase list (store content)',
  'shared/domain/cannedReplies.ts': '标准用语: the default canned replies (store content)',
  'shared/domain/revisit/script.ts': '回访话术: the default call scripts (store content)',
  'shared/domain/revisit/exportXlsx.ts': '回访统计 export: the sheet’s own content (headers, labels)',
  'shared/domain/shifts.ts': 'default shift names (store content)',
  'renderer/src/db/workflow.ts': 'default department names (store content)',
  'shared/domain/customer.ts': 'zh-CN labels for text written into records and exported sheets',
  'shared/domain/recordText.ts': 'patterns of text written into records (备注 after a merge or import)',
  'shared/import/headerMapping.ts': 'header synonyms a roster column is matched by',
  'shared/import/validateRows.ts': 'cell values a roster may hold (男, 会员, 无 …), matched on import',
  'shared/import/exportXlsx.ts': 'the exported sheet’s own content (headers, footer, file name)'
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/

/** Lines of string, template and JSX text holding CJK characters. Comments (glossary terms) and
 *  regular expressions (matching patterns such as 年/月/日) are not strings and are not reported. */
function cjkStrings(fileName: string, source: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true)
  const found: { line: number; text: string }[] = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node) ||
        ts.isJsxText(node)) &&
      CJK.test(node.text)
    )
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text })
    node.forEachChild(visit)
  }
  visit(file)
  return found
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [relative(repoRoot, path).split('\\').join('/')] : []
  })
}

describe('cjkStrings', () => {
  it('finds a sentence in a string, a template or a full-width colon glued in code', () => {
    const code = [
      `const a = '无法访问共享文件夹'`,
      'const b = `第 ${row} 行`',
      "const c = label + '：' + value"
    ].join('\n')
    expect(cjkStrings('x.ts', code).map((f) => f.line)).toEqual([1, 2, 2, 3]) // a template's head and tail
  })

  it('ignores comments, regular expressions and plain English', () => {
    const code = [
      '// 工号: the staff number',
      '/** 确认导入 */',
      'const re = /[-/.年](\\d{1,2})月/',
      "const d = 'staff no. already exists'"
    ].join('\n')
    expect(cjkStrings('x.ts', code)).toEqual([])
  })
})

describe('renderer/src/db and shared/', () => {
  const files = [...sources(join(repoRoot, 'renderer/src/db')), ...sources(join(repoRoot, 'shared'))]

  it('build no sentences: CJK strings only in the data files', () => {
    const outside = files
      .filter((f) => !(f in DATA_FILES))
      .flatMap((f) =>
        cjkStrings(f, readFileSync(join(repoRoot, f), 'utf8')).map((s) => `${f}:${s.line} ${s.text}`)
      )
    expect(outside).toEqual([])
  })

  it('lists only data files that exist and still hold CJK text', () => {
    for (const f of Object.keys(DATA_FILES)) {
      expect(files, f).toContain(f)
      expect(cjkStrings(f, readFileSync(join(repoRoot, f), 'utf8')).length, f).toBeGreaterThan(0)
    }
  })
})
