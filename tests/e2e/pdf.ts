import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type DeskBridge } from './fixtures'

// Print views saved as PDF through window.desk.savePdf, then read back with poppler: pdfinfo for
// pages and size, pdftotext per page for the text, pdftoppm for PNGs under test-results/screens/
// (<name>-1.png, <name>-2.png …) for people to look at.

export interface SavedPdf {
  file: string
  /** text of each page (pdftotext -layout) */
  pages: string[]
  /** pdfinfo's page size, e.g. '595.276 x 841.89 pts (A4)' */
  size: string
  /** all pages' text */
  text: string
}

export async function saveViewAsPdf(page: Page, desk: DeskBridge, name: string): Promise<SavedPdf> {
  const before = desk.pdfs.length
  await page.getByRole('button', { name: '保存为PDF' }).click()
  await expect(page.getByText(/^已保存为 PDF：/)).toBeVisible()
  expect(desk.pdfs).toHaveLength(before + 1)
  const file = desk.pdfs.at(-1)!
  const repoRoot = path.dirname(test.info().config.configFile ?? path.join(process.cwd(), 'x'))
  const screens = path.join(repoRoot, 'test-results', 'screens')
  mkdirSync(screens, { recursive: true })
  // pdftoppm numbers the pages it writes: clear an earlier run's pages first.
  for (const old of readdirSync(screens).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')))
    rmSync(path.join(screens, old))
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(screens, name)])
  for (const png of readdirSync(screens)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()) {
    await test.info().attach(png, { path: path.join(screens, png), contentType: 'image/png' })
  }
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  const pages = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {
      encoding: 'utf8'
    })
  )
  return { file, pages, size: /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? '', text: pages.join('\n') }
}
