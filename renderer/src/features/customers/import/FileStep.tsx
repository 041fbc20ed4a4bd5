import { Alert, Space, Spin, Typography, Upload } from 'antd'
import { InboxOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { MAX_IMPORT_BYTES } from '@shared/import/fileKind'

type Props = { error?: string; reading?: string; onFile: (file: File) => void }

/** 选择文件: click or drop one roster. Any file is taken (not only .xlsx/.csv), so a wrong one gets
 *  a clear reason instead of being silently ignored; the reason stays until another file is chosen. */
export function FileStep({ error, reading, onFile }: Props) {
  const { t } = useTranslation()
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
      <Spin
        spinning={!!reading}
        description={reading ? t('customerImport.pick.reading', { fileName: reading }) : undefined}
      >
        <Upload.Dragger
          accept={{ format: '.xlsx,.csv', filter: 'native' }}
          multiple={false}
          showUploadList={false}
          disabled={!!reading}
          beforeUpload={(file) => {
            onFile(file)
            return Upload.LIST_IGNORE
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('customerImport.pick.drop')}</p>
          <Typography.Text type="secondary">
            {t('customerImport.pick.hint', { maxMb: MAX_IMPORT_BYTES / (1024 * 1024) })}
          </Typography.Text>
        </Upload.Dragger>
      </Spin>
    </Space>
  )
}
