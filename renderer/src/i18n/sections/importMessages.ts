// The roster import's row report and file messages (zh-CN and en side by side), by the codes of
// shared/import/messages.ts: customerImport.message.<code> and customerImport.field.<field>.
// Templates use {{param}} placeholders; both languages use the same ones (tested).
import type { ImportField, Templates } from '@shared/import/messages'

export const importFieldsZh: Record<ImportField, string> = {
  name: '姓名',
  phone: '联系电话',
  gender: '性别',
  birthday: '生日',
  address: '地址',
  memberNo: '会员卡号',
  tier: '客户等级',
  credit: '信用等级',
  tags: '标签',
  needs: '特殊需求',
  source: '来源',
  notes: '备注'
}

export const importFieldsEn: typeof importFieldsZh = {
  name: 'Name',
  phone: 'Phone',
  gender: 'Gender',
  birthday: 'Birthday',
  address: 'Address',
  memberNo: 'Member card no.',
  tier: 'Tier',
  credit: 'Credit grade',
  tags: 'Tags',
  needs: 'Special needs',
  source: 'Source',
  notes: 'Notes'
}

// A problem's template says only what is wrong, without a full stop: what happens to the row
// (customerImport.fate.*) is said after it, and depends on the row (shared/import findingFate).
export const importMessagesZh: Templates = {
  emptyFile: '文件是空的，没有可导入的内容。',
  fileTooLarge: '文件太大（{{sizeMb}} MB），最多只能导入 {{maxMb}} MB。请把花名册分成几个文件分别导入。',
  legacyXls:
    '这是旧版 Excel（.xls）文件或设了密码的 Excel 文件，不能直接导入。请用 Excel 打开，取消密码后选择“另存为”→“Excel 工作簿 (*.xlsx)”，再导入新文件。',
  notASpreadsheet: '“{{fileName}}”不是表格文件。请选择 .xlsx 或 .csv 格式的客户花名册。',
  unreadableXlsx: '无法读取“{{fileName}}”，文件可能已损坏。请用 Excel 打开后重新保存为 .xlsx 再导入。',
  noColumns: '没有找到可识别的列。文件里的表头是：{{headers}}。表头需要有“姓名”“联系电话”等列名。',
  missingColumn: '没有找到“{{field}}”列，请在下方指定哪一列是{{field}}。',
  noDataRows: '表头下面没有客户数据。',
  blankRowsSkipped: '已跳过 {{count}} 个空行。',
  missingName: '第 {{row}} 行：没有填写姓名',
  missingPhone: '第 {{row}} 行：没有填写联系电话',
  invalidPhone: '第 {{row}} 行：联系电话“{{value}}”不是有效的手机号或座机号',
  scientificNotation:
    '第 {{row}} 行：{{field}}“{{value}}”被 Excel 显示成了科学计数法，号码已不完整。请把该列设为“文本”格式并补全号码后重新导入',
  tooManyPhones: '第 {{row}} 行：有 {{count}} 个联系电话，最多只能有 {{max}} 个',
  duplicateInFile: '第 {{row}} 行：联系电话 {{phone}} 与第 {{firstRow}} 行重复',
  conflictingCustomers:
    '第 {{row}} 行：联系电话 {{phone}} 属于已有客户“{{name}}”，联系电话 {{otherPhone}} 却属于已有客户“{{otherName}}”，无法确定是哪位客户',
  badDate: '第 {{row}} 行：{{field}}“{{value}}”不是有效的日期（应写成 1990-01-31 这样）',
  futureDate: '第 {{row}} 行：{{field}}“{{value}}”晚于今天',
  badTier: '第 {{row}} 行：客户等级“{{value}}”无法识别（可填 普通客户、会员、VIP、大客户）',
  badGender: '第 {{row}} 行：性别“{{value}}”无法识别（可填 男、女）',
  badCredit: '第 {{row}} 行：信用等级“{{value}}”无法识别（可填 A、B、C、D）',
  fieldTooLong: '第 {{row}} 行：{{field}}有 {{length}} 个字，最多只能有 {{max}} 个字',
  tooManyTags: '第 {{row}} 行：有 {{count}} 个标签，最多只能有 {{max}} 个',
  existingCustomer:
    '第 {{row}} 行：联系电话 {{phone}} 已有客户档案“{{name}}”。只有选择“更新已有客户”时才会用本行更新该档案。',
  duplicateOfSkippedRow:
    '第 {{row}} 行：联系电话 {{phone}} 与第 {{firstRow}} 行重复。第 {{firstRow}} 行不导入，所以本行照常导入；改好第 {{firstRow}} 行再导入时，它会作为已有客户。',
  fullWidthNormalised: '第 {{row}} 行：{{field}}“{{value}}”中的全角字符已转成半角：{{normalised}}。',
  leadingZeroRestored:
    '第 {{row}} 行：联系电话“{{value}}”少了开头的 0（Excel 把它当成了数字），已按 {{normalised}} 导入。'
}

