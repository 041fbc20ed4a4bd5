import { defineConfig } from '@playwright/test'
import base from './playwright.config'

// `npm run bench`: the same harness as the e2e suite, on generated data at store scale.
export default defineConfig({
  ...base,
  testDir: 'bench',
  testMatch: /.*\.bench\.ts/,
  timeout: 15 * 60_000,
  reporter: [['list']],
  outputDir: 'test-results/bench-artifacts'
})
