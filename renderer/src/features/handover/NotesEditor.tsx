import { useState } from 'react'
import { Button, Card, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { HANDOVER_NOTES_MAX } from '@shared/domain/handover'
import { useData } from '@/app/session'
import { useAction } from '@/ui/useAction'

/** 备注: free text for the next shift. No maxLength on the box — a pasted 5 000 characters must not be
 *  cut silently; saving refuses with the count and the text stays where it is. */
export function NotesEditor({
  handoverId,
  notes,
  editable
}: {
  handoverId: string
  notes: string
  editable: boolean
}) {
  const { t } = useTranslation()
  const data = useData()
  const [text, setText] = useState(notes)
  const [error, setError] = useState<string | null>(null)
  const dirty = text !== notes
  // A refusal is said under the box, where the text stays to be corrected.
  const saving = useAction({ showError: setError })

  async function save(): Promise<void> {
    if (text.length > HANDOVER_NOTES_MAX) {
      setError(t('handover.notesTooLong', { count: text.length }))
      return
    }
    setError(null)
    await saving.run(
      (staff) => data.write.saveHandoverNotes(staff.staffNo, handoverId, text),
      'handover.notesSaved'
    )
  }

  return (
    <Card
      title={t('handover.section.notes')}
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="handover-notes"
    >
      {editable ? (
        <>
          <Input.TextArea
            value={text}
            status={error ? 'error' : undefined}
            autoSize={{ minRows: 3, maxRows: 12 }}
            placeholder={t('handover.notesPlaceholder')}
            aria-label={t('handover.section.notes')}
            onChange={(e) => setText(e.target.value)}
            data-testid="notes-input"
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 6 }}>
            <Typography.Text
              type={text.length > HANDOVER_NOTES_MAX ? 'danger' : 'secondary'}
              data-testid="notes-count"
            >
              {text.length} / {HANDOVER_NOTES_MAX}
            </Typography.Text>
            <Button onClick={() => void save()} disabled={!dirty} data-testid="notes-save">
              {t('handover.saveNotes')}
            </Button>
          </div>
          {error && (
            <Typography.Text type="danger" data-testid="notes-error">
              {error}
            </Typography.Text>
          )}
        </>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {notes || t('handover.none')}
        </Typography.Paragraph>
      )}
    </Card>
  )
}
