// Punctuation patterns (zh-CN and en side by side): the full-width colon, brackets and list comma of
// zh-CN are words of the language, so they live here rather than glued into strings in components.
export const patternZh = {
  /** a label and its value: 上次同步：5 分钟前 */
  labelValue: '{{label}}：{{value}}',
  /** a heading with how many there are: 已隔离的文件（3） */
  counted: '{{title}}（{{count}}）',
  /** a text with a note after it: 张三（本机） */
  noted: '{{text}}（{{note}}）',
  /** a field that changed: 电话：138… → 139… */
  changed: '{{label}}：{{from}} → {{to}}',
  /** between the items of a list: 甲、乙、丙 */
  listSeparator: '、',
  /** between clauses: 姓名……；地址…… */
  clauseSeparator: '；',
  /** a note in brackets, where the text before it is styled apart: （05-01 10:00） */
  bracketed: '（{{note}}）',
  /** after a label, where the value is styled apart */
  colon: '：',
  /** a day and time, as dayjs formats it: 05月01日 10:00 */
  monthDayTime: 'MM月DD日 HH:mm'
}

export const patternEn: typeof patternZh = {
  labelValue: '{{label}}: {{value}}',
  counted: '{{title}} ({{count}})',
  noted: '{{text}} ({{note}})',
  changed: '{{label}}: {{from}} → {{to}}',
  listSeparator: ', ',
  clauseSeparator: '; ',
  bracketed: ' ({{note}})',
  colon: ': ',
  monthDayTime: 'MMM D, HH:mm'
}
