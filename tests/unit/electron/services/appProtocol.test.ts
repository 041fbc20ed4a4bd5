import { execFileSync } from 'node:child_process'
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  appRequestSegments,
  mimeTypeOf,
  resolveAppAsset
} from '../../../../electron/services/appProtocol'

// app://desk/… → a regular file inside out/renderer, or a refusal (issue 17 point 6; docs/security.md §2).
// Real temp folders, real symlinks: the guard is what main serves every request through.

let base = ''
let root = ''
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'desk-app-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export {}')
  await writeFile(join(root, 'assets', 'worker-1.js'), 'self.onmessage = () => {}')
  await writeFile(join(root, 'assets', '张三 报表.css'), 'body{}')
  // Next to the app folder, with a name that starts like it: must stay unreachable.
  await mkdir(join(base, 'renderer-secrets'))
  await writeFile(join(base, 'renderer-secrets', 'key.txt'), 'secret')
  await writeFile(join(base, 'secret.txt'), 'secret')
})
afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

const served = async (url: string) => resolveAppAsset(root, url)

describe('app:// protocol: what is served', () => {
  it('serves index.html for the window URL and for the bare origin', async () => {
    expect(await served(APP_INDEX_URL)).toMatchObject({ ok: true, mimeType: 'text/html; charset=utf-8' })
    expect(await served('app://desk/')).toMatchObject({
      ok: true,
      path: expect.stringMatching(/index\.html$/)
    })
    // The router lives in the hash; a query changes nothing.
    expect(await served('app://desk/index.html?x=1#/complaints/42')).toMatchObject({ ok: true })
  })

  it('serves the bundle with JavaScript / CSS MIME types (module scripts and workers need them)', async () => {
    expect(await served('app://desk/assets/index-abc.js')).toMatchObject({
      ok: true,
      mimeType: 'text/javascript; charset=utf-8'
    })
    expect(await served('app://desk/assets/worker-1.js')).toMatchObject({ ok: true })
    expect(await served(`app://desk/assets/${encodeURIComponent('张三 报表.css')}`)).toMatchObject({
      ok: true,
      mimeType: 'text/css; charset=utf-8'
    })
    expect(mimeTypeOf('x.woff2')).toBe('font/woff2')
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream')
  })

  it('answers 404 for a missing file and for a folder', async () => {
    expect(await served('app://desk/nope.js')).toMatchObject({ ok: false, status: 404 })
    expect(await served('app://desk/assets')).toMatchObject({ ok: false, status: 404, reason: 'not-found' })
  })
})

describe('app:// protocol: traversal and other tricks are refused', () => {
  it.each([
    'app://desk/../secret.txt',
    'app://desk/assets/../../secret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/%2E%2E/%2e%2e/secret.txt',
    'app://desk/.%2e/secret.txt',
    'app://desk/..%2fsecret.txt',
    'app://desk/assets%2f..%2f..%2fsecret.txt',
    'app://desk/../renderer-secrets/key.txt'
  ])('%s never leaves the folder', async (url) => {
    const result = await served(url)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.status).not.toBe(200)
  })

  it.each([
    ['an encoded backslash', 'app://desk/..%5csecret.txt'],
    ['backslashes', 'app://desk/assets\\..\\..\\secret.txt'],
    ['a backslash after ..', 'app://desk/..\\secret.txt'],
    ['encoded dots and backslashes', 'app://desk/%2e%2e%5c%2e%2e%5csecret.txt'],
    ['an absolute POSIX path', `app://desk/${encodeURIComponent('/etc/passwd')}`],
    ['a double slash (empty segment)', 'app://desk//etc/passwd'],
    ['a Windows drive path', 'app://desk/C:/Windows/win.ini'],
    ['an encoded drive path', 'app://desk/C%3A%5CWindows%5Cwin.ini'],
    ['a UNC path', 'app://desk/%5c%5cserver%5cshare%5cx.js'],
    ['an alternate data stream', 'app://desk/index.html:stream'],
    ['a NUL byte', 'app://desk/index.html%00.js'],
    ['a raw control character', 'app://desk/index%0a.html'],
    ['a Windows device name', 'app://desk/CON'],
    ['a device name with an extension', 'app://desk/assets/nul.js'],
    ['COM¹', `app://desk/${encodeURIComponent('COM¹')}`],
    ['CONIN$', 'app://desk/CONIN$'],
    ['a trailing dot (Windows drops it)', 'app://desk/index.html.'],
    ['a lone dot segment', 'app://desk/./index.html/.']
  ])('%s is refused', async (_what, url) => {
    expect(await served(url)).toMatchObject({ ok: false, status: 403, reason: 'bad-path' })
  })

  it('refuses percent-encoding that does not decode', async () => {
    expect(await served('app://desk/%E0%A4%A.js')).toMatchObject({
      ok: false,
      status: 400,
      reason: 'bad-url'
    })
  })

  it.each([
    'file:///etc/passwd',
    'http://desk/index.html',
    'app://evil/index.html',
    'app://desk:8080/index.html',
    'app://user:pw@desk/index.html',
    'not a url'
  ])('refuses %s (another origin)', async (url) => {
    const result = await served(url)
    expect(result.ok).toBe(false)
  })

  it('refuses a symlink that points out of the folder (file and directory)', async () => {
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'leak.js'))
    await symlink(join(base, 'renderer-secrets'), join(root, 'linked'))
    expect(await served('app://desk/assets/leak.js')).toMatchObject({
      ok: false,
      status: 403,
      reason: 'outside'
    })
    expect(await served('app://desk/linked/key.txt')).toMatchObject({
      ok: false,
      status: 403,
      reason: 'outside'
    })
  })

  it('follows a symlink that stays inside, and serves a folder that is itself reached through a link', async () => {
    await symlink(join(root, 'index.html'), join(root, 'assets', 'again.html'))
    expect(await served('app://desk/assets/again.html')).toMatchObject({ ok: true })
    const viaLink = join(base, 'current')
    await symlink(root, viaLink)
    expect(await resolveAppAsset(viaLink, APP_INDEX_URL)).toMatchObject({ ok: true })
    expect(await resolveAppAsset(viaLink, 'app://desk/../secret.txt')).toMatchObject({ ok: false })
  })

  it('refuses what is not a regular file (a named pipe would hang a reader)', async () => {
    execFileSync('mkfifo', [join(root, 'assets', 'pipe.js')]) // Linux CI and dev machines
    expect(await served('app://desk/assets/pipe.js')).toMatchObject({ ok: false, status: 404 })
  })

  it('splits only on real separators: segments come back decoded', () => {
    expect(appRequestSegments('app://desk/assets/%E5%BC%A0.js')).toEqual({
      ok: true,
      segments: ['assets', '张.js']
    })
  })
})
