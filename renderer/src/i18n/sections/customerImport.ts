// customerImport texts (zh-CN and en side by side): 导入客户 (the roster wizard), 导出Excel and the
// import/export record. The per-row report's sentences, by code, are in importMessages.ts.
import { importFieldsEn, importFieldsZh, importMessagesEn, importMessagesZh } from './importMessages'

export const customerImportZh = {
  title: '导入客户',
  intro:
    '从门店原有的客户花名册（.xlsx 或 .csv）导入客户档案。导入前先显示预览和逐行检查结果，点“确认导入”之前不会写入任何数据。',
  steps: { pick: '选择文件', review: '核对与预览', write: '导入', done: '完成' },
  pick: {
    drop: '点击选择或把花名册文件拖到这里',
    hint: '支持 .xlsx 和 .csv（包括中文 Excel 另存的 GBK 编码 CSV），文件最大 {{maxMb}} MB',
    reading: '正在读取“{{fileName}}”…',
    another: '换一个文件'
  },
  file: {
    name: '文件',
    kind: '格式',
    encoding: '编码',
    sheet: '工作表',
    headerRow: '表头在第几行',
    rows: '数据行数',
    /** 数据行数: the data rows, the blank rows and the rows read, which add up */
    rowsSum: '{{data}}（另有空行 {{blank}} 行；表头下共读取 {{lines}} 行）'
  },
  kind: { xlsx: 'Excel 工作簿 (.xlsx)', csv: 'CSV 文本文件' },
  encoding: {
    'utf-8-bom': 'UTF-8（带 BOM）',
    'utf-8': 'UTF-8',
    gb18030: 'GBK（中文 Excel 另存的 CSV）',
    'utf-16le': 'UTF-16（Unicode 文本）',
    'utf-16be': 'UTF-16 BE'
  },
  mapping: {
    title: '列的对应',
    hint: '请核对每一列导入为哪一项；识别得不对可以在右边改，改后会重新检查。',
    column: '列',
    header: '表头',
    sample: '第一行数据',
    field: '导入为',
    skip: '不导入'
  },
  counts: { new: '新建', update: '已有客户', skip: '跳过', blank: '空行' },
  report: {
    title: '逐行检查结果',
    problems: '跳过的行',
    all: '所有有提示的行',
    none: '没有需要注意的行',
    status: { new: '新建', update: '已有', skip: '跳过' },
    /** under the counts: they add up to the rows read */
    sum: '数据行 {{total}} = 新建 {{new}} + 已有客户 {{update}} + 跳过 {{skip}}；另有空行 {{blank}} 行；表头下共读取 {{lines}} 行。',
    download: '下载问题行',
    downloadHint:
      '跳过的行和有项目留空的行（{{count}} 行）原样列出，最后一列写明原因。改好后再导入这个文件即可；已导入的行要补全信息，请勾选“更新已有客户”。',
    downloaded: '已下载 {{count}} 个问题行',
    downloadFailed: '下载问题行失败：{{reason}}',
    /** the problem-rows workbook: its file name and its last column */
    fileName: '{{name}}-问题行.xlsx',
    reasonHeader: '问题说明'
  },
  options: {
    updateExisting: '更新已有客户',
    updateHint: '不勾选时，联系电话已在档案中的行不会导入，已有档案保持不变。',
    fill: '只补充已有档案中空白的信息',
    overwrite: '用文件中的内容覆盖已有档案中的信息',
    rule: '联系电话和标签只增加、不删除；备注追加在原备注后面；文件中空白的格子不会清空已有信息。',
    withoutPhone: '没有有效联系电话的行也导入（联系电话留空）',
    withoutPhoneHint: '不勾选时，没有填写联系电话或联系电话无效的行不导入。'
  },
  summary: '将新建 {{create}} 位客户，更新 {{update}} 位已有客户，不导入 {{skip}} 行。',
  confirm: '确认导入',
  checking: '正在检查…',
  writing: '正在导入，请稍候… {{done}} / {{total}}',
  nothing: '没有可以导入的行',
  done: {
    title: '导入完成',
    detail: '新建 {{created}} 位客户，更新 {{updated}} 位已有客户，未导入 {{skipped}} 行。',
    back: '返回客户列表',
    again: '继续导入其他文件'
  },
  refused: {
    /** the phones named by phonesTaken, when there are more than it names */
    andMore: '{{list}} 等',
    phonesTaken:
      '导入已取消，没有写入任何数据：以下电话刚刚已有客户档案（可能是别的电脑同步过来的）：{{list}}。已重新检查，请核对预览后再确认导入。',
    customerGone:
      '导入已取消，没有写入任何数据：要更新的 {{count}} 位客户的档案已不存在（可能在别的电脑上删除了）。已重新检查，请核对预览后再确认导入。'
  },
  failed: '导入失败，没有写入任何数据：{{reason}}',
  readFailed: '读取文件时出错：{{reason}}',
  message: importMessagesZh,
  /** after a row's problem (customerImport.message.*): what happens to the row */
  fate: {
    skipRow: '{{problem}}，本行不导入。',
    leaveBlank: '{{problem}}，该项留空，本行其余信息照常导入。',
    noPhone: '{{problem}}，本行导入为没有联系电话的客户。'
  },
  field: importFieldsZh,
  export: {
    busy: '正在导出…',
    done: '已导出 {{count}} 位客户（{{how}}）',
    masked: '号码已隐藏',
    full: '完整号码',
    failed: '导出失败：{{reason}}'
  },
  audit: {
    title: '客户导入导出记录',
    hint: '每次导入客户和导出Excel都会记录操作人、时间和数量。',
    empty: '还没有导入或导出记录',
    who: '操作人',
    when: '时间',
    what: '内容',
    imported: '导入客户：新建 {{created}} 位，更新 {{updated}} 位',
    exported: '导出Excel：{{count}} 位客户',
    masked: '号码已隐藏',
    full: '完整号码'
  }
}

