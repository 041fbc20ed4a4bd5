/** A closed complaint as one line of a complaintDays row (complaintDayFamily.ts), for report tests. */
export const complaintDayLine = (id: string, receivedAt: number): string =>
  [
    id,
    `TS-${id}`,
    'closed',
    receivedAt,
    '',
    '',
    '',
    '',
    '',
    0,
    'cu',
    'quality',
    '家电部',
    '1001',
    'counter',
    '',
    '',
    ''
  ].join('\t')
