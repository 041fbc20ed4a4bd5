import type * as Snapshot from '@shared/sync/snapshot'

// Every snapshot chunk a test's PCs decode against its manifest: which snapshot and chunk, whether
// the manifest marks it history, and whether its records were taken as already validated. A test
// file installs it with
//   vi.mock('@shared/sync/snapshot', async (original) =>
//     (await import('./snapshotDecodeSpy')).spiedSnapshot(await original()))

export interface ChunkDecode {
  snapshotId: string
  name: string
  history: boolean
  verified: boolean
}

export const decodes: ChunkDecode[] = []

export function spiedSnapshot(real: typeof Snapshot): typeof Snapshot {
  return {
    ...real,
    decodeSnapshotChunk: (bytes, options = {}) => {
      if (options.expect)
        decodes.push({
          snapshotId: options.expect.snapshotId,
          name: options.expect.ref.name,
          history: options.expect.ref.history === true,
          verified: options.verified === true
        })
      return real.decodeSnapshotChunk(bytes, options)
    }
  }
}
