import { Button, Progress, Result, Space, Steps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { FileStep } from './FileStep'
import { ReviewStep } from './ReviewStep'
import { useImportWizard, type WizardStage } from './useImportWizard'

const STEP_INDEX: Record<WizardStage['step'], number> = { pick: 0, review: 1, writing: 2, done: 3 }

/** 导入客户 (/customers/import): choose a roster → check columns and the per-row report → 确认导入
 *  → progress → summary. Parsing and checking run in a Web Worker; writing is one transaction. */
export function ImportPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { stage, chooseFile, recheck, confirm, restart, problemRows } = useImportWizard()

  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: '100%', maxWidth: 1080 }}
      data-testid="import-page"
      data-step={stage.step}
    >
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('customerImport.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('customerImport.intro')}
      </Typography.Paragraph>
      <Steps
        size="small"
        current={STEP_INDEX[stage.step]}
        items={(['pick', 'review', 'write', 'done'] as const).map((k) => ({
          title: t(`customerImport.steps.${k}`)
        }))}
      />
      {stage.step === 'pick' && (
        <FileStep error={stage.error} reading={stage.reading} onFile={(f) => void chooseFile(f)} />
      )}
      {stage.step === 'review' && (
        <ReviewStep
          fileName={stage.fileName}
          roster={stage.roster}
          checking={stage.checking}
          alert={stage.alert}
          onRecheck={(change) => void recheck(change)}
          onConfirm={(choice) => void confirm(choice)}
          onAnotherFile={restart}
          onProblemRows={problemRows}
        />
      )}
      {stage.step === 'writing' && (
        <div data-testid="import-progress">
          <Progress
            percent={stage.total ? Math.floor((stage.done / stage.total) * 100) : 0}
            status="active"
          />
          <Typography.Text>
            {t('customerImport.writing', { done: stage.done, total: stage.total })}
          </Typography.Text>
        </div>
      )}
      {stage.step === 'done' && (
        <Result
          status="success"
          title={t('customerImport.done.title')}
          subTitle={
            <span data-testid="import-done">
              {t('customerImport.done.detail', { ...stage.outcome, skipped: stage.skipped })}
            </span>
          }
          extra={[
            <Button type="primary" key="back" onClick={() => navigate('/customers')}>
              {t('customerImport.done.back')}
            </Button>,
            <Button key="again" onClick={restart}>
              {t('customerImport.done.again')}
            </Button>
          ]}
        />
      )}
    </Space>
  )
}
