import { describe, expect, it } from 'vitest'
import { checkShareRoot, type ShareRootEnv } from '../../../../../electron/services'

// Issue 17 point 6: which folder may be the share root. The folder comes from main's own dialog; this
// check refuses what no store share should be even when picked there. Both platforms' rules run here.

const WIN: ShareRootEnv = {
  platform: 'win32',
  home: 'C:\\Users\\kefu',
  dataDir: 'C:\\Users\\kefu\\AppData\\Roaming\\门店客服台',
  windowsDirs: ['D:\\Windows', 'C:\\Program Files']
}
const POSIX: ShareRootEnv = {
  platform: 'linux',
  home: '/home/kefu',
  dataDir: '/home/kefu/.config/service-desk'
}

const refusal = (root: string, env: ShareRootEnv) => {
  const checked = checkShareRoot(root, env)
  return checked.ok ? `ok ${checked.root}` : checked.refusal
}

describe('the share root (Windows)', () => {
  it('takes a share, a mapped drive folder or a folder of its own', () => {
    expect(refusal('\\\\NAS\\kefu', WIN)).toBe('ok \\\\NAS\\kefu')
    expect(refusal('\\\\NAS\\kefu\\', WIN)).toBe('ok \\\\NAS\\kefu')
    expect(refusal('\\\\192.168.1.20\\门店共享\\kefu', WIN)).toBe('ok \\\\192.168.1.20\\门店共享\\kefu')
    expect(refusal('Z:\\kefu', WIN)).toBe('ok Z:\\kefu')
    expect(refusal('D:\\门店\\同步', WIN)).toBe('ok D:\\门店\\同步')
    expect(refusal('C:\\Users\\kefu\\Documents\\门店共享', WIN)).toBe(
      'ok C:\\Users\\kefu\\Documents\\门店共享'
    )
  })

  for (const [root, why] of [
    // device paths and raw namespaces
    ['\\\\.\\PhysicalDrive0', 'devicePath'],
    ['\\\\.\\C:', 'devicePath'],
    ['\\\\?\\C:\\Windows', 'devicePath'],
    ['\\\\?\\UNC\\attacker\\share', 'devicePath'],
    ['//./PhysicalDrive0', 'devicePath'],
    ['//?/C:/', 'devicePath'],
    ['\\??\\C:\\', 'devicePath'],
    // drive roots, a server alone
    ['C:\\', 'driveRoot'],
    ['D:/', 'driveRoot'],
    ['c:\\.', 'driveRoot'],
    ['\\\\NAS', 'driveRoot'],
    ['\\\\NAS\\', 'driveRoot'],
    // system folders and below
    ['C:\\Windows', 'systemFolder'],
    ['c:\\windows\\System32', 'systemFolder'],
    ['C:\\Windows\\..\\Windows\\Temp', 'systemFolder'],
    ['C:\\Program Files', 'systemFolder'],
    ['C:\\Program Files (x86)\\x', 'systemFolder'],
    ['C:\\ProgramData\\kefu', 'systemFolder'],
    ['D:\\Windows\\kefu', 'systemFolder'],
    // profile folders
    ['C:\\Users\\kefu', 'profileFolder'],
    ['c:\\users\\KEFU\\', 'profileFolder'],
    ['C:\\Users', 'profileFolder'],
    ['C:\\Users\\kefu\\AppData', 'profileFolder'],
    ['C:\\Users\\kefu\\AppData\\Local\\Temp\\x', 'profileFolder'],
    ['C:\\Users\\kefu\\.ssh', 'profileFolder'],
    // device names in the path
    ['D:\\CON', 'reservedName'],
    ['D:\\kefu\\nul.txt', 'reservedName'],
    ['\\\\NAS\\kefu\\COM1', 'reservedName'],
    ['D:\\lpt\u00b9', 'reservedName'],
    // not a full path, control characters
    ['kefu', 'notAbsolute'],
    ['..\\kefu', 'notAbsolute'],
    ['C:kefu', 'notAbsolute'],
    ['\\kefu', 'notAbsolute'],
    ['D:\\ke\u0000fu', 'notAbsolute'],
    ['D:\\kefu\n', 'notAbsolute'],
    ['', 'notAbsolute']
  ] as const)
    it(`refuses ${JSON.stringify(root)}: ${why}`, () => expect(refusal(root, WIN)).toBe(why))
})

describe('the share root (Linux / macOS)', () => {
  it('takes a mount point or a folder of its own', () => {
    expect(refusal('/mnt/kefu', POSIX)).toBe('ok /mnt/kefu')
    expect(refusal('/media/nas/门店', POSIX)).toBe('ok /media/nas/门店')
    expect(refusal('/home/kefu/门店共享', POSIX)).toBe('ok /home/kefu/门店共享')
    expect(refusal('/tmp/desk-share-1/share', POSIX)).toBe('ok /tmp/desk-share-1/share')
    expect(refusal('/srv/kefu/', POSIX)).toBe('ok /srv/kefu')
  })

  for (const [root, why] of [
    ['/', 'driveRoot'],
    ['/..', 'driveRoot'],
    ['//', 'driveRoot'],
    ['//./dev/sda', 'devicePath'],
    ['/etc', 'systemFolder'],
    ['/etc/ssh', 'systemFolder'],
    ['/usr/local/kefu', 'systemFolder'],
    ['/dev/shm', 'systemFolder'],
    ['/proc/self', 'systemFolder'],
    ['/sys', 'systemFolder'],
    ['/root', 'systemFolder'],
    ['/var/lib/kefu', 'systemFolder'],
    ['/System/Library', 'systemFolder'],
    ['/home', 'systemFolder'],
    ['/mnt', 'systemFolder'],
    ['/tmp', 'systemFolder'],
    ['/home/kefu', 'profileFolder'],
    ['/home/kefu/', 'profileFolder'],
    ['/home/kefu/.ssh', 'profileFolder'],
    ['/home/kefu/.config/service-desk/share', 'profileFolder'],
    ['/mnt/kefu/CON', 'reservedName'],
    ['kefu', 'notAbsolute'],
    ['./kefu', 'notAbsolute'],
    ['/mnt/ke\u0000fu', 'notAbsolute']
  ] as const)
    it(`refuses ${JSON.stringify(root)}: ${why}`, () => expect(refusal(root, POSIX)).toBe(why))

  it('refuses a folder that holds the app’s own data', () => {
    expect(refusal('/srv/data', { ...POSIX, dataDir: '/srv/data/desk' })).toBe('profileFolder')
  })
})
