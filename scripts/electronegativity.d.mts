export interface Finding {
  check: string
  file: string
  line?: number
  message?: string
}
export interface AcceptedFinding {
  check: string
  file: string
  reason: string
}
export const SKIPPED_CHECKS: string[]
/** Rows `| \`CHECK\` | \`file\` | reason |` between the electronegativity:accepted markers. */
export function parseAccepted(markdown: string): AcceptedFinding[]
export function judgeFindings<F extends Finding>(
  findings: F[],
  accepted: AcceptedFinding[]
): { explained: F[]; unexplained: F[]; stale: AcceptedFinding[] }
export function findingsFromSarif(sarif: unknown): Required<Finding>[]
