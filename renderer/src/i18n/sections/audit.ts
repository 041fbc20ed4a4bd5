// 操作日志 (issue 17 point 3) and role refusals (point 2), zh-CN and en side by side. Labels as in
// the glossary (操作日志 / Audit log).
export const auditZh = {
  title: '操作日志',
  staff: '人员',
  kind: '操作类型',
  dates: '日期',
  allStaff: '全部人员',
  allKinds: '全部类型',
  at: '时间',
  staffNo: '工号',
  device: '电脑',
  what: '操作',
  detail: '内容',
  check: '检查完整性',
  intact: '操作日志完整：{{count}} 条记录均未被修改或删除',
  broken: '操作日志不完整',
  breakMissing: '电脑 {{device}}：第 {{from}} 条起的记录缺失（被删除），下一条为第 {{seq}} 条',
  breakEdited: '电脑 {{device}}：第 {{seq}} 条记录被修改',
  breakRelinked: '电脑 {{device}}：第 {{seq}} 条之前的记录被替换',
  more: '加载更多',
  empty: '没有符合条件的记录',
  exported: '已导出 {{count}} 条操作日志',
  exportFailed: '导出失败：{{reason}}',
  sheet: '操作日志',
  hint: '操作日志在各电脑之间同步，本软件中任何人都不能修改或删除；每台电脑的记录前后相连，被删除或修改的记录可用“检查完整性”发现。',
  forms: {
    complaint: '顾客投诉登记表',
    handover: '交接班记录',
    callSheet: '回访清单',
    counterStats: '服务统计表',
    counterWeekly: '每周汇总',
    reports: '统计报表'
  },
  kinds: {
    phoneRevealed: '查看完整号码',
    customersExported: '导出客户档案',
    auditExported: '导出操作日志',
    printed: '打印',
    planApproved: '批准处理方案',
    planReturned: '退回处理方案',
    settingsChanged: '修改设置',
    staffAdded: '添加员工',
    staffChanged: '修改员工',
    pinSet: '设置PIN',
    pinCleared: '清除PIN',
    pinUnlocked: '解锁工号',
    customersMerged: '合并客户档案',
    problemDecided: '处理问题登记',
    backupMade: '数据备份',
    backupRestored: '恢复备份',
    storeShareCreated: '新建门店共享',
    storeShareJoined: '加入已有门店',
    storeShareUnlocked: '输入共享密码',
    storePassphraseSet: '设置共享密码'
  },
  details: {
    phone: '号码 {{phone}}',
    export: '{{count}} 条，{{how}}',
    masked: '号码已隐藏中间位',
    full: '完整号码',
    count: '{{count}} 条',
    print: '{{form}} {{record}}',
    pdf: '{{form}} {{record}}（保存为PDF）',
    complaint: '投诉 {{no}}',
    setting: '{{setting}}',
    staff: '工号 {{staffNo}}',
    staffRole: '工号 {{staffNo}}（{{role}}）',
    merge: '保留 {{survivorId}}，并入 {{otherId}}',
    problem: '问题 {{problemId}}：{{decision}}',
    store: '门店 {{storeId}}',
    other: '{{text}}'
  }
}

export const auditEn: typeof auditZh = {
  title: 'Audit log',
  staff: 'Person',
  kind: 'Kind',
  dates: 'Dates',
  allStaff: 'Everyone',
  allKinds: 'All kinds',
  at: 'Time',
  staffNo: 'Staff no.',
  device: 'PC',
  what: 'Action',
  detail: 'Details',
  check: 'Check integrity',
  intact: 'The audit log is intact: none of its {{count}} entries was altered or removed',
  broken: 'The audit log is not intact',
  breakMissing: 'PC {{device}}: entries from no. {{from}} are missing (removed); the next is no. {{seq}}',
  breakEdited: 'PC {{device}}: entry no. {{seq}} was altered',
  breakRelinked: 'PC {{device}}: the entry before no. {{seq}} was replaced',
  more: 'Load more',
  empty: 'No entries match',
  exported: '{{count}} audit log entries exported',
  exportFailed: 'Export failed: {{reason}}',
  sheet: 'Audit log',
  hint: 'The audit log syncs to every PC and nobody can change or delete it in the app; each PC’s entries are chained, so a removed or altered entry shows up in “Check integrity”.',
  forms: {
    complaint: 'Complaint form',
    handover: 'Handover note',
    callSheet: 'Call sheet',
    counterStats: 'Service statistics',
    counterWeekly: 'Weekly summary',
    reports: 'Reports'
  },
  kinds: {
    phoneRevealed: 'Full number shown',
    customersExported: 'Customers exported',
    auditExported: 'Audit log exported',
    printed: 'Printed',
    planApproved: 'Plan approved',
    planReturned: 'Plan sent back',
    settingsChanged: 'Settings changed',
    staffAdded: 'Staff added',
    staffChanged: 'Staff changed',
    pinSet: 'PIN set',
    pinCleared: 'PIN cleared',
    pinUnlocked: 'Staff no. unlocked',
    customersMerged: 'Customers merged',
    problemDecided: 'Problem decided',
    backupMade: 'Backup',
    backupRestored: 'Backup restored',
    storeShareCreated: 'Store share created',
    storeShareJoined: 'Store share joined',
    storeShareUnlocked: 'Share passphrase entered',
    storePassphraseSet: 'Share passphrase set'
  },
  details: {
    phone: 'Number {{phone}}',
    export: '{{count}} rows, {{how}}',
    masked: 'numbers masked',
    full: 'full numbers',
    count: '{{count}} rows',
    print: '{{form}} {{record}}',
    pdf: '{{form}} {{record}} (saved as PDF)',
    complaint: 'Complaint {{no}}',
    setting: '{{setting}}',
    staff: 'Staff no. {{staffNo}}',
    staffRole: 'Staff no. {{staffNo}} ({{role}})',
    merge: 'kept {{survivorId}}, merged {{otherId}}',
    problem: 'Problem {{problemId}}: {{decision}}',
    store: 'Store {{storeId}}',
    other: '{{text}}'
  }
}

export const rolesZh = {
  refused: {
    managerOnly: '只有客服经理可以进行此操作',
    unknownStaff: '当前工号不存在或已停用，不能进行此操作',
    fullPhones: '你的角色不能导出完整号码，只能导出隐藏中间位的号码'
  },
  managerOnlyHint: '仅客服经理可用'
}

export const rolesEn: typeof rolesZh = {
  refused: {
    managerOnly: 'Only a customer service manager may do this',
    unknownStaff: 'The current staff no. does not exist or is inactive, so this is not allowed',
    fullPhones: 'Your role may not export full numbers; export with masked numbers instead'
  },
  managerOnlyHint: 'Customer service managers only'
}
