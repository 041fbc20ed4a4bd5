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
  openSettings: '去设置',
  settings: {
    title: '同步（共享文件夹）',
    hint: '门店各台电脑通过同一个共享文件夹同步（如 \\\\NAS\\kefu、映射的 Z: 盘或 /mnt/kefu）。文件夹暂时不可用时本机照常工作，恢复后自动同步。',
    device: '本机名称',
    root: '共享文件夹位置',
    check: '保存并检查',
    clear: '停止同步',
    cleared: '已停止同步，本机数据不受影响',
    state: {
      unavailable: '无法访问该文件夹（可能未连接）。',
      empty: '这是一个空文件夹：可以在这里新建门店共享。',
      foreign: '该文件夹里有其他文件，不是门店共享。',
      storeJoined: '本机已加入该门店共享（门店编号 {{storeId}}），正在自动同步。',
      store: '该文件夹里已有门店共享（门店编号 {{storeId}}，{{created}} 建立）。',
      damaged: '该文件夹里的门店文件已损坏：{{message}}'
    },
    create: '新建门店共享',
    join: '加入已有门店',
    created: '已新建门店共享，开始同步',
    joined: '已加入门店共享，开始同步'
  }
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
  openSettings: 'Open settings',
  settings: {
    title: 'Sync (share folder)',
    hint: 'The store’s PCs sync through one shared folder (\\\\NAS\\kefu, a mapped Z: drive, /mnt/kefu). When it is unavailable this PC works on; syncing resumes by itself.',
    device: 'This PC',
    root: 'Share folder',
    check: 'Save and check',
    clear: 'Stop syncing',
    cleared: 'Syncing stopped; data on this PC is unaffected',
    state: {
      unavailable: 'The folder cannot be reached (not connected?).',
      empty: 'An empty folder: a new store share can be created here.',
      foreign: 'The folder holds other files and is not a store share.',
      storeJoined: 'This PC belongs to this store share (store {{storeId}}) and syncs automatically.',
      store: 'A store share is here (store {{storeId}}, created {{created}}).',
      damaged: 'The store file here is damaged: {{message}}'
    },
    create: 'Create store share',
    join: 'Join existing store',
    created: 'Store share created; syncing',
    joined: 'Joined the store share; syncing'
  }
}
