// Where is a Chromium for the e2e suite? One answer for everybody: scripts/test-all.mjs,
// playwright.config.ts and the e2e harness (tests/e2e/fixtures.ts) all import this module.
//
//   export function findChromium(): string | null
//   export const NO_CHROMIUM_MESSAGE: string
//
// Order: $CHROMIUM_PATH (if that file exists), /usr/bin/chromium (Debian's `chromium` package),
// then Playwright's own bundled browser if it has been downloaded. Returns the executable's
// path, or null when none exists. Never throws. Types: scripts/find-chromium.d.mts.
//
// Keep this file free of `import.meta` and top-level await: Playwright loads it from TypeScript
// through its CommonJS transform, and Node would then treat the transformed file as an ES module
// again ("exports is not defined in ES module scope").

import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** @returns {string | null} */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv

  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'

  try {
    const bundled = chromium.executablePath()
    if (bundled && existsSync(bundled)) return bundled
  } catch {
    // No browser registered for this platform.
  }
  return null
}

/** The one line to print when no Chromium is found (Chinese / English). */
export const NO_CHROMIUM_MESSAGE =
  '找不到 Chromium：请安装 Debian 的 chromium（apt-get install -y chromium fonts-noto-cjk）或设置 CHROMIUM_PATH。 / ' +
  'No Chromium found: install Debian chromium or set CHROMIUM_PATH.'