export const importMessagesEn: typeof importMessagesZh = {
  emptyFile: 'The file is empty: there is nothing to import.',
  fileTooLarge:
    'The file is too large ({{sizeMb}} MB); at most {{maxMb}} MB can be imported. Split the roster into several files.',
  legacyXls:
    'This is an old Excel (.xls) or password-protected Excel file and cannot be imported directly. Open it in Excel, remove the password and use "Save As" → "Excel Workbook (*.xlsx)", then import the new file.',
  notASpreadsheet: '"{{fileName}}" is not a spreadsheet. Choose a customer roster in .xlsx or .csv format.',
  unreadableXlsx:
    '"{{fileName}}" cannot be read; the file may be damaged. Open it in Excel, save it again as .xlsx and retry.',
  noColumns:
    'No recognisable columns were found. The headers in the file are: {{headers}}. Columns such as "Name" and "Phone" are needed.',
  missingColumn: 'No "{{field}}" column was found. Choose below which column holds the {{field}}.',
  noDataRows: 'There are no customer rows below the header.',
  blankRowsSkipped: '{{count}} blank rows were skipped.',
  missingName: 'Row {{row}}: the name is missing',
  missingPhone: 'Row {{row}}: the phone is missing',
  invalidPhone: 'Row {{row}}: phone "{{value}}" is not a valid mobile or landline number',
  scientificNotation:
    'Row {{row}}: {{field}} "{{value}}" was turned into scientific notation by Excel and is incomplete. Format the column as Text, complete the number and import again',
  tooManyPhones: 'Row {{row}}: {{count}} phones; at most {{max}} are allowed',
  duplicateInFile: 'Row {{row}}: phone {{phone}} already appears in row {{firstRow}}',
  conflictingCustomers:
    'Row {{row}}: phone {{phone}} belongs to existing customer "{{name}}" but phone {{otherPhone}} belongs to existing customer "{{otherName}}"',
  badDate: 'Row {{row}}: {{field}} "{{value}}" is not a valid date (write it like 1990-01-31)',
  futureDate: 'Row {{row}}: {{field}} "{{value}}" is later than today',
  badTier: 'Row {{row}}: tier "{{value}}" is not recognised (use Regular, Member, VIP or Key account)',
  badGender: 'Row {{row}}: gender "{{value}}" is not recognised (use Male / Female, or M / F)',
  badCredit: 'Row {{row}}: credit grade "{{value}}" is not recognised (use A, B, C or D)',
  fieldTooLong: 'Row {{row}}: {{field}} has {{length}} characters; at most {{max}} are allowed',
  tooManyTags: 'Row {{row}}: {{count}} tags; at most {{max}} are allowed',
  existingCustomer:
    'Row {{row}}: phone {{phone}} already belongs to customer "{{name}}". That record is updated only if you choose to update existing customers.',
  duplicateOfSkippedRow:
    'Row {{row}}: phone {{phone}} already appears in row {{firstRow}}. Row {{firstRow}} is not imported, so this row is; once row {{firstRow}} is fixed and imported, it will match this customer.',
  fullWidthNormalised:
    'Row {{row}}: full-width characters in {{field}} "{{value}}" were converted: {{normalised}}.',
  leadingZeroRestored:
    'Row {{row}}: phone "{{value}}" had lost its leading 0 (Excel stored it as a number); imported as {{normalised}}.'
}
