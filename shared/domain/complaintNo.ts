// Human-readable complaint numbers: TS-<store-local date>-<device code>-<daily sequence>.
// The device code makes numbers unique when two PCs register complaints offline on the same day;
// the sequence is per device per day.

export function formatComplaintNo(day: string, deviceCode: string, seq: number): string {
  if (!/^\d{8}$/.test(day)) throw new Error(`day must be YYYYMMDD: ${day}`)
  return `TS-${day}-${deviceCode}-${String(seq).padStart(3, '0')}`
}

export function parseComplaintNo(no: string): { day: string; deviceCode: string; seq: number } | null {
  const match = /^TS-(\d{8})-([A-Z][0-9A-Z])-(\d{3,})$/.exec(no)
  if (!match) return null
  return { day: match[1] as string, deviceCode: match[2] as string, seq: Number(match[3]) }
}
