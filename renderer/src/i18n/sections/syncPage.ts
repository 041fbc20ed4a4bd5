// 同步 page and share settings texts (zh-CN and en side by side). Status labels stay in `sync`
// (GLOSSARY.md: 已同步 / 同步中 / 共享文件夹不可用 / 同步异常).
export const syncPageZh = {
  title: '同步',
  state: '状态',
  lastSynced: '上次同步',
  never: '还没有同步过',
  counts: '本次上传 {{sent}} 条，收到 {{received}} 条',
  problems: '问题',
  noProblems: '没有问题',
  peers: '门店里的电脑',
  peer: { name: '电脑名称', device: '设备编号', lastSeen: '最近同步', version: '版本', offset: '时钟偏差', me: '本机', unknown: '（未读取到信息）' },
  offsetValue: '{{sign}}{{seconds}} 秒',
  clockWarn: '本机时钟与共享文件夹相差 {{minutes}} 分钟，请校准本机时间（同步仍会正常进行）。',
  conflicts: '待核对的同步冲突',
  noConflicts: '没有冲突',
  conflict: { record: '记录', field: '内容', losing: '未采用的内容（另一台电脑同时修改）', at: '发现时间' },
  quarantine: '已隔离的文件',
  noQuarantine: '没有隔离的文件',
  quarantineCol: { peer: '来自', seq: '序号', message: '原因', at: '时间' },
  notConfigured: '还没有设置共享文件夹。请到 系统设置 → 同步 中选择共享文件夹。',
  openSettings: '去设置'
}

export const syncPageEn: typeof syncPageZh = {
  title: 'Sync',
  state: 'State',
  lastSynced: 'Last synced',
  never: 'Never synced',
  counts: 'Sent {{sent}}, received {{received}}',
  problems: 'Problems',
  noProblems: 'No problems',
  peers: 'PCs of this store',
  peer: { name: 'PC name', device: 'Device id', lastSeen: 'Last seen', version: 'Version', offset: 'Clock offset', me: 'This PC', unknown: '(no details yet)' },
  offsetValue: '{{sign}}{{seconds}} s',
  clockWarn: 'This PC’s clock is {{minutes}} min off the share; please correct it (sync still works).',
  conflicts: 'Sync conflicts to review',
  noConflicts: 'No conflicts',
  conflict: { record: 'Record', field: 'Field', losing: 'Text not taken (edited on another PC at the same time)', at: 'Found' },
  quarantine: 'Quarantined files',
  noQuarantine: 'No quarantined files',
  quarantineCol: { peer: 'From', seq: 'Seq', message: 'Reason', at: 'When' },
  notConfigured: 'No share folder is set. Choose one in Settings → Sync.',
  openSettings: 'Open settings'
}
