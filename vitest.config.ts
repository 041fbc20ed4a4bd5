import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Unit and integration tests run in plain Node. There are no global setup files: data-layer
// tests import 'fake-indexeddb/auto' themselves. The e2e suite (tests/e2e) is Playwright's.
export default defineConfig({
  // The import aliases of tsconfig.base.json (paths).
  resolve: { alias: { '@shared': resolve(__dirname, 'shared'), '@': resolve(__dirname, 'renderer/src') } },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    // Every core: vitest's default leaves one free, which on a 2-core runner is one test file at a time.
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 20_000
  }
})
