import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DebugLogger } from 'builder-util'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'

// Electron fuses (issue 17 point 6, docs/security.md §1). The packaged binary is not built here
// (the Electron binary cannot be downloaded on CI), so the test reads electron-builder.yml exactly
// as electron-builder does — its own loader and schema — and checks each fuse it will flip.

const repoRoot = resolve(__dirname, '../../..')

async function builderConfig() {
  const config = await getConfig(repoRoot, resolve(repoRoot, 'electron-builder.yml'), null)
  return config
}

describe('electron-builder.yml: Electron fuses', () => {
  it('is a valid configuration for the installed electron-builder (which knows electronFuses)', async () => {
    const config = await builderConfig()
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false]
  ] as const)('sets %s to %s', async (fuse, value) => {
    const fuses = (await builderConfig()).electronFuses
    expect(fuses?.[fuse]).toBe(value)
  })

  it('packs the app into app.asar (the asar fuses need it)', async () => {
    expect((await builderConfig()).asar).not.toBe(false)
  })
})
