import { posix, win32 } from 'node:path'
import type { ShareRootRefusal } from '@shared/ipc/contract'
import { isReservedWindowsName } from '@shared/ipc/windowsNames'

// Which folders may become the share root (issue 17 point 6). The folder comes from main's own
// folder dialog (electron/main/index.ts; the e2e bridge stands in for it), never from the renderer;
// this check refuses what no store share should be even when picked there: a device path, a drive
// root, a system folder, the user's profile or the app's own data. The platform's rules are passed
// in (`env`), so the Windows rules are tested on any machine.

// Refusal codes (shared/ipc/contract.ts SHARE_ROOT_REFUSALS): notAbsolute (not absolute, control
// characters), devicePath (\\.\PhysicalDrive0, \\?\C:\Windows, //./…), driveRoot (C:\, /, \\server
// alone), systemFolder (C:\Windows, Program Files, /etc, /usr … and below), profileFolder (the home folder
// itself, C:\Users, /home, AppData, dot-folders, the app's own data), reservedName (CON, NUL, COM1 …).
export type { ShareRootRefusal }

export interface ShareRootEnv {
  platform: NodeJS.Platform
  /** the user's home folder (os.homedir()) */
  home: string
  /** the app's own data folder (userData): never the share, nor under it, nor above it */
  dataDir: string
  /** Windows: %SystemRoot%, %ProgramFiles%, %ProgramFiles(x86)%, %ProgramData% as set on this PC */
  windowsDirs?: string[]
}

export type ShareRootCheck = { ok: true; root: string } | { ok: false; refusal: ShareRootRefusal }

/** Folders whose whole subtree is the system's (POSIX). */
const POSIX_SYSTEM = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/snap',
  '/sys',
  '/usr',
  '/var/lib',
  '/var/log',
  '/var/run',
  '/var/spool',
  '/System',
  '/Library',
  '/Applications',
  '/private/etc',
  '/private/var/db',
  '/private/var/root'
]
/** Folders that hold other people's or mounts' folders: refused themselves, not what is inside. */
const POSIX_CONTAINERS = [
  '/home',
  '/Users',
  '/mnt',
  '/media',
  '/Volumes',
  '/var',
  '/tmp',
  '/private',
  '/opt',
  '/srv'
]
const WINDOWS_SYSTEM_DEFAULTS = [
  'C:\\Windows',
  'C:\\Program Files',
  'C:\\Program Files (x86)',
  'C:\\ProgramData',
  'C:\\$Recycle.Bin',
  'C:\\System Volume Information',
  'C:\\Recovery',
  'C:\\Boot'
]

const CONTROL = /[\u0000-\u001f\u007f]/

export function checkShareRoot(raw: string, env: ShareRootEnv): ShareRootCheck {
  const windows = env.platform === 'win32'
  const path = windows ? win32 : posix
  if (CONTROL.test(raw) || raw.trim() !== raw || raw.length === 0)
    return { ok: false, refusal: 'notAbsolute' }
  // Device and raw namespaces, in either slash direction (Windows reads both).
  if (/^[\\/]{2}[.?][\\/]/.test(raw) || /^\\\?\?\\/.test(raw)) return { ok: false, refusal: 'devicePath' }
  if (!path.isAbsolute(raw)) return { ok: false, refusal: 'notAbsolute' }
  if (windows && /^[\\/][^\\/]/.test(raw)) return { ok: false, refusal: 'notAbsolute' } // \foo: no drive
  // \\server alone (no share name) is a whole server.
  if (windows && /^[\\/]{2}[^\\/]+[\\/]*$/.test(raw)) return { ok: false, refusal: 'driveRoot' }
  const unc = windows && isUncPath(raw)
  const resolved = path.resolve(raw)
  // \\NAS\kefu resolves with a trailing separator; the root keeps none (a drive root is refused below).
  const root = unc ? resolved.replace(/[\\/]+$/, '') : resolved
  const parts = segments(root, windows)
  if (parts.some((p) => isReservedWindowsName(p))) return { ok: false, refusal: 'reservedName' }

  const same = (a: string, b: string): boolean => (windows ? a.toLowerCase() === b.toLowerCase() : a === b)
  const within = (dir: string, folder: string): boolean => {
    const rel = path.relative(folder, dir)
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
  }
  const under = (dir: string, folder: string): boolean =>
    windows ? within(dir.toLowerCase(), folder.toLowerCase()) : within(dir, folder)

  // A whole disk (a UNC share's root is the share itself: that is what a store share is).
  if (!unc && same(root, path.parse(root).root)) return { ok: false, refusal: 'driveRoot' }

  const system = windows
    ? [...WINDOWS_SYSTEM_DEFAULTS, ...(env.windowsDirs ?? [])].map((d) => win32.resolve(d))
    : POSIX_SYSTEM
  if (system.some((dir) => under(root, dir))) return { ok: false, refusal: 'systemFolder' }
  if (!windows && POSIX_CONTAINERS.some((dir) => same(root, dir)))
    return { ok: false, refusal: 'systemFolder' }

  const home = path.resolve(env.home)
  const dataDir = path.resolve(env.dataDir)
  // The profile: home itself and the folder of homes; its app data and hidden folders.
  if (same(root, home) || same(root, path.dirname(home))) return { ok: false, refusal: 'profileFolder' }
  if (windows && under(root, win32.join(home, 'AppData'))) return { ok: false, refusal: 'profileFolder' }
  if (under(root, home)) {
    const first = path.relative(home, root).split(path.sep)[0] ?? ''
    if (first.startsWith('.')) return { ok: false, refusal: 'profileFolder' }
  }
  // The app's own data: the share must not be in it, nor hold it.
  if (under(root, dataDir) || under(dataDir, root)) return { ok: false, refusal: 'profileFolder' }
  return { ok: true, root }
}

/** A UNC path (\\server\share…): reachable only when picked in main's dialog. */
export function isUncPath(root: string): boolean {
  return /^[\\/]{2}[^\\/.?]/.test(root)
}

function segments(root: string, windows: boolean): string[] {
  const parsed = (windows ? win32 : posix).parse(root)
  return root
    .slice(parsed.root.length)
    .split(windows ? /[\\/]/ : /\//)
    .filter((p) => p !== '')
}
