import { Card, Col, Row, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportCounts } from '@shared/import'

const COLORS = { new: '#389e0d', update: '#1677ff', skip: '#cf1322', blank: '#8c8c8c' } as const

/** 新建 / 已有客户 / 跳过 / 空行 at a glance, and the sum they make: every row read is in one of them. */
export function PreviewCounts({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation()
  return (
    <div>
      <Row gutter={12} data-testid="import-counts">
        {(['new', 'update', 'skip', 'blank'] as const).map((k) => (
          <Col span={6} key={k}>
            <Card size="small">
              <Statistic
                title={t(`customerImport.counts.${k}`)}
                value={counts[k]}
                styles={{ content: { color: COLORS[k] } }}
                data-testid={`count-${k}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" data-testid="import-counts-sum">
        {t('customerImport.report.sum', { ...counts })}
      </Typography.Text>
    </div>
  )
}
