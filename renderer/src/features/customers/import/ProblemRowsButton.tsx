import { Button, Space, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { PreviewRow } from '@shared/import/validateRows'
import { useAction } from '@/ui/useAction'
import { downloadXlsx } from './download'
import { problemFileName, problemReasons } from './problemRows'

type Props = {
  fileName: string
  rows: readonly PreviewRow[]
  disabled: boolean
  /** the workbook of these rows (row number → reason), built from the loaded file */
  build: (reasons: [number, string][], reasonHeader: string) => Promise<Uint8Array>
}

/** 下载问题行: the skipped and flagged rows as they were in the file, with the reason in a last
 *  column, saved the way 导出Excel saves (the browser download; Electron's main process asks where). */
export function ProblemRowsButton({ fileName, rows, disabled, build }: Props) {
  const { t } = useTranslation()
  const downloading = useAction({ staff: false, failure: 'customerImport.report.downloadFailed' })
  const reasons = problemReasons(t, rows)
  if (reasons.length === 0) return null

  const run = () =>
    downloading.run(
      async () => {
        const bytes = await build(reasons, t('customerImport.report.reasonHeader'))
        downloadXlsx(bytes, problemFileName(t, fileName))
        return reasons.length
      },
      (count) => t('customerImport.report.downloaded', { count })
    )

  return (
    <Space orientation="vertical" size={2}>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={downloading.busy}
        disabled={disabled}
        onClick={() => void run()}
        data-testid="download-problem-rows"
      >
        {t('customerImport.report.download')}
      </Button>
      <Typography.Text type="secondary">
        {t('customerImport.report.downloadHint', { count: reasons.length })}
      </Typography.Text>
    </Space>
  )
}
