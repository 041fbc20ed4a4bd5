import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import log from 'electron-log/node'
import { redactText, redactValue } from '@shared/log/redact'

// Main's log files (issue 17 point 5): <userData>/logs/desk.log, rotated at 5 MB into desk.1.log …
// desk.4.log (5 files at most, the oldest dropped), written by electron-log (its Node entry: no
// electron import here). Every message — main's own and the renderer's errors forwarded through the
// typed IPC (logRenderer) — passes shared/log/redact.ts first, so no customer name, phone number,
// card number or passphrase reaches a file.

export const LOG_FILE = 'desk.log'
export const LOG_MAX_BYTES = 5 * 1024 * 1024
export const LOG_FILES = 5

export type LogLevel = 'error' | 'warn' | 'info'

export interface LogService {
  readonly dir: string
  write(level: LogLevel, scope: string, message: string, details?: unknown): void
  /** the log files, newest first (desk.log, desk.1.log …) */
  files(): string[]
}

const rotated = (dir: string, i: number) => path.join(dir, i === 0 ? LOG_FILE : `desk.${i}.log`)

export function createLogService(options: {
  dir: string
  maxBytes?: number
  files?: number
  /** also print to the console (development) */
  console?: boolean
}): LogService {
  const { dir } = options
  const keep = options.files ?? LOG_FILES
  mkdirSync(dir, { recursive: true })
  const logger = log.create({ logId: `desk:${dir}` })
  logger.transports.console.level = options.console ? 'info' : false
  const file = logger.transports.file
  file.level = 'info'
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES
  file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}]{scope} {text}'
  file.resolvePathFn = () => rotated(dir, 0)
  // desk.log → desk.1.log → … → desk.<keep-1>.log; the oldest is dropped
  file.archiveLogFn = () => {
    rmSync(rotated(dir, keep - 1), { force: true })
    for (let i = keep - 2; i >= 0; i--)
      if (existsSync(rotated(dir, i))) renameSync(rotated(dir, i), rotated(dir, i + 1))
  }
  // the last step before any transport: everything is redacted, whoever logs it
  logger.hooks.push((message) => ({
    ...message,
    data: message.data.map((d) => (typeof d === 'string' ? redactText(d) : redactValue(d)))
  }))

  return {
    dir,
    write(level, scope, message, details) {
      const args: unknown[] = [`[${scope}] ${message}`]
      if (details !== undefined) args.push(details)
      logger[level](...args)
    },
    files() {
      const names = new Set(readdirSync(dir))
      const out: string[] = []
      for (let i = 0; i < keep; i++) {
        const name = path.basename(rotated(dir, i))
        if (names.has(name)) out.push(rotated(dir, i))
      }
      return out
    }
  }
}
