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
  peer: {
    name: '电脑名称',
    device: '设备编号',
    lastSeen: '最近同步',
    version: '版本',
    offset: '时钟偏差',
    me: '本机',
    unknown: '（未读取到信息）'
  },
  offsetValue: '{{sign}}{{seconds}} 秒',
  clockWarn: '本机时钟与共享文件夹相差 {{minutes}} 分钟，请校准本机时间（同步仍会正常进行）。',
  renewed:
    '{{when}} 本机发现另一台电脑使用了与本机相同的设备编号（可能是复制的系统镜像），本机已改用新的设备编号 {{to}}，电脑代码改为 {{code}}；尚未同步的 {{moved}} 条修改已随本机保留，没有丢失。可在 系统设置 → 本机信息 中修改电脑代码。',
  renumbered: '以下投诉是在此期间登记的，已改用新的投诉编号：{{list}}',
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
      storeLocked: '本机已加入该门店共享（门店编号 {{storeId}}）。',
      store: '该文件夹里已有门店共享（门店编号 {{storeId}}，{{created}} 建立）。',
      damaged: '该文件夹里的门店文件已损坏：{{message}}'
    },
    create: '新建门店共享',
    join: '加入已有门店',
    created: '已新建门店共享，开始同步',
    joined: '已加入门店共享，开始同步'
  },
  passphrase: {
    encrypt: '加密共享文件',
    encryptHint:
      '共享文件夹中的同步文件全部加密保存（AES-256）：没有共享密码，即使拿到文件也看不到客户和投诉内容。',
    warning:
      '共享密码无法找回，也无法重置：忘记后，共享文件夹中的加密数据将无法读取。门店每台电脑加入时都需要输入这个密码，请妥善记录并交给负责人保管。密码本身不会写入共享文件夹，本机只保存由它生成的密钥。',
    managerOnly: '只有客服经理可以设置共享密码。',
    passphrase: '共享密码',
    confirm: '再次输入共享密码',
    encrypted: '共享文件已加密。',
    joinHint: '请输入共享密码后加入（由门店负责人提供）。',
    locked: '本机没有该门店的共享密码（或门店已更换密码），同步已暂停，本机数据完好。',
    unlock: '输入共享密码',
    unlockTitle: '输入共享密码',
    unlockHint: '输入门店的共享密码后，本机保存由它生成的密钥，以后启动无需再输入。',
    unlockOk: '解锁并同步',
    unlocked: '共享密码正确，已恢复同步'
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
  peer: {
    name: 'PC name',
    device: 'Device id',
    lastSeen: 'Last seen',
    version: 'Version',
    offset: 'Clock offset',
    me: 'This PC',
    unknown: '(no details yet)'
  },
  offsetValue: '{{sign}}{{seconds}} s',
  clockWarn: 'This PC’s clock is {{minutes}} min off the share; please correct it (sync still works).',
  renewed:
    "{{when}} another PC was found using this PC's device id (probably a copied disk image). This PC now uses the new device id {{to}} and PC code {{code}}; its {{moved}} unsynced changes were kept. You can change the PC code in Settings → This PC.",
  renumbered: 'Complaints registered meanwhile have new numbers: {{list}}',
  conflicts: 'Sync conflicts to review',
  noConflicts: 'No conflicts',
  conflict: {
    record: 'Record',
    field: 'Field',
    losing: 'Text not taken (edited on another PC at the same time)',
    at: 'Found'
  },
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
      storeLocked: 'This PC belongs to this store share (store {{storeId}}).',
      store: 'A store share is here (store {{storeId}}, created {{created}}).',
      damaged: 'The store file here is damaged: {{message}}'
    },
    create: 'Create store share',
    join: 'Join existing store',
    created: 'Store share created; syncing',
    joined: 'Joined the store share; syncing'
  },
  passphrase: {
    encrypt: 'Encrypt share files',
    encryptHint:
      'Every sync file in the share folder is stored encrypted (AES-256): without the share passphrase nobody can read customers or complaints from them.',
    warning:
      'The share passphrase cannot be recovered or reset: if it is forgotten, the encrypted data in the share folder cannot be read. Every PC of the store needs it to join; write it down and give it to the person in charge. The passphrase is never written to the share folder; this PC keeps only the key made from it.',
    managerOnly: 'Only a manager can set a share passphrase.',
    passphrase: 'Share passphrase',
    confirm: 'Repeat share passphrase',
    encrypted: 'Share files are encrypted.',
    joinHint: 'Enter the share passphrase to join (ask the person in charge).',
    locked:
      'This PC has no share passphrase for this store (or it was changed); syncing is paused, data on this PC is intact.',
    unlock: 'Enter share passphrase',
    unlockTitle: 'Enter share passphrase',
    unlockHint:
      'Once entered, this PC keeps the key made from the passphrase; no need to enter it again after a restart.',
    unlockOk: 'Unlock and sync',
    unlocked: 'Passphrase accepted; syncing again'
  }
}
