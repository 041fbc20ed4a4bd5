import { useEffect, useState, type ReactNode } from 'react'
import { App, Button, Card, Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AboutInfo } from '@shared/ipc/contract'
import { callDesk } from '@/ipc/desk'
import { useData } from '@/app/session'
import { useSync } from '@/app/syncStore'
import { describeError } from '@/app/errors'

/**
 * 系统设置 → 关于 (issue 17 point 5): version, data folder, log folder, and 导出诊断信息 — one zip of
 * main's logs, versions, sync state and record counts (no customer data). `extraRows` is where the
 * backup slice adds 上次备份 (a row of its own, after the folders).
 */
export function AboutCard({
  extraRows = []
}: {
  extraRows?: { key: string; label: ReactNode; value: ReactNode }[]
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const [about, setAbout] = useState<AboutInfo | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    callDesk('getAboutInfo', undefined).then(
      (info) => {
        if (!cancelled) setAbout(info)
      },
      () => undefined
    )
    return () => {
      cancelled = true
    }
  }, [])

  const exportZip = async () => {
    setBusy(true)
    try {
      const counts = await data.read.diagnosticsCounts()
      const sync = useSync.getState()
      const result = await callDesk('exportDiagnostics', {
        schemaVersion: counts.schemaVersion,
        counts: counts.counts,
        sync: {
          state: sync.status.state,
          shareSet: sync.configured,
          encrypted: counts.encrypted,
          lastSyncedAt: sync.status.lastSyncedAt,
          pending: counts.pending,
          peers: counts.peers,
          problems: [...new Set(sync.status.problems.map((p) => p.kind))].slice(0, 50)
        }
      })
      if (result.saved && result.path) {
        setSaved(result.path)
        message.success(t('about.diagnosticsSaved'))
      }
    } catch (e) {
      message.error(describeError(e, t))
    } finally {
      setBusy(false)
    }
  }

  const rows = [
    { key: 'version', label: t('about.version'), value: about?.appVersion ?? '' },
    {
      key: 'dataDir',
      label: t('about.dataDir'),
      value: <Typography.Text copyable>{about?.dataDir ?? ''}</Typography.Text>
    },
    {
      key: 'logDir',
      label: t('about.logDir'),
      value: <Typography.Text copyable>{about?.logDir ?? ''}</Typography.Text>
    },
    ...extraRows
  ]
  return (
    <Card title={t('about.title')} data-testid="about-card">
      <Descriptions
        column={1}
        size="small"
        items={rows.map((r) => ({
          key: r.key,
          label: r.label,
          children: <span data-testid={`about-${r.key}`}>{r.value}</span>
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('about.diagnosticsHint')}
      </Typography.Paragraph>
      <Button onClick={() => void exportZip()} loading={busy}>
        {t('about.exportDiagnostics')}
      </Button>
      {saved && (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="diagnostics-path">
          {t('about.savedTo', { path: saved })}
        </Typography.Paragraph>
      )}
    </Card>
  )
}
