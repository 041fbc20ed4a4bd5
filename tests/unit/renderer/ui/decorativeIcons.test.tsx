import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import OriginalLight from '@ant-design/icons/es/components/AntdIconLight'
import AuditOutlinedSvg from '@ant-design/icons-svg/es/asn/AuditOutlined'
import HddTwoToneSvg from '@ant-design/icons-svg/es/asn/HddTwoTone'
import DecorativeLight from '@/ui/icons/AntdIconLight'
import DecorativeTwoTone from '@/ui/icons/AntdIcon'
import { decorativeBase } from '../../../../scripts/decorativeIcons'

// Issue 13.9: antd icons said their English name ("audit 投诉处理"); the build swaps their base
// component for a decorative one (scripts/decorativeIcons.ts).
const root = resolve(__dirname, '../../../..')
const iconsDir = join(root, 'node_modules/@ant-design/icons/es/icons')

/** The icon's own element (its svg inside is aria-hidden in any case). */
const outerTag = (html: string) => html.slice(0, html.indexOf('>') + 1)

describe('decorative icons', () => {
  it('antd on its own labels an icon with its English name (what the swap is for)', () => {
    expect(renderToStaticMarkup(<OriginalLight icon={AuditOutlinedSvg} />)).toContain('aria-label="audit"')
  })

  it('the swapped-in base hides the icon and drops the English name', () => {
    for (const html of [
      renderToStaticMarkup(<DecorativeLight icon={AuditOutlinedSvg} />),
      renderToStaticMarkup(<DecorativeTwoTone icon={HddTwoToneSvg} />)
    ]) {
      expect(outerTag(html)).toMatch(/^<span aria-hidden="true" class="anticon anticon-\w+">$/)
      expect(html).not.toContain('aria-label')
      expect(html).not.toContain('role="img"')
    }
  })

  it('an icon given its own name keeps it, as an image', () => {
    const html = renderToStaticMarkup(<DecorativeLight icon={AuditOutlinedSvg} aria-label="投诉" />)
    expect(outerTag(html)).toBe('<span role="img" aria-label="投诉" class="anticon anticon-audit">')
  })

  it('the build resolves both base imports of an icon file to the decorative versions, and nothing else', () => {
    const importer = join(iconsDir, 'AuditOutlined.js')
    expect(decorativeBase(root, '../components/AntdIconLight', importer)).toBe(
      join(root, 'renderer/src/ui/icons/AntdIconLight.tsx')
    )
    expect(decorativeBase(root, '../components/AntdIcon', join(iconsDir, 'HddTwoTone.js'))).toBe(
      join(root, 'renderer/src/ui/icons/AntdIcon.tsx')
    )
    // our own modules reach the real base
    expect(
      decorativeBase(root, '../components/AntdIconLight', join(root, 'renderer/src/ui/icons/x.tsx'))
    ).toBe(null)
    expect(decorativeBase(root, './Context', importer)).toBe(null)
  })

  it('every icon of the installed @ant-design/icons renders through one of the two swapped bases', () => {
    const files = readdirSync(iconsDir).filter((f) => f.endsWith('.js') && f !== 'index.js')
    expect(files.length).toBeGreaterThan(100)
    const unswapped = files.filter((f) => {
      const source = readFileSync(join(iconsDir, f), 'utf8')
      const base = /from "(\.\.\/components\/[^"]+)"/.exec(source)?.[1]
      return base === undefined || decorativeBase(root, base, join(iconsDir, f)) === null
    })
    expect(unswapped).toEqual([])
  })
})
