import type { z } from 'zod'
import { deskInputs, type DeskHandlers } from '@shared/ipc/contract'
import type { DeskIssue, DeskResult } from '@shared/ipc/errors'
import type { DeskMethodName } from '@shared/ipc/methods'
import { ShareServiceError } from './sync/shareError'
import { BackupServiceError } from './backup/backupService'

// The one entry point for every window.desk call, whatever the transport (Electron IPC in the
// app, loopback HTTP in the Chromium test host). It never throws and never rejects: the caller
// always gets a plain-data DeskResult that survives structured clone / JSON.

function isDeskMethod(method: unknown): method is DeskMethodName {
  // Own keys only: 'toString', '__proto__' etc. must not look like methods.
  return typeof method === 'string' && Object.hasOwn(deskInputs, method)
}

/** zod messages that are i18n keys pass through; zod's own English text must not reach the UI. */
function toIssue(issue: z.core.$ZodIssue): DeskIssue {
  return {
    path: issue.path.map(String).join('.'),
    message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid'
  }
}

export async function dispatch(
  handlers: DeskHandlers,
  method: unknown,
  rawArg: unknown
): Promise<DeskResult<unknown>> {
  if (!isDeskMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: 'ipc.unknownMethod' } }
  }

  const parsed = deskInputs[method].safeParse(rawArg)
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'ipc.invalidArgument',
        issues: parsed.error.issues.map(toIssue)
      }
    }
  }

  // The input matches deskInputs[method], which is exactly what handlers[method] accepts;
  // TypeScript cannot correlate the two through a union key, hence the widening cast.
  const handler = handlers[method] as (input: unknown) => Promise<unknown>
  try {
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    // Share failures are expected (a NAS goes away): the renderer needs their kind, not a generic error.
    if (error instanceof ShareServiceError)
      return { ok: false, error: { code: 'share', message: `share.${error.failure}` } }
    if (error instanceof BackupServiceError)
      return { ok: false, error: { code: 'backup', message: `backup.${error.failure}` } }
    // Full detail stays in the main-process log; the renderer only gets an i18n key.
    console.error(`[desk] ${method} failed:`, error)
    return { ok: false, error: { code: 'internal', message: 'ipc.internal' } }
  }
}
