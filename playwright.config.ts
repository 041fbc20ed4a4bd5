import { defineConfig } from '@playwright/test'

// E2E: the built renderer (out/renderer) runs in plain Chromium; window.desk is wired to the real
// electron/services handlers inside the test process (see tests/e2e/README.md). No webServer: the
// fixtures start a loopback static server themselves. Build first: `npx electron-vite build`.
export default defineConfig({
  testDir: 'tests/e2e',
  // 2 cores and a persistent Chromium profile per test: one worker keeps timings honest.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Long walk-throughs (two PCs syncing) took over 60 s on a slow 2-core CI runner, half that on a quiet one.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    // A trace records every action's DOM and doubles a test's time on a 2-core runner; E2E_TRACE=1 when
    // a failure needs one (a failure always leaves its screenshot and error context).
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off'
  }
})
