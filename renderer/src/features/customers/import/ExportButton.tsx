import { useState } from 'react'
import { App, Button } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { type CustomerFilter } from '@/db'
import { useData, useSession } from '@/app/session'
import { describeError } from '@/app/errors'
import { useCanUnmask } from '../usePrivacy'
import { downloadXlsx } from './download'
import { ImportWorker } from './workerClient'

/** 导出Excel for the filtered list. Phones are masked (138****5678) unless the person at the desk may
 *  see full numbers; the workbook is written in the import worker, and every export is recorded
 *  (who, when, how many, masked or not) before the file is handed over. */
export function ExportButton({ filter }: { filter: CustomerFilter }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const canUnmask = useCanUnmask()
  const [busy, setBusy] = useState(false)

  const run = async () => {
    if (!staff) return void message.warning(t('staff.mustPick'))
    setBusy(true)
    const worker = new ImportWorker()
    try {
      const masked = !canUnmask
      const [rows, people] = await Promise.all([data.read.allCustomers(filter), data.read.listStaff()])
      const live = rows.filter((c) => !c.mergedInto)
      const file = await worker.call({
        kind: 'export',
        rows: live,
        options: {
          masked,
          staffName: `${staff.staffNo} ${staff.name}`,
          clerks: new Map(people.map((p) => [p.staffNo, p.name]))
        },
        day: dayjs(data.now()).format('YYYY-MM-DD')
      })
      await data.write.recordExport(staff.staffNo, { count: live.length, masked })
      downloadXlsx(file.bytes, file.fileName)
      message.success(
        t('customerImport.export.done', {
          count: live.length,
          how: t(masked ? 'customerImport.export.masked' : 'customerImport.export.full')
        })
      )
    } catch (e) {
      message.error(t('customerImport.export.failed', { reason: describeError(e, t) }))
    } finally {
      worker.terminate()
      setBusy(false)
    }
  }

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="export-excel">
      {t('action.exportExcel')}
    </Button>
  )
}
