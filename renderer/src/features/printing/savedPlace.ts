/** Where a saved file went, as a person says it: its name and the folder it is in, without the rest
 *  of the path (which main chose and which only clutters a toast). Windows or POSIX separators. */
export function savedPlace(path: string): { file: string; folder: string } {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '')
  const file = parts.at(-1) ?? path
  // C:\x.pdf: the drive is the folder
  const folder = parts.length > 1 ? (parts.at(-2) as string) : ''
  return { file, folder }
}
