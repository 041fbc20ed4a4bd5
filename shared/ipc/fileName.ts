import { z } from 'zod'
import { hasInvisibleChars } from './invisibleChars'
import { isReservedWindowsName } from './windowsNames'

// A file name the renderer suggests for a saved PDF. Main joins it to the user's Documents folder
// as the save dialog's default, so it must never be a path: no separators, no '..', nothing that
// Windows refuses in a file name (<>:"/\|?*), no reserved device name (CON.pdf, COM¹.pdf,
// CONIN$.pdf … open a device, not a file) and nothing invisible (a right-to-left override makes
// "fdp.exe" look like another name).

const WINDOWS_FORBIDDEN = /[<>:"/\\|?*]/

export const pdfFileNameSchema = z
  .string()
  .min(1, 'validation.required')
  .max(80, 'validation.tooLong')
  .refine((name) => !hasInvisibleChars(name), 'validation.invisibleChars')
  .refine((name) => !WINDOWS_FORBIDDEN.test(name), 'validation.fileName')
  // A leading dot would make '..pdf'-style or hidden names; a leading space is invisible to staff.
  .refine((name) => /^[^.\s]/.test(name), 'validation.fileName')
  .refine((name) => /[^.\s]\.pdf$/i.test(name), 'validation.fileName')
  .refine((name) => !isReservedWindowsName(name), 'validation.fileNameReserved')
