import { nanoid } from 'nanoid'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { wordingRulesSchema, type WordingRule } from '@shared/domain/wording'
import { cannedRepliesSchema, type CannedReply } from '@shared/domain/cannedReplies'
import { useData, useSession } from '@/app/session'
import { useStoredDraft } from '@/ui/storedDraft'
import { ChangedElsewhereNote } from './ChangedElsewhereNote'
import { EditableListCard } from './EditableListCard'

/** 禁用语 and 标准用语: the handbook's lists, editable by a manager for the whole store. */
export function CustomerTextSettings() {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const rules = useLiveQuery(() => data.read.getWordingRules(), [data])
  const replies = useLiveQuery(() => data.read.getCannedReplies(), [data])
  // A save here or on another PC starts a list afresh, unless it holds unsaved edits.
  const rulesDraft = useStoredDraft(rules)
  const repliesDraft = useStoredDraft(replies)
  const canEdit = staff?.role === 'manager'
  if (!rulesDraft.base || !repliesDraft.base || !staff) return null
  return (
    <>
      <ChangedElsewhereNote draft={rulesDraft} />
      <EditableListCard<WordingRule>
        key={rulesDraft.key}
        testId="wording-settings"
        title={t('settings.wordingRules')}
        rows={rulesDraft.base}
        onEdit={rulesDraft.edited}
        columns={[
          { key: 'phrase', label: t('settings.phrase') },
          { key: 'suggestion', label: t('settings.suggestion'), wide: true }
        ]}
        schema={wordingRulesSchema as never}
        blank={() => ({ phrase: '', suggestion: '' })}
        canEdit={canEdit}
        onSave={(next) => data.write.saveWordingRules(staff.staffNo, next)}
      />
      <ChangedElsewhereNote draft={repliesDraft} />
      <EditableListCard<CannedReply>
        key={repliesDraft.key}
        testId="canned-reply-settings"
        title={t('settings.cannedReplies')}
        rows={repliesDraft.base}
        onEdit={repliesDraft.edited}
        columns={[
          { key: 'title', label: t('settings.replyTitle') },
          { key: 'text', label: t('settings.replyText'), wide: true }
        ]}
        schema={cannedRepliesSchema as never}
        blank={() => ({ id: nanoid(8), title: '', text: '' })}
        canEdit={canEdit}
        onSave={(next) => data.write.saveCannedReplies(staff.staffNo, next)}
      />
    </>
  )
}
