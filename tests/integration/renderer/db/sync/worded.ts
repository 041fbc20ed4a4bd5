import type { SyncProblem } from '@/db/sync/problems'
import { zhCN } from '@/i18n/zh-CN'

// The data layer reports codes; the sync page words them from the catalogue. Tests that check what a
// person reads add that sentence (zh-CN) next to the code.

export const worded = <T extends Pick<SyncProblem, 'code'>>(p: T): T & { message: string } => ({
  ...p,
  message: zhCN.syncPage.problem[p.code]
})

export const wordedReport = <T extends { problems: readonly SyncProblem[] }>(report: T) => ({
  ...report,
  problems: report.problems.map(worded)
})
