// Writes the roster-import fixtures in tests/fixtures/import/ (they are committed; re-run this
// script after changing it). tests/integration/import/ expects exactly these contents.
// Usage: node scripts/make-import-fixtures.mjs [output-dir]
//
//   roster.xlsx          a tidy roster: header in row 1, date cells, one customer already in the archive
//   roster-utf8.csv      "CSV UTF-8" without BOM: quoted fields with commas and line breaks, a duplicate
//   roster-utf8-bom.csv  the same text with a BOM
//   roster-gbk.csv       what Chinese Excel saves as "CSV (逗号分隔)": GBK bytes, full-width digits,
//                        a landline that lost its leading 0, blank rows
//   messy.xlsx           blank rows, a merged title, a two-row header with merged cells, and one row
//                        for each kind of problem (see tests/integration/import/fixtures.test.ts)
//   legacy.xls           the OLE header of an Excel 97–2003 file
//   not-a-sheet.pdf      a few bytes of a PDF
//   empty.csv            0 bytes
//   no-columns.csv       a table without any customer column

import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

const outDir = resolve(
  process.argv[2] ?? fileURLToPath(new URL('../tests/fixtures/import/', import.meta.url))
)
mkdirSync(outDir, { recursive: true })
const FIXED_DATE = new Date(Date.UTC(2026, 10, 23))
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d))

function newWorkbook() {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'fixtures'
  wb.created = FIXED_DATE
  wb.modified = FIXED_DATE
  return wb
}

async function writeXlsx(name, wb) {
  const buffer = await wb.xlsx.writeBuffer()
  writeFileSync(resolve(outDir, name), Buffer.from(buffer))
}

const write = (name, data) => writeFileSync(resolve(outDir, name), data)

// --- roster.xlsx ---------------------------------------------------------------------------------

{
  const wb = newWorkbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow([
    '客户姓名',
    '手机号',
    '其他电话',
    '性别',
    '出生日期',
    '住址',
    '会员号',
    '会员等级',
    '信用等级',
    '标签',
    '特殊需求',
    '来源',
    '备注'
  ])
  const rows = [
    [
      '张三',
      '13800138000',
      '',
      '男',
      day(1985, 3, 12),
      '上海市黄浦区南京东路1号',
      'M0001',
      'VIP',
      'A',
      '老客户，爱喝茶',
      '腿脚不便，需要座位',
      '门店',
      ''
    ],
    [
      '李四',
      '13900139000',
      '010-62345678',
      '女',
      day(1990, 1, 31),
      '北京市朝阳区建国路88号',
      'M0002',
      '会员',
      'B',
      '',
      '',
      '电话',
      ''
    ],
    ['王五', '13700137000', '', '男', '', '', '', '普通', '', '', '', '', '只在周末来'],
    [
      '赵六',
      '15900159000',
      '',
      '女',
      day(1978, 12, 1),
      '杭州市西湖区文三路5号',
      'M0004',
      '大客户',
      'A',
      '团购、企业',
      '开增值税专用发票',
      '转介绍',
      ''
    ],
    ['钱七', '18600186000', '', '', day(2001, 6, 15), '', '', '普通客户', '', '', '', '', ''],
    [
      '孙八',
      '0571-88888888',
      '13600136000',
      '男',
      '',
      '杭州市上城区解放路2号',
      'M0006',
      'VIP',
      'C',
      '',
      '',
      '门店',
      ''
    ],
    ['周九', '17700177000', '', '女', day(1995, 8, 8), '', 'M0007', '', '', '学生', '', '', ''],
    ['吴十', '13300133000', '', '男', '', '', '', '会员', 'D', '', '', '', '曾有投诉']
  ]
  for (const r of rows) ws.addRow(r)
  ws.getColumn(5).numFmt = 'yyyy-mm-dd'
  await writeXlsx('roster.xlsx', wb)
}

// --- CSVs ----------------------------------------------------------------------------------------

const csvText = [
  '姓名,电话,会员卡号,生日,地址,等级,性别,信用等级,标签,特殊需求,来源,备注',
  '张三,13800138000,M0001,1985-03-12,"上海市黄浦区南京东路1号,3楼",VIP,男,A,老客户;爱喝茶,,门店,',
  '李四,139 0013 9000,M0002,1990/1/31,北京市朝阳区建国路88号,会员,女,B,,,电话,"第一行',
  '第二行"',
  '王五,+86 137 0013 7000,,,,普通,男,,,,,',
  '赵六,15900159000,M0004,19781201,杭州市西湖区文三路5号,大客户,女,A,团购/企业,开专票,转介绍,',
  '钱七,13800138000,,,,,,,,,,和张三同一个电话',
  '孙八,0571-88888888 转 123,M0006,,,VIP,男,C,,,门店,',
  ''
].join('\r\n')

