import { useEffect, useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { App, Button } from 'antd'
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { callDesk } from '@/ipc/desk'
import { savedPlace } from './savedPlace'
import { useAction } from '@/ui/useAction'
import { useData, useSession } from '@/app/session'
import './print.css'

interface PrintViewProps {
  /** names the print job and the PDF's title (document.title while the view is open) */
  title: string
  /** suggested file name for save-as-PDF, without '.pdf' */
  fileName: string
  onBack(): void
  /** runs right before printing, e.g. to stamp the printed-at time; its state updates are
   *  rendered before main prints (flushSync), so the paper shows them */
  onBeforeOutput?(): void
  /** what the 操作日志 records for a print or PDF: which form (a code), which record */
  audit: { form: PrintForm; record: string }
  children: ReactNode
}

/** The forms that print (操作日志 `printed`, worded as audit.forms.<form>). */
export type PrintForm = 'complaint' | 'handover' | 'callSheet' | 'counterStats' | 'counterWeekly' | 'reports'

/** One A4 sheet with a toolbar (打印 / 保存为PDF / 返回) that @media print hides. Printing goes
 *  through main (window.desk), which prints or renders this very window. */
export function PrintView({ title, fileName, onBack, onBeforeOutput, audit, children }: PrintViewProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [kind, setKind] = useState<'print' | 'pdf'>('print')
  const outputting = useAction({ staff: false })
  const data = useData()
  const busy = outputting.busy ? kind : null

  // Toasts left over from the page before would cover the sheet's heading; they mean nothing here.
  useEffect(() => message.destroy(), [message])

  useEffect(() => {
    const previous = document.title
    document.title = title
    return () => {
      document.title = previous
    }
  }, [title])

  async function output(to: 'print' | 'pdf'): Promise<void> {
    if (onBeforeOutput) flushSync(onBeforeOutput)
    setKind(to)
    await outputting.run(
      async () => {
        // 操作日志: who printed which form and record (the print itself is main's, so its own entry)
        const record = async () => {
          const staff = useSession.getState().staff
          if (staff) await data.write.recordPrint(staff.staffNo, { ...audit, to })
        }
        if (to === 'print') {
          await callDesk('printPage', { title: title.slice(0, 80) })
          await record()
          return null
        }
        const { saved, path } = await callDesk('savePdf', { suggestedName: `${fileName}.pdf` })
        if (saved) await record()
        return saved && path ? path : null
      },
      // the file's name and folder only: the full path is main's business and clutters the toast
      (path) => {
        if (!path) return null
        const { file, folder } = savedPlace(path)
        return folder ? t('print.savedTo', { file, folder }) : t('print.saved', { file })
      }
    )
  }

  return (
    <div className="print-view">
      {/* Back on the left, output on the right: toasts appear top centre (App.tsx) and must not cover them. */}
      <div className="print-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('print.back')}
        </Button>
        <span className="print-toolbar-gap" />
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          loading={busy === 'print'}
          disabled={busy !== null}
          onClick={() => void output('print')}
        >
          {t('print.print')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          loading={busy === 'pdf'}
          disabled={busy !== null}
          onClick={() => void output('pdf')}
        >
          {t('print.savePdf')}
        </Button>
      </div>
      <div className="print-sheet">{children}</div>
    </div>
  )
}
