import { nanoid } from 'nanoid'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { wordingRulesSchema, type WordingRule } from '@shared/domain/wording'
import { cannedRepliesSchema, type CannedReply } from '@shared/domain/cannedReplies'
import { useData, useSession } from '@/app/session'
import { EditableListCard } from './EditableListCard'

/** 禁用语 and 标准用语: the handbook's lists, editable by a manager for the whole store. */
export function CustomerTextSettings() {
  const { t } = useTranslation()
  const data = useData()
  const staff = useSession((s) => s.staff)
  const rules = useLiveQuery(() => data.read.getWordingRules(), [data])
  const replies = useLiveQuery(() => data.read.getCannedReplies(), [data])
  const canEdit = staff?.role === 'manager'
  if (!rules || !replies || !staff) return null
  return (
    <>
      <EditableListCard<WordingRule>
        key={`w${rules.length}`}
        testId="wording-settings"
        title={t('settings.wordingRules')}
        rows={rules}
        columns={[
          { key: 'phrase', label: t('settings.phrase') },
          { key: 'suggestion', label: t('settings.suggestion'), wide: true }
        ]}
        schema={wordingRulesSchema as never}
        blank={() => ({ phrase: '', suggestion: '' })}
        canEdit={canEdit}
        onSave={(next) => data.write.saveWordingRules(staff.staffNo, next)}
      />
      <EditableListCard<CannedReply>
        key={`r${replies.length}`}
        testId="canned-reply-settings"
        title={t('settings.cannedReplies')}
        rows={replies}
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
