import { isReservedWindowsName } from './windowsNames'

// A path inside the share folder as window.desk accepts it: relative, '/'-separated, plain names
// only, none a Windows device name (docs/sync-format.md §2). Checked by zod at the IPC boundary and
// again by the service.

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/
export const SHARE_PATH_MAX_DEPTH = 6

export function isSharePath(path: string, allowRoot = false): boolean {
  if (path === '') return allowRoot
  const parts = path.split('/')
  return (
    parts.length <= SHARE_PATH_MAX_DEPTH &&
    parts.every((p) => SEGMENT.test(p) && p !== '.' && p !== '..' && !isReservedWindowsName(p))
  )
}