write('roster-utf8.csv', Buffer.from(csvText, 'utf8'))
write('roster-utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText, 'utf8')]))

const gbkText = [
  '姓名,联系电话,卡号,出生日期,联系地址,客户等级,性别,标签,备注',
  '张三,１３８００１３８０００,Ｍ０００１,1985/3/12,上海市黄浦区南京东路1号,VIP,男,老客户、爱喝茶；怕吵,',
  '单雄信,13900139000,M0002,1990/1/31,山东省济南市历下区泉城路1号,会员,男,,',
  ',,,,,,,,',
  '曾国藩,2152345678,M0003,1978/12/1,湖南省长沙市岳麓区,大客户,男,,座机少了开头的0',
  '乐嘉,０２１－５２３４５６７８,,,,普通,女,,',
  '查良镛,1381234,,,,,男,,号码不全',
  ',,,,,,,,',
  ''
].join('\r\n')
write('roster-gbk.csv', iconv.encode(gbkText, 'gbk'))

write('empty.csv', Buffer.alloc(0))
write(
  'no-columns.csv',
  Buffer.from('序号,商品名称,数量,单价\r\n1,洗衣液,2,39.9\r\n2,纸巾,10,12.5\r\n', 'utf8')
)

// --- messy.xlsx ----------------------------------------------------------------------------------

{
  const wb = newWorkbook()
  const ws = wb.addWorksheet('客户')
  // Row 1 blank. Row 2: the title, merged across the table.
  ws.getCell('A2').value = 'XX店客户花名册'
  ws.mergeCells('A2:K2')
  // Rows 3–4: two-row header. "联系方式" spans C3:D3 over 手机 / 座机; the other titles span both rows.
  const titles = {
    A: '序号',
    B: '姓名',
    E: '性别',
    F: '生日',
    G: '客户等级',
    H: '会员卡号',
    I: '地址',
    J: '标签',
    K: '备注'
  }
  for (const [col, title] of Object.entries(titles)) {
    ws.getCell(`${col}3`).value = title
    ws.mergeCells(`${col}3:${col}4`)
  }
  ws.getCell('C3').value = '联系方式'
  ws.mergeCells('C3:D3')
  ws.getCell('C4').value = '手机'
  ws.getCell('D4').value = '座机'

  const longNote = '很长的备注'.repeat(2000) // 10 000 characters
  // [row, 序号, 姓名, 手机, 座机, 性别, 生日, 客户等级, 会员卡号, 地址, 标签, 备注]
  const data = [
    [
      5,
      1,
      '张三',
      13800138000,
      '010-62345678',
      '男',
      day(1985, 3, 12),
      'VIP',
      'M0001',
      '上海市黄浦区南京东路1号',
      '老客户，爱喝茶',
      ''
    ],
    [6, 2, '李四', '１３９ ００１３ ９０００', '', '女', '1990/1/31', '会员', '', '', '', ''],
    // row 7 blank; row 8 holds only its 序号
    [8, 3, '', '', '', '', '', '', '', '', '', ''],
    [9, 4, '王五', 1381234, '', '男', '', '', '', '', '', ''],
    [10, 5, '赵六', 13800138000, '', '女', '', '', '', '', '', '与第5行同号'],
    [11, 6, '钱七', '13700137000', '', '', '1990-02-30', '', '', '', '', ''],
    [12, 7, '孙八', 13600136000, '', '男', '', '', '', '', '', longNote],
    [13, 8, '', 13500135000, '', '', '', '', '', '', '', '没有姓名'],
    [14, 9, '周九', '', '', '女', '', '', '', '', '', '没有电话'],
    [15, 10, '吴十', 13300133000, '', '男', '', '金卡', '', '', '', ''],
    [16, 11, '郑十一', 13200132000, 2152345678, '男', '', '普通', '', '', '', ''],
    [17, 12, '冯十二', '1.38123E+10', '', '', '', '', '', '', '', ''],
    [18, 13, '陈十三', 15900159000, '', '女', '', '会员', 'M0013', '', '', '已是老客户'],
    [19, 14, '褚十四', 18600186000, '', '', 32874, '', '', '', '', ''],
    [20, 15, '卫十五', 18800188000, '', '未知', '', '', '', '', '', ''],
    [21, 16, '蒋十六', 18900189000, '', '男', day(2030, 1, 1), '', '', '', '', ''],
    [22, 17, '沈十七', 13100131000, '0755-88889999', '', '', '', '', '', '', ''],
    // row 23 blank
    [24, 18, '韩十八', 17700177000, '', '', '', '大客户', '', '', '', '']
  ]
  for (const [rowNo, ...values] of data) {
    const row = ws.getRow(rowNo)
    values.forEach((v, i) => {
      if (v !== '') row.getCell(i + 1).value = v
    })
  }
  for (const r of [5, 21]) ws.getCell(`F${r}`).numFmt = 'yyyy"年"m"月"d"日"'
  ws.getCell('C5').numFmt = '0'
  ws.getCell('C16').numFmt = '0.00E+00'
  // Row 25: formatted but empty, as sheets often are below the data.
  ws.getCell('B25').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } }
  await writeXlsx('messy.xlsx', wb)
}

// --- not spreadsheets ----------------------------------------------------------------------------

write(
  'not-a-sheet.pdf',
  Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< >>\nendobj\n%%EOF\n', 'latin1')
)
write(
  'legacy.xls',
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
)

console.log(`import fixtures written to ${outDir}`)
