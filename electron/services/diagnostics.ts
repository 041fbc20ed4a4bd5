import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { AboutInfo, AppInfo, DiagnosticsSummary } from '@shared/ipc/contract'
import { redactText } from '@shared/log/redact'
import type { LogService } from './logService'

// 系统设置 → 关于 and 导出诊断信息 (issue 17 point 5). The zip holds main's log files (redacted when
// written, and once more here in case a file came from elsewhere), versions.json (app, Electron,
// Chromium, Node, OS) and summary.json (record counts and the sync state, codes and numbers only:
// diagnosticsSummarySchema) — no customer data. Main picks the path through its own save dialog.

export interface DiagnosticsService {
  about(): AboutInfo
  /** null when the user cancelled the save dialog */
  exportZip(summary: DiagnosticsSummary): Promise<string | null>
}

export function diagnosticsFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `diagnostics-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.zip`
}

export function createDiagnosticsService(deps: {
  logs: LogService
  appInfo: AppInfo
  dataDir: string
  /** process.versions and the like: electron, chrome, node, os */
  versions: Record<string, string>
  /** main's save dialog; the suggested file name in, the chosen path (or null) out */
  pickSavePath: (suggestedName: string) => Promise<string | null>
  now?: () => Date
}): DiagnosticsService {
  const now = deps.now ?? (() => new Date())
  return {
    about: () => ({ appVersion: deps.appInfo.appVersion, dataDir: deps.dataDir, logDir: deps.logs.dir }),
    async exportZip(summary) {
      const target = await deps.pickSavePath(diagnosticsFileName(now()))
      if (!target) return null
      deps.logs.write('info', 'diagnostics', 'export requested')
      const files: Record<string, Uint8Array> = {}
      for (const file of deps.logs.files())
        files[`logs/${path.basename(file)}`] = strToU8(redactText(readFileSync(file, 'utf8')))
      files['versions.json'] = strToU8(
        JSON.stringify(
          {
            app: deps.appInfo.appVersion,
            platform: deps.appInfo.platform,
            host: deps.appInfo.host,
            ...deps.versions
          },
          null,
          2
        )
      )
      files['summary.json'] = strToU8(
        // codes and numbers only: diagnosticsSummarySchema let nothing else through
        JSON.stringify({ createdAt: now().toISOString(), ...summary }, null, 2)
      )
      writeFileSync(target, zipSync(files, { level: 6 }))
      return target
    }
  }
}
