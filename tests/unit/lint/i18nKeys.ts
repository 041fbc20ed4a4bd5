import ts from 'typescript'

// Finds the i18n keys a source file uses, for i18nKeys.test.ts: t('a.b'), i18n.t('a.b'),
// <Trans i18nKey="a.b">, both branches of t(cond ? 'a' : 'b') and the fallback of t(x ?? 'a').
// A template key t(`a.${x}`) is reported as a pattern; any other expression as 'data' (a key that
// comes from data, such as a zod issue's message — checked through the key-like strings instead).

export interface KeyUse {
  line: number
  kind: 'literal' | 'template' | 'data'
  /** the key; for a template, `${…}` stands for each substitution */
  key: string
}

const isT = (callee: ts.Expression): boolean =>
  (ts.isIdentifier(callee) && callee.text === 't') ||
  (ts.isPropertyAccessExpression(callee) && callee.name.text === 't')

function keysOf(node: ts.Expression, line: number, out: KeyUse[]): void {
  if (ts.isParenthesizedExpression(node)) return keysOf(node.expression, line, out)
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    // t(x ?? '') says nothing when there is no key: not a key itself
    if (node.text !== '') out.push({ line, kind: 'literal', key: node.text })
    return
  }
  if (ts.isTemplateExpression(node)) {
    const key = node.head.text + node.templateSpans.map((s) => '${…}' + s.literal.text).join('')
    return void out.push({ line, kind: 'template', key })
  }
  if (ts.isConditionalExpression(node)) {
    keysOf(node.whenTrue, line, out)
    return keysOf(node.whenFalse, line, out)
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
    out.push({ line, kind: 'data', key: node.left.getText() })
    return keysOf(node.right, line, out)
  }
  out.push({ line, kind: 'data', key: node.getText() })
}

export function keyUses(fileName: string, source: string): KeyUse[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const out: KeyUse[] = []
  const lineOf = (n: ts.Node) => file.getLineAndCharacterOfPosition(n.getStart()).line + 1
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isT(node.expression) && node.arguments[0])
      keysOf(node.arguments[0], lineOf(node), out)
    if (ts.isJsxAttribute(node) && node.name.getText() === 'i18nKey' && node.initializer) {
      const value = node.initializer
      if (ts.isStringLiteral(value)) keysOf(value, lineOf(node), out)
      else if (ts.isJsxExpression(value) && value.expression) keysOf(value.expression, lineOf(node), out)
    }
    node.forEachChild(visit)
  }
  visit(file)
  return out
}

/** A storage key such as `const LAST_SYNCED_KEY = 'sync.lastSyncedAt'` (an IndexedDB meta key), which
 *  looks like an i18n key but is not one. */
const isStorageKey = (node: ts.Node): boolean =>
  ts.isVariableDeclaration(node.parent) && /_KEY$/.test(node.parent.name.getText())

/** Every string literal of a file, with its line (for the key-like strings check); storage keys aside. */
export function stringsOf(fileName: string, source: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const out: { line: number; text: string }[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isStorageKey(node))
      out.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text })
    node.forEachChild(visit)
  }
  visit(file)
  return out
}

/** A catalogue's keys: `leaves` hold strings, `branches` hold objects. */
export function catalogueKeys(catalogue: object): { leaves: Set<string>; branches: Set<string> } {
  const leaves = new Set<string>()
  const branches = new Set<string>()
  const walk = (node: object, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      const key = prefix + name
      if (typeof value === 'string') leaves.add(key)
      else if (value && typeof value === 'object') {
        branches.add(key)
        walk(value as object, key + '.')
      }
    }
  }
  walk(catalogue, '')
  return { leaves, branches }
}

/** Whether a template key can name a string: some leaf matches it, each `${…}` standing for one
 *  key segment (or more, where the value is itself a dotted key). */
export function templateResolves(pattern: string, leaves: ReadonlySet<string>): boolean {
  const parts = pattern.split('${…}').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const re = new RegExp(`^${parts.join('[\\w.-]+')}$`)
  for (const leaf of leaves) if (re.test(leaf)) return true
  return false
}
