import { defineConfig } from 'vitest/config'

// Unit and integration tests run in plain Node. There are no global setup files: data-layer
// tests import 'fake-indexeddb/auto' themselves. The e2e suite (tests/e2e) is Playwright's.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000
  }
})
