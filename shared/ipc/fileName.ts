import { z } from 'zod'

// A file name the renderer suggests for a saved PDF. Main joins it to the user's Documents folder
// as the save dialog's default, so it must never be a path: no separators, no '..', nothing that
// Windows refuses in a file name (<>:"/\|?* and control characters, reserved device names).

const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/
/** CON.pdf, nul.pdf, COM1.pdf … are devices on Windows, not files. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i

export const pdfFileNameSchema = z
  .string()
  .min(1, 'validation.required')
  .max(80, 'validation.tooLong')
  .refine((name) => !WINDOWS_FORBIDDEN.test(name), 'validation.fileName')
  // A leading dot would make '..pdf'-style or hidden names; a leading space is invisible to staff.
  .refine((name) => /^[^.\s]/.test(name), 'validation.fileName')
  .refine((name) => /[^.\s]\.pdf$/i.test(name), 'validation.fileName')
  .refine((name) => !WINDOWS_RESERVED.test(name), 'validation.fileName')