export const customerImportEn: typeof customerImportZh = {
  title: 'Import customers',
  intro:
    'Import the store\'s existing customer roster (.xlsx or .csv). You see a preview and a row-by-row check first; nothing is written until you click "Confirm import".',
  steps: { pick: 'Choose file', review: 'Check and preview', write: 'Import', done: 'Done' },
  pick: {
    drop: 'Click or drag the roster file here',
    hint: '.xlsx and .csv (including GBK CSV saved by Chinese Excel), at most {{maxMb}} MB',
    reading: 'Reading "{{fileName}}"…',
    another: 'Choose another file'
  },
  file: {
    name: 'File',
    kind: 'Format',
    encoding: 'Encoding',
    sheet: 'Worksheet',
    headerRow: 'Header row',
    rows: 'Data rows',
    rowsSum: '{{data}} (plus {{blank}} blank; {{lines}} rows read below the header)'
  },
  kind: { xlsx: 'Excel workbook (.xlsx)', csv: 'CSV text' },
  encoding: {
    'utf-8-bom': 'UTF-8 (with BOM)',
    'utf-8': 'UTF-8',
    gb18030: 'GBK (CSV saved by Chinese Excel)',
    'utf-16le': 'UTF-16 (Unicode text)',
    'utf-16be': 'UTF-16 BE'
  },
  mapping: {
    title: 'Columns',
    hint: 'Check what each column is imported as; correct it here if needed and the rows are checked again.',
    column: 'Column',
    header: 'Header',
    sample: 'First row',
    field: 'Import as',
    skip: 'Do not import'
  },
  counts: { new: 'New', update: 'Existing', skip: 'Skipped', blank: 'Blank rows' },
  report: {
    title: 'Row-by-row check',
    problems: 'Skipped rows',
    all: 'All rows with notes',
    none: 'Nothing to note',
    status: { new: 'New', update: 'Existing', skip: 'Skipped' },
    sum: '{{total}} data rows = {{new}} new + {{update}} existing + {{skip}} skipped; plus {{blank}} blank; {{lines}} rows read below the header.',
    download: 'Download problem rows',
    downloadHint:
      'The skipped rows and the rows with a field left blank ({{count}}), as they were, with the reason in the last column. Fix them and import that file again; to complete rows already imported, tick "Update existing customers".',
    downloaded: '{{count}} problem rows downloaded',
    downloadFailed: 'Problem rows could not be downloaded: {{reason}}',
    fileName: '{{name}}-problem rows.xlsx',
    reasonHeader: 'Problem'
  },
  options: {
    updateExisting: 'Update existing customers',
    updateHint:
      'Unticked, rows whose phone is already on file are not imported and those records stay as they are.',
    fill: 'Only fill in what existing records leave blank',
    overwrite: "Replace existing information with the file's",
    rule: 'Phones and tags are only added, never removed; notes are appended; blank cells never clear anything.',
    withoutPhone: 'Also import rows without a valid phone (phone left blank)',
    withoutPhoneHint: 'Unticked, rows whose phone is missing or not valid are not imported.'
  },
  summary: '{{create}} new customers, {{update}} existing customers updated, {{skip}} rows not imported.',
  confirm: 'Confirm import',
  checking: 'Checking…',
  writing: 'Importing, please wait… {{done}} / {{total}}',
  nothing: 'There are no rows to import',
  done: {
    title: 'Import finished',
    detail:
      '{{created}} new customers, {{updated}} existing customers updated, {{skipped}} rows not imported.',
    back: 'Back to the customer list',
    again: 'Import another file'
  },
  refused: {
    andMore: '{{list}} and more',
    phonesTaken:
      'Import cancelled, nothing was written: these phones have just been put on file (perhaps synced from another PC): {{list}}. The file was checked again; review the preview and confirm again.',
    customerGone:
      'Import cancelled, nothing was written: {{count}} customer records to update no longer exist (perhaps deleted on another PC). The file was checked again; review the preview and confirm again.'
  },
  failed: 'Import failed, nothing was written: {{reason}}',
  readFailed: 'The file could not be read: {{reason}}',
  message: importMessagesEn,
  fate: {
    skipRow: '{{problem}}. The row will not be imported.',
    leaveBlank: '{{problem}}. That field is left blank; the rest of the row is imported.',
    noPhone: '{{problem}}. The row is imported as a customer without a phone.'
  },
  field: importFieldsEn,
  export: {
    busy: 'Exporting…',
    done: 'Exported {{count}} customers ({{how}})',
    masked: 'phones masked',
    full: 'full phone numbers',
    failed: 'Export failed: {{reason}}'
  },
  audit: {
    title: 'Customer imports and exports',
    hint: 'Every import and Excel export is recorded with who, when and how many.',
    empty: 'No imports or exports yet',
    who: 'By',
    when: 'When',
    what: 'What',
    imported: 'Import: {{created}} new, {{updated}} updated',
    exported: 'Excel export: {{count}} customers',
    masked: 'phones masked',
    full: 'full phone numbers'
  }
}
