import { defineConfig } from '@playwright/test'
import base from './playwright.config'

// `npm run bench`: the same harness as the e2e suite, on generated data at store scale.
export default defineConfig({
  ...base,
  testDir: 'bench',
  testMatch: /.*\.bench\.ts/,
  timeout: 15 * 60_000,
  reporter: [['list']],
  // No trace or screenshots: Playwright's trace recorder watches every DOM change in the page, and
  // its cost landed inside the measured keystrokes and page loads (seen in a CPU profile).
  use: { ...base.use, trace: 'off', screenshot: 'off' },
  outputDir: 'test-results/bench-artifacts'
})
