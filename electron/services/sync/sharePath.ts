import { isSharePath } from '@shared/ipc/sharePath'
import { ShareServiceError } from './shareError'

/** The path's segments ('' is the root); outsideRoot for anything that is not a plain relative path
 *  (so no argument can reach outside the configured folder, whatever the caller checked before). */
export function shareSegments(path: string): string[] {
  if (!isSharePath(path, true))
    throw new ShareServiceError('outsideRoot', `not a share path: ${JSON.stringify(path).slice(0, 200)}`)
  return path === '' ? [] : path.split('/')
}
