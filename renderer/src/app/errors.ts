import type { TFunction } from 'i18next'
import { ZodError } from 'zod'
import {
  BackupRefusedError,
  AssignmentRefusedError,
  CallbackRefusedError,
  ClockRefusedError,
  ClosedDaysRefusedError,
  CounterRefusedError,
  CustomerRefusedError,
  DailyFiguresRefusedError,
  DeskLockRefusedError,
  DuplicateStaffNoError,
  HandoverRefusedError,
  ImportRefusedError,
  MergeRefusedError,
  NumberClashRefusedError,
  RetireRefusedError,
  ReturnRefusedError,
  RevisitRefusedError,
  RoleRefusedError,
  RevisitSettingsRefusedError,
  StaffPinRefusedError,
  StoreChoiceError,
  WorkflowRefusedError,
  WorkReportRefusedError
} from '@/db'
import { DeskCallError } from '@/ipc/desk'
import { importRefusalText } from '@/features/customers/import/importText'

// The data layer's refusals whose message is an i18n key and nothing more.
const KEYED_REFUSALS = [
  AssignmentRefusedError,
  CallbackRefusedError,
  ClockRefusedError,
  ClosedDaysRefusedError,
  CounterRefusedError,
  CustomerRefusedError,
  DailyFiguresRefusedError,
  DeskLockRefusedError,
  HandoverRefusedError,
  MergeRefusedError,
  NumberClashRefusedError,
  RetireRefusedError,
  ReturnRefusedError,
  RevisitRefusedError,
  RevisitSettingsRefusedError,
  RoleRefusedError,
  StaffPinRefusedError,
  StoreChoiceError,
  WorkflowRefusedError,
  WorkReportRefusedError
] as const

/** 数据备份's refusals (codes from the data layer), each with its literal key. */
const BACKUP_REFUSALS: Record<BackupRefusedError['refusal'], string> = {
  notBackup: 'backup.refused.notBackup',
  truncated: 'backup.refused.truncated',
  damaged: 'backup.refused.damaged',
  newerVersion: 'backup.refused.newerVersion',
  needsPassphrase: 'backup.refused.needsPassphrase',
  wrongPassphrase: 'backup.refused.wrongPassphrase',
  otherStore: 'backup.refused.otherStore',
  countsDiffer: 'backup.refused.countsDiffer',
  notManager: 'backup.refused.notManager',
  needsPassphraseToBackup: 'backup.refused.needsPassphraseToBackup',
  preRestoreFailed: 'backup.refused.preRestoreFailed',
  restoreFailed: 'backup.refused.restoreFailed',
  restoreInterrupted: 'backup.refused.restoreInterrupted'
}

/** A user-facing sentence for any error, in one place: typed refusals of the data layer and of main
 *  are translated from their keys, validation says its first message, anything else is summarised. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof DeskCallError) {
    // A refused argument with a reason of its own (a reserved file name …) says that reason.
    const first = error.error.issues?.[0]?.message
    if (
      error.error.code === 'invalid-argument' &&
      first?.startsWith('validation.') &&
      first !== 'validation.invalid'
    )
      return t(first)
    return t(error.error.message)
  }
  // Before CustomerRefusedError, which it extends: its sentence needs the phones it names.
  if (error instanceof ImportRefusedError) return importRefusalText(t, error)
  if (error instanceof BackupRefusedError) return t(BACKUP_REFUSALS[error.refusal])
  if (KEYED_REFUSALS.some((type) => error instanceof type)) return t((error as Error).message)
  if (error instanceof DuplicateStaffNoError) return t('staff.duplicate', { staffNo: error.staffNo })
  if (error instanceof ZodError) return t(error.issues[0]?.message ?? 'error.unexpected')
  const reason = error instanceof Error ? error.message : String(error)
  return t('error.unexpected', { reason })
}
