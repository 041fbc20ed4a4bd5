// 客户档案 texts (zh-CN and en side by side). Labels from GLOSSARY.md must match exactly.
export const customerZh = {
  customer: '客户',
  name: '姓名',
  phone: '联系电话',
  phones: '联系电话',
  addPhone: '添加电话',
  gender: '性别',
  genderOption: { male: '男', female: '女' },
  birthday: '生日',
  address: '地址',
  memberNo: '会员卡号',
  tier: '客户等级',
  tierOption: { regular: '普通客户', member: '会员', vip: 'VIP', key: '大客户' },
  credit: '信用等级',
  tags: '标签',
  needs: '特殊需求',
  source: '来源',
  assignedClerk: '负责客服',
  unassigned: '未分配',
  notes: '备注'
}

export const customerEn: typeof customerZh = {
  customer: 'customer',
  name: 'Name',
  phone: 'Phone',
  phones: 'Phones',
  addPhone: 'Add phone',
  gender: 'Gender',
  genderOption: { male: 'Male', female: 'Female' },
  birthday: 'Birthday',
  address: 'Address',
  memberNo: 'Member card no.',
  tier: 'Tier',
  tierOption: { regular: 'Regular', member: 'Member', vip: 'VIP', key: 'Key account' },
  credit: 'Credit grade',
  tags: 'Tags',
  needs: 'Special needs',
  source: 'Source',
  assignedClerk: 'Assigned clerk',
  unassigned: 'Unassigned',
  notes: 'Notes'
}
