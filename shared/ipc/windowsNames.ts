// Names Windows reserves for devices: CON, PRN, AUX, NUL, COM0–9, LPT0–9 (superscript ¹²³ too) and the
// console's CONIN$ / CONOUT$, in any case, with any extension ("nul.txt", "COM1.seg") and with trailing
// dots or spaces ("CON ."). Opening one opens the device, not a file, on the PC that reads it — so no
// share path, PDF name or other file name the app handles may be one (docs/sync-format.md §2).

const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|(com|lpt)[0-9\u00b9\u00b2\u00b3])$/i

/** True when `name` (one path segment) names a Windows device. */
export function isReservedWindowsName(name: string): boolean {
  const stem = name.split('.')[0]?.replace(/[ .]+$/, '') ?? ''
  return RESERVED.test(stem)
}
