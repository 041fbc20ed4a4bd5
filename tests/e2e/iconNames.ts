import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The English names antd gives its icons (AuditOutlined → "audit", CloseCircleFilled →
 *  "close-circle"), read from the installed @ant-design/icons: what an accessible name must not say. */
export function antdIconNames(): Set<string> {
  const dir = join(__dirname, '..', '..', 'node_modules', '@ant-design', 'icons', 'es', 'icons')
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f !== 'index.js')
    .map((f) =>
      f
        .replace(/(Outlined|Filled|TwoTone)\.js$/, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .toLowerCase()
    )
  return new Set(names)
}

/** Lines of an aria snapshot that name a control or image with an icon's English name, and controls
 *  with no name at all (an icon-only button without aria-label). */
export function iconNamed(snapshot: string, icons: Set<string>): string[] {
  const found: string[] = []
  for (const line of snapshot.split('\n')) {
    const m =
      /^\s*- (button|menuitem|link|img|tab|checkbox|combobox|switch)(?=[\s:]|$)(?: "((?:[^"\\]|\\.)*)")?/.exec(
        line
      )
    if (!m) continue
    const [, role, name] = m
    if (name === undefined || name.trim() === '') {
      if (role !== 'img' && role !== 'combobox') found.push(line.trim())
      continue
    }
    if (name.split(/\s+/).some((word) => icons.has(word))) found.push(line.trim())
  }
  return found
}
