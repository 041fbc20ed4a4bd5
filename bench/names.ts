// Names and area codes for the generated benchmark data (not app code), one list for every generator.

/** common surnames */
export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹']
/** surnames read differently as a surname (单 shan, 曾 zeng, 解 xie …): search must still find them */
export const POLYPHONIC = [...'单曾解仇区查朴盖覃尉']
/** given-name characters */
export const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文建国志海晓红燕鹏飞婷雪琳浩']
/** landline area codes */
export const AREAS = ['010', '021', '022', '023', '020', '025', '0571', '0591', '0755', '0731']
/** customer tags as stores write them */
export const TAGS = [
  '老客户',
  '爱喝茶',
  '需送货上门',
  '价格敏感',
  '周末来店',
  '团购',
  '老人',
  '孕妇',
  '企业采购',
  '会员日必到'
]
