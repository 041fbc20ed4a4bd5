import ExcelJS from 'exceljs'
import { prng } from '../tests/support/prng'
import { AREAS, GIVEN, POLYPHONIC, SURNAMES, TAGS } from './names'

// A store's customer roster (花名册) as Chinese Excel keeps it, for the import benchmark (not app
// code): a title row, the header, then rows with common and polyphonic surnames (单/曾/解…), mainland
// mobiles (some typed with spaces or in full-width digits, some stored as number cells), landlines
// with area codes as a second phone, real date cells, tiers, tags — and a few rows the import must
// refuse (a short number, a repeated phone). Written with exceljs' streaming writer.

const CITIES = [
  '上海市黄浦区南京东路',
  '北京市朝阳区建国路',
  '广州市天河区体育西路',
  '杭州市西湖区文三路',
  '长沙市岳麓区麓山路',
  '济南市历下区泉城路'
]
const TIERS: [string, number][] = [
  ['普通', 0.7],
  ['会员', 0.2],
  ['VIP', 0.07],
  ['大客户', 0.03]
]
const HEADER = [
  '姓名',
  '手机号',
  '其他电话',
  '性别',
  '出生日期',
  '联系地址',
  '会员卡号',
  '客户等级',
  '标签',
  '备注'
]

export interface RosterFigures {
  rows: number
  /** rows the import must refuse (a short number, the phone of the row above) */
  refused: number
}

const FULL = '０１２３４５６７８９'
const toFullWidth = (s: string) => s.replace(/\d/g, (d) => FULL[Number(d)] as string)

export async function writeRoster(file: string, rows: number, seed = 11): Promise<RosterFigures> {
  const r = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
  const sheet = workbook.addWorksheet('客户花名册')
  sheet.addRow(['幸福路店客户花名册（导出于 2026 年 11 月）']).commit()
  sheet.addRow(HEADER).commit()
  let refused = 0
  let previous = ''
  for (let i = 0; i < rows; i++) {
    const surname = r() < 0.06 ? pick(POLYPHONIC) : pick(SURNAMES)
    const name = surname + pick(GIVEN) + (r() < 0.6 ? pick(GIVEN) : '')
    const mobile = `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 100)).padStart(2, '0')}${String(i).padStart(7, '0')}`
    let phone: string | number = mobile
    let ownPhone = true
    const roll = r()
    if (roll < 0.002) {
      phone = mobile.slice(0, 7) // 号码不全
      ownPhone = false
      refused++
    } else if (roll < 0.004 && previous) {
      phone = previous // the row above's phone again
      ownPhone = false
      refused++
    } else if (roll < 0.3)
      phone = Number(mobile) // a number cell
    else if (roll < 0.35) phone = `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`
    else if (roll < 0.37) phone = toFullWidth(mobile)
    previous = ownPhone ? mobile : ''
    const landline = r() < 0.1 ? `${pick(AREAS)}-${2 + Math.floor(r() * 8)}${String(i).padStart(7, '0')}` : ''
    const tier = (() => {
      let x = r()
      for (const [t, w] of TIERS) if ((x -= w) < 0) return t
      return '普通'
    })()
    const birthday =
      r() < 0.7
        ? new Date(Date.UTC(1950 + Math.floor(r() * 55), Math.floor(r() * 12), 1 + Math.floor(r() * 28)))
        : ''
    sheet
      .addRow([
        name,
        phone,
        landline,
        r() < 0.5 ? '男' : '女',
        birthday,
        r() < 0.8 ? `${pick(CITIES)}${1 + Math.floor(r() * 999)}号` : '',
        tier === '普通' ? '' : `M${String(100000 + i)}`,
        tier,
        r() < 0.4 ? [pick(TAGS), pick(TAGS)].join('、') : '',
        r() < 0.1 ? '周末来店，喜欢安静' : ''
      ])
      .commit()
  }
  sheet.commit()
  await workbook.commit()
  return { rows, refused }
}
