// Text the app writes INTO records — a customer's 备注 after a merge or an import. It is the store's
// own content, not UI text: stored, synced to every PC and printed, so it is in the store's language
// (zh-CN) whatever the UI language of the PC that wrote it. The i18n catalogue is for what the screen
// says; these patterns are for what the record says.

export const RECORD_TEXT = {
  /** heads each 备注 line that keeps a value of a merged-away archive */
  mergedFrom: '【合并自 {{name}} ({{phone}})】',
  mergedFromNoPhone: '【合并自 {{name}}】',
  /** a field's label and the value kept */
  labelled: '{{label}}：{{value}}',
  /** an import's phones / tags beyond what the archive can hold */
  importedPhones: '导入的其他电话：{{list}}',
  importedTags: '导入的其他标签：{{list}}',
  listSeparator: '、'
} as const

export type RecordTextKey = Exclude<keyof typeof RECORD_TEXT, 'listSeparator'>

/** The pattern with its {{params}} filled in. */
export function recordText(key: RecordTextKey, params: Record<string, string>): string {
  return RECORD_TEXT[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole)
}

/** Items of a list, as the record writes them. */
export const recordList = (items: readonly string[]): string => items.join(RECORD_TEXT.listSeparator)
