import { useState } from 'react'
import { Alert, Button, Card, Checkbox, Radio, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportUpdateMode } from '@/db'
import { FileInfo } from './FileInfo'
import { MappingTable } from './MappingTable'
import { PreviewCounts } from './PreviewCounts'
import { ProblemRowsButton } from './ProblemRowsButton'
import { RowReport } from './RowReport'
import { importMessageText } from './importText'
import type { RecheckChange } from './useImportWizard'
import type { RosterView } from './workerProtocol'

type Props = {
  fileName: string
  roster: RosterView
  checking: boolean
  alert?: string
  onRecheck: (change: RecheckChange) => void
  onConfirm: (choice: { updateExisting: boolean; mode: ImportUpdateMode }) => void
  onAnotherFile: () => void
  onProblemRows: (reasons: [number, string][], reasonHeader: string) => Promise<Uint8Array>
}

/** 核对与预览: what was detected, the column mapping (correctable), the counts and the per-row report,
 *  the choice about existing customers, and 确认导入 — the only button that writes. */
export function ReviewStep({
  fileName,
  roster,
  checking,
  alert,
  onRecheck,
  onConfirm,
  onAnotherFile,
  onProblemRows
}: Props) {
  const { t } = useTranslation()
  const [updateExisting, setUpdateExisting] = useState(false)
  const [withoutPhone, setWithoutPhone] = useState(false)
  const [mode, setMode] = useState<ImportUpdateMode>('fill')
  const preview = roster.preview
  const counts = preview?.counts
  const toCreate = counts?.new ?? 0
  const toUpdate = updateExisting ? (counts?.update ?? 0) : 0
  const notImported = (counts?.total ?? 0) - toCreate - toUpdate

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {alert && <Alert type="warning" showIcon title={alert} data-testid="import-alert" />}
      <FileInfo
        fileName={fileName}
        roster={roster}
        disabled={checking}
        onHeaderRow={(headerRow) => onRecheck({ headerRow })}
        onAnotherFile={onAnotherFile}
      />
      <Card size="small" title={t('customerImport.mapping.title')}>
        <Typography.Paragraph type="secondary">{t('customerImport.mapping.hint')}</Typography.Paragraph>
        <MappingTable roster={roster} disabled={checking} onChange={(mapping) => onRecheck({ mapping })} />
      </Card>
      <Spin spinning={checking} description={t('customerImport.checking')}>
        <Space
          orientation="vertical"
          size={12}
          style={{ width: '100%' }}
          data-testid="import-preview"
          data-checking={checking ? 'true' : 'false'}
        >
          {preview?.notices.map((n, i) => (
            <Alert
              key={i}
              type={n.code === 'blankRowsSkipped' ? 'info' : 'warning'}
              showIcon
              title={importMessageText(t, n)}
              data-testid="import-notice"
            />
          ))}
          {counts && <PreviewCounts counts={counts} />}
          <Card size="small" title={t('customerImport.report.title')}>
            <RowReport rows={preview?.rows ?? []} />
            <div style={{ marginTop: 8 }}>
              <ProblemRowsButton
                fileName={fileName}
                rows={preview?.rows ?? []}
                disabled={checking}
                build={onProblemRows}
              />
            </div>
          </Card>
          <Card size="small">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Checkbox
                checked={withoutPhone}
                disabled={checking}
                onChange={(e) => {
                  setWithoutPhone(e.target.checked)
                  onRecheck({ withoutPhone: e.target.checked })
                }}
                data-testid="import-without-phone"
              >
                {t('customerImport.options.withoutPhone')}
              </Checkbox>
              <Typography.Text type="secondary">
                {t('customerImport.options.withoutPhoneHint')}
              </Typography.Text>
            </Space>
          </Card>
          <Card size="small">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Checkbox
                checked={updateExisting}
                onChange={(e) => setUpdateExisting(e.target.checked)}
                data-testid="update-existing"
              >
                {t('customerImport.options.updateExisting')}
              </Checkbox>
              {updateExisting ? (
                <>
                  <Radio.Group
                    value={mode}
                    onChange={(e) => setMode(e.target.value as ImportUpdateMode)}
                    style={{ paddingLeft: 24 }}
                  >
                    <Space orientation="vertical">
                      <Radio value="fill">{t('customerImport.options.fill')}</Radio>
                      <Radio value="overwrite">{t('customerImport.options.overwrite')}</Radio>
                    </Space>
                  </Radio.Group>
                  <Typography.Text type="secondary" style={{ paddingLeft: 24 }}>
                    {t('customerImport.options.rule')}
                  </Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">{t('customerImport.options.updateHint')}</Typography.Text>
              )}
            </Space>
          </Card>
          <Space>
            <Button
              type="primary"
              size="large"
              disabled={checking || !counts || toCreate + toUpdate === 0}
              onClick={() => onConfirm({ updateExisting, mode })}
            >
              {t('customerImport.confirm')}
            </Button>
            <Typography.Text data-testid="import-summary">
              {counts && toCreate + toUpdate === 0
                ? t('customerImport.nothing')
                : t('customerImport.summary', { create: toCreate, update: toUpdate, skip: notImported })}
            </Typography.Text>
          </Space>
        </Space>
      </Spin>
    </Space>
  )
}
