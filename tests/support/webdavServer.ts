import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// A REAL WebDAV server for the tests: Debian's Apache httpd with mod_dav / mod_dav_fs, started on
// 127.0.0.1 with a free port, a temp DocumentRoot and DAV lock database, basic auth from an htpasswd
// file, and a config file the test owns (nothing of the system's /etc/apache2 is read). .ci/run installs
// apache2 when it is missing; without it every test that needs the server FAILS (never skips).
//
// The share is served at http://127.0.0.1:<port>/share/ — `root` is that folder on disk, so a test can
// look at what the server really stored, and rename it to make the share vanish.
//
// 507 comes from the server itself: a mod_rewrite rule answers every PUT / MOVE / MKCOL with 507
// Insufficient Storage while the flag file `quota-full` exists (`setQuotaFull`), exactly the status
// mod_dav_fs sends when its disk is full.

export const APACHE_BIN = process.env.APACHE2_BIN ?? '/usr/sbin/apache2'
const MODULES = process.env.APACHE2_MODULES ?? '/usr/lib/apache2/modules'

export interface WebdavServer {
  /** http://127.0.0.1:<port>/share/ */
  readonly url: string
  readonly origin: string
  readonly port: number
  readonly user: string
  readonly password: string
  /** the share folder on disk (the server's /share/) */
  readonly root: string
  /** the server's temp folder (config, logs, lock DB) */
  readonly base: string
  /** stops Apache (SIGTERM, waits for it to exit) — the port stays this server's */
  stop(): Promise<void>
  /** starts it again on the same port */
  start(): Promise<void>
  /** kills Apache at once (SIGKILL on the whole process group: a crash, no clean-up) */
  kill(): Promise<void>
  setQuotaFull(full: boolean): Promise<void>
  /** the user's password changes on the server (read by Apache on every request) */
  setPassword(password: string): void
  /** stops and removes everything */
  close(): Promise<void>
  /** the error log, for a failing test's message */
  log(): Promise<string>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function requireApache(): void {
  if (!existsSync(APACHE_BIN))
    throw new Error(
      `The WebDAV tests need Apache httpd with mod_dav at ${APACHE_BIN} (Debian: apt-get install apache2 ` +
        `apache2-utils; .ci/run installs it). They fail rather than skip.`
    )
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0

async function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function startWebdavServer(
  opts: { user?: string; password?: string } = {}
): Promise<WebdavServer> {
  requireApache()
  const user = opts.user ?? 'kefu'
  let password = opts.password ?? `pw-${Math.random().toString(36).slice(2)}`
  const base = await mkdtemp(join(tmpdir(), 'desk-webdav-'))
  const docs = join(base, 'docs')
  const root = join(docs, 'share')
  const locks = join(base, 'locks')
  await mkdir(root, { recursive: true })
  await mkdir(locks)
  // htpasswd's bcrypt entry (apache2-utils); the password never appears in the config.
  const htpasswd = join(base, 'htpasswd')
  execFileSync('htpasswd', ['-cbB', htpasswd, user, password], { stdio: 'ignore' })
  const flag = join(base, 'quota-full')
  const port = await freePort()
  const asRoot = isRoot()
  const conf = join(base, 'httpd.conf')
  const mod = (name: string, file: string) => `LoadModule ${name} ${MODULES}/${file}`
  await writeFile(
    conf,
    [
      `ServerRoot ${base}`,
      'ServerName 127.0.0.1',
      `Listen 127.0.0.1:${port}`,
      `PidFile ${join(base, 'httpd.pid')}`,
      `DefaultRuntimeDir ${base}`,
      `ErrorLog ${join(base, 'error.log')}`,
      'LogLevel warn',
      // Apache refuses to serve as root: under root (CI containers) its workers run as nobody.
      ...(asRoot ? ['User nobody', 'Group nogroup'] : []),
      'Timeout 60',
      'KeepAlive On',
      mod('mpm_event_module', 'mod_mpm_event.so'),
      mod('authn_core_module', 'mod_authn_core.so'),
      mod('authn_file_module', 'mod_authn_file.so'),
      mod('authz_core_module', 'mod_authz_core.so'),
      mod('authz_user_module', 'mod_authz_user.so'),
      mod('auth_basic_module', 'mod_auth_basic.so'),
      mod('rewrite_module', 'mod_rewrite.so'),
      mod('dav_module', 'mod_dav.so'),
      mod('dav_fs_module', 'mod_dav_fs.so'),
      `DavLockDB ${join(locks, 'DavLock')}`,
      `DocumentRoot ${docs}`,
      'RewriteEngine On',
      `RewriteCond ${flag} -f`,
      'RewriteCond %{REQUEST_METHOD} ^(PUT|MOVE|MKCOL|COPY)$',
      'RewriteRule ^ - [R=507]',
      `<Directory ${docs}>`,
      '  Dav On',
      '  Options None',
      '  AllowOverride None',
      '  AuthType Basic',
      '  AuthName "kefu"',
      `  AuthUserFile ${htpasswd}`,
      '  Require valid-user',
      '</Directory>',
      ''
    ].join('\n')
  )
  if (asRoot) {
    await chmod(base, 0o755) // the workers (nobody) pass through it to the share and the htpasswd file
    for (const dir of [docs, root, locks]) await chown(dir, 65534, 65534)
  }

  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  let stderr = ''

  async function start(): Promise<void> {
    if (child) return
    stderr = ''
    const proc = spawn(APACHE_BIN, ['-f', conf, '-DFOREGROUND'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true
    })
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child = proc
    exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
    let gone = false
    void exited.then(() => {
      gone = true
      if (child === proc) child = null
    })
    for (let i = 0; i < 400; i++) {
      if (gone) throw new Error(`apache2 exited at start: ${stderr}\n${await readLog()}`)
      if (await canConnect(port)) return
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`apache2 did not listen on ${port}: ${stderr}`)
  }

  async function signal(sig: NodeJS.Signals): Promise<void> {
    const proc = child
    if (!proc?.pid) return
    try {
      process.kill(-proc.pid, sig) // the whole group: the parent and its workers
    } catch {
      // already gone
    }
    await exited
    child = null
    // Workers killed with the parent may hold the port a moment longer.
    for (let i = 0; i < 200 && (await canConnect(port)); i++) await new Promise((r) => setTimeout(r, 25))
  }

  async function readLog(): Promise<string> {
    const { readFile } = await import('node:fs/promises')
    return readFile(join(base, 'error.log'), 'utf8').catch(() => '')
  }

  await start()
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/share/`,
    origin,
    port,
    user,
    get password() {
      return password
    },
    root,
    base,
    start,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    setPassword(next) {
      execFileSync('htpasswd', ['-bB', htpasswd, user, next], { stdio: 'ignore' })
      password = next
    },
    async setQuotaFull(full) {
      if (full) await writeFile(flag, '')
      else await rm(flag, { force: true })
    },
    async close() {
      await signal('SIGTERM')
      await rm(base, { recursive: true, force: true })
    },
    log: readLog
  }
}

let shares = 0
/** A fresh, empty share on the server: a new folder under /share/, owned by the server's user. */
export async function freshShare(server: WebdavServer): Promise<{ url: string; root: string }> {
  const name = `s${++shares}-${Date.now()}`
  const root = join(server.root, name)
  await mkdir(root)
  if (isRoot()) await chown(root, 65534, 65534)
  return { url: `${server.url}${name}/`, root }
}
