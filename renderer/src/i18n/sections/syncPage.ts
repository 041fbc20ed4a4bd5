import type { SyncMessageCode } from '@/db'

// 同步 page and share settings texts (zh-CN and en side by side). Status labels stay in `sync`
// (docs/glossary.md: 已同步 / 同步中 / 共享文件夹不可用 / 同步异常).
export const syncPageZh = {
  title: '同步',
  state: '状态',
  lastSynced: '上次同步',
  never: '还没有同步过',
  counts: '本次上传 {{sent}} 条，收到 {{received}} 条',
  shareUsage: '共享文件夹占用',
  shareUsageValue: '{{files}} 个文件，共 {{size}} MB',
  shareUsageSmall: '{{files}} 个文件，共 {{size}} KB',
  problems: '问题',
  noProblems: '没有问题',
  problemSeqs: '同步文件序号 {{list}}',
  peers: '门店里的电脑',
  peer: {
    name: '电脑名称',
    device: '设备标识',
    lastSeen: '最近同步',
    version: '版本',
    offset: '时钟偏差',
    me: '本机',
    unknown: '（未读取到信息）',
    actions: '操作',
    retired: '已移除',
    back: '已重新加入'
  },
  clash: {
    title: '投诉编号冲突',
    hint: '两台电脑的电脑代码相同，登记出了相同的投诉编号。另一台电脑的投诉暂未收入本机。点“改号”后，本机的这条投诉改用新编号，对方的投诉随即收入；两条投诉的处理记录都会注明。之后请在 系统设置 → 本机信息 中把其中一台的电脑代码改成不同的。',
    no: '相同的编号',
    local: '本机的投诉',
    incoming: '另一台电脑的投诉',
    renumber: '改号',
    done: '已改号：{{from}} → {{to}}',
    gone: '该冲突已不存在，请刷新',
    badNumber: '无法识别该投诉编号'
  },
  retire: {
    button: '移除电脑',
    title: '移除电脑“{{name}}”？',
    body: '只在这台电脑已经不再使用（报废、更换、停用）时移除。它在共享文件夹里的文件和已同步的数据都会保留；移除后不再等待它同步，也不再把它列为停止同步的电脑。如果它以后又开始同步，会自动重新加入。',
    ok: '移除',
    done: '已移除该电脑',
    managerOnly: '只有客服经理可以移除电脑',
    notThisPc: '不能移除本机',
    badDevice: '无法识别这台电脑，请刷新后重试'
  },
  offsetValue: '{{sign}}{{seconds}} 秒',
  clockWarn: '本机时钟与共享文件夹相差 {{minutes}} 分钟，请校准本机时间（同步仍会正常进行）。',
  renewed:
    '{{when}} 本机发现另一台电脑使用了与本机相同的设备标识（可能是复制的系统镜像），本机已改用新的设备标识 {{to}}，电脑代码改为 {{code}}；尚未同步的 {{moved}} 条修改已随本机保留，没有丢失。可在 系统设置 → 本机信息 中修改电脑代码。',
  renumbered: '以下投诉是在此期间登记的，已改用新的投诉编号：{{list}}',
  conflicts: '待核对的同步冲突',
  noConflicts: '没有冲突',
  conflict: { record: '记录', field: '内容', losing: '未采用的内容（另一台电脑同时修改）', at: '发现时间' },
  quarantine: '已隔离的文件',
  noQuarantine: '没有隔离的文件',
  quarantineCol: { peer: '来自', seq: '序号', message: '原因', at: '时间' },
  problem: {
    // file problems (the codec's)
    truncated: '同步文件不完整（可能写入时中断），已隔离',
    checksum: '同步文件已损坏（校验和不符），已隔离',
    notASegment: '不是门店客服台的同步文件，已隔离',
    futureFormat: '同步文件来自更新版本的门店客服台，请升级本机软件；文件已保留，升级后自动同步',
    needsPassphrase: '同步文件已加密，请在同步设置中输入共享密码；文件已保留',
    wrongPassphrase: '共享密码不正确，无法解密同步文件；请核对密码，文件已保留',
    tampered: '同步文件未通过加密校验（内容或文件头被改动），已隔离',
    invalidJson: '同步文件内容格式错误，已隔离',
    weakKdf:
      '门店文件 store.json 的共享密码保护强度不足（密钥计算次数少于 600 000 次，本软件从未写出这样的文件），本机不使用它，已停止同步。请客服经理检查共享文件夹，必要时在空文件夹中重新新建门店共享。',
    // the engine's
    unavailable:
      '无法访问共享文件夹（可能已断开或被移动）。本机照常工作，数据都保存在本机；恢复连接后会自动同步。',
    davUnauthorized:
      'WebDAV 服务器拒绝了用户名或应用密码（401）。请在 系统设置 → 同步 中重新输入应用密码。本机照常工作，数据都保存在本机。',
    davForbidden:
      'WebDAV 服务器上这个账号没有权限读写该文件夹（403）。请让管理员在服务器上开通读写权限。本机数据不受影响。',
    davQuotaFull:
      'WebDAV 服务器的存储空间已满（507），同步文件写不进去。请清理空间或扩容；本机数据完好，有空间后自动同步。',
    davUnreachable:
      '连接不上 WebDAV 服务器（网络断开、地址不对或服务器没开）。本机照常工作，恢复连接后会自动同步。',
    davCertificate:
      'WebDAV 服务器的安全证书不受信任（可能是自签名证书，或有人冒充服务器），本机没有连接。请让管理员为服务器配置受信任的证书。',
    davTimeout: 'WebDAV 服务器响应太慢（超时），本次同步已中止，没有写入不完整的文件。稍后会自动重试。',
    davNotWebdav: '这个地址能打开，但不是 WebDAV 文件夹。请在 系统设置 → 同步 中检查 WebDAV 地址。',
    otherStore: '共享文件夹属于另一个门店（门店编号不符），已停止同步。请在同步设置中检查共享文件夹的位置。',
    notJoined: '这台电脑还没有加入门店共享：请在 系统设置 → 同步 中选择“加入已有门店”或“新建门店共享”。',
    storeMissing:
      '共享文件夹中缺少门店文件 store.json（本门店已设置共享密码），已停止同步。请在同步设置中检查共享文件夹。',
    storeTampered:
      '门店文件被篡改：共享文件夹中的 store.json 去掉或改动了本门店的加密设置，已停止同步，没有写出或采用任何未加密的内容（本机数据完好）。请客服经理检查共享文件夹；若经理确实用新的共享密码重新建立了门店共享，请点击“输入共享密码”输入新密码。',
    needsKey:
      '本门店的共享文件已加密，本机还没有共享密码，已暂停同步（本机数据完好）。请点击“输入共享密码”。',
    keyMismatch:
      '本机保存的共享密码与共享文件夹中的门店不符（门店可能重新建立或更换了密码），已暂停同步（本机数据完好）。请点击“输入共享密码”重新输入。',
    clone:
      '检测到另一台电脑使用了与本机相同的设备标识（可能是克隆的系统镜像）。本机已停止上传，共享文件夹中的文件没有被覆盖；本机将自动改用新的设备标识并重新启动，尚未同步的内容不会丢失。',
    ownSegmentUnreadable: '共享文件夹中本机的同步文件无法读取，本机已停止上传，没有覆盖任何文件。',
    exportFailed: '本机的更改无法写成同步文件，已停止上传；本机数据完好。',
    republished: '共享文件夹中缺少本机已上传的同步文件，本机已重新上传全部更改。',
    shareEmptied:
      '共享文件夹似乎被清空（或部分文件丢失）：之前同步过的电脑的文件不见了。本机数据完好，没有删除任何内容；各电脑同步时会重新上传自己的更改。',
    chainBroken:
      '该电脑的同步文件前后不连续（文件可能被替换，或两台电脑使用了同一设备标识）。内容已照常合并，请检查。',
    foreignFile: '同步文件与其所在位置或门店不符，已隔离',
    unencrypted: '本门店已设置共享密码，但该同步文件未加密，已隔离',
    fileRefused:
      '共享文件夹中该位置的不是正常的同步文件（文件过大，或是管道、设备、快捷方式），本机没有读取它，其余文件照常同步。请让管理员检查共享文件夹。',
    invalidChange: '同步文件中有一条更改未通过校验，已隔离；其余内容已同步',
    uniqueClash:
      '同步来的记录与本机已有记录的编号相同（例如两台电脑离线时添加了同一个工号），这条记录暂未合并，已保留；修改其中一个编号后会自动合并。',
    auditRewrite:
      '同步来的更改试图修改或删除已有的操作日志记录，本机没有采用，原记录保留不变。请客服经理检查该电脑。',
    clockAhead: '该电脑的时钟比本机快了2分钟以上，请校准它的时间。',
    snapshotTruncated: '快照文件不完整，已改用更早的快照或逐个同步文件',
    snapshotInvalid: '快照中有记录未通过校验，本机没有采用这个快照，改为逐个同步文件（有问题的更改会被隔离）',
    segmentsLost:
      '本机缺少该电脑的部分更改：它的这些同步文件已不在共享文件夹中，也没有完好的快照包含它们（本机数据完好，尚未完全同步）。门店其他电脑写出新的快照后会自动补齐；如长期如此，请联系管理员检查共享文件夹。',
    error: '同步时发生意外错误，本机数据完好，稍后会自动重试。',
    // a quarantine row stored before message codes whose cause has no code of its own
    quarantined: '该文件已隔离'
  } satisfies Record<SyncMessageCode | 'quarantined', string>,
  notConfigured: '还没有设置共享文件夹。请到 系统设置 → 同步 中选择共享文件夹。',
  openSettings: '去设置',
  settings: {
    title: '同步（共享文件夹）',
    hint: '门店各台电脑通过同一个共享文件夹同步（如 \\\\NAS\\kefu、映射的 Z: 盘或 /mnt/kefu）。文件夹暂时不可用时本机照常工作，恢复后自动同步。',
    device: '本机名称',
    root: '共享文件夹位置',
    choose: '选择文件夹…',
    notChosen: '尚未选择',
    mode: '同步方式',
    modeFolder: '局域网文件夹',
    modeWebdav: 'WebDAV',
    webdavHint:
      '连锁门店不在同一个局域网时，可以通过 NAS 或坚果云等提供的 WebDAV 同步。地址须以 https:// 开头（例如 https://nas.example.com/kefu/）；应用密码是在服务器上为第三方软件生成的专用密码，只保存在本机（由系统加密），不会写进共享文件或日志。',
    webdavUrl: 'WebDAV 地址',
    webdavUser: '用户名',
    webdavPassword: '应用密码',
    webdavConnect: '连接',
    webdavConnected: '已连接 WebDAV 服务器，尚未加入或新建任何门店共享',
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
  shareUsage: 'Share size',
  shareUsageValue: '{{files}} files, {{size}} MB',
  shareUsageSmall: '{{files}} files, {{size}} KB',
  problems: 'Problems',
  noProblems: 'No problems',
  problemSeqs: 'sync file no. {{list}}',
  peers: 'PCs of this store',
  peer: {
    name: 'PC name',
    device: 'Device id',
    lastSeen: 'Last seen',
    version: 'Version',
    offset: 'Clock offset',
    me: 'This PC',
    unknown: '(no details yet)',
    actions: 'Actions',
    retired: 'Removed',
    back: 'Back again'
  },
  clash: {
    title: 'Complaint number clashes',
    hint: "Two PCs have the same PC code and registered complaints with the same number. The other PC's complaint is not on this PC yet. Renumber gives this PC's complaint a new number and takes the other one in; both timelines record it. Then give one of the PCs another PC code (Settings → This PC).",
    no: 'Shared number',
    local: 'Complaint on this PC',
    incoming: 'Complaint from the other PC',
    renumber: 'Renumber',
    done: 'Renumbered: {{from}} → {{to}}',
    gone: 'This clash no longer exists; refresh',
    badNumber: 'This complaint number cannot be read'
  },
  retire: {
    button: 'Remove PC',
    title: 'Remove the PC "{{name}}"?',
    body: 'Remove a PC only when it is no longer used (broken, replaced, retired). Its files on the share and everything it synced are kept; the store stops waiting for it and no longer lists it as a PC that stopped syncing. If it starts syncing again, it rejoins by itself.',
    ok: 'Remove',
    done: 'PC removed',
    managerOnly: 'Only a service manager can remove a PC',
    notThisPc: 'This PC cannot remove itself',
    badDevice: 'This PC could not be identified; refresh and try again'
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
  problem: {
    truncated: 'The sync file is incomplete (writing it was probably interrupted); quarantined',
    checksum: 'The sync file is damaged (checksum mismatch); quarantined',
    notASegment: 'Not a Service Desk sync file; quarantined',
    futureFormat:
      'The sync file comes from a newer version of Service Desk. Please update this PC; the file is kept and syncs after the update',
    needsPassphrase:
      'The sync file is encrypted. Enter the share passphrase in the sync settings; the file is kept',
    wrongPassphrase:
      'The share passphrase is wrong and cannot decrypt the sync file. Check the passphrase; the file is kept',
    tampered: 'The sync file failed its encryption check (content or header altered); quarantined',
    invalidJson: 'The sync file is malformed; quarantined',
    weakKdf:
      'The store file store.json protects the share passphrase too weakly (fewer than 600,000 key rounds; this app never writes such a file). This PC does not use it; syncing stopped. Ask a manager to check the share folder and, if needed, create the store share again in an empty folder.',
    unavailable:
      'The share folder cannot be reached (disconnected or moved?). This PC works on and keeps all data; syncing resumes when the folder is back.',
    davUnauthorized:
      'The WebDAV server refused the user name or app password (401). Enter the app password again in Settings → Sync. This PC works on and keeps all data.',
    davForbidden:
      'This account may not read or write that folder on the WebDAV server (403). Ask an administrator to grant access. Data on this PC is unaffected.',
    davQuotaFull:
      'The WebDAV server’s storage is full (507); sync files cannot be written. Free space or add quota; data on this PC is intact and syncs once there is room.',
    davUnreachable:
      'The WebDAV server cannot be reached (network down, wrong address or server off). This PC works on; syncing resumes when it is back.',
    davCertificate:
      'The WebDAV server’s certificate is not trusted (self-signed, or someone posing as the server); this PC did not connect. Ask an administrator for a trusted certificate.',
    davTimeout:
      'The WebDAV server answered too slowly (time-out); this round stopped without writing any partial file. It retries by itself.',
    davNotWebdav:
      'That address answers, but it is not a WebDAV folder. Check the WebDAV address in Settings → Sync.',
    otherStore:
      'The share folder belongs to another store (store id differs); syncing stopped. Check the share folder location in the sync settings.',
    notJoined:
      'This PC has not joined a store share yet: in Settings → Sync choose "Join existing store" or "Create store share".',
    storeMissing:
      'The store file store.json is missing from the share folder (this store has a share passphrase); syncing stopped. Check the share folder in the sync settings.',
    storeTampered:
      'The store file was tampered with: store.json in the share folder removed or changed this store’s encryption. Syncing stopped; nothing unencrypted was written or taken in (data on this PC is intact). Ask a manager to check the share folder; if the manager really re-created the store share with a new share passphrase, click "Enter share passphrase" and enter it.',
    needsKey:
      'This store’s share files are encrypted and this PC has no share passphrase yet; syncing is paused (data on this PC is intact). Click "Enter share passphrase".',
    keyMismatch:
      'The share passphrase kept on this PC does not fit the store in the share folder (the store may have been re-created or its passphrase changed); syncing is paused (data on this PC is intact). Click "Enter share passphrase" to enter it again.',
    clone:
      'Another PC uses the same device id as this one (probably a cloned disk image). This PC stopped uploading and overwrote nothing in the share folder; it will take a new device id and restart, and nothing unsynced is lost.',
    ownSegmentUnreadable:
      'This PC’s own sync file in the share folder cannot be read; this PC stopped uploading and overwrote nothing.',
    exportFailed:
      'This PC’s changes could not be written as a sync file; uploading stopped. Data on this PC is intact.',
    republished:
      'Sync files this PC had uploaded were missing from the share folder; all its changes were uploaded again.',
    shareEmptied:
      'The share folder seems to have been emptied (or lost files): the files of PCs that synced before are gone. Data on this PC is intact and nothing was deleted; every PC uploads its changes again when it syncs.',
    chainBroken:
      'This PC’s sync files do not follow on from each other (a file may have been replaced, or two PCs use one device id). The content was merged as usual; please check.',
    foreignFile: 'The sync file does not belong where it is or to this store; quarantined',
    unencrypted: 'This store has a share passphrase but the sync file is not encrypted; quarantined',
    fileRefused:
      'What is in the share at this place is not a normal sync file (too large, or a pipe, device or link); this PC did not read it and keeps syncing the other files. Ask an administrator to check the share folder.',
    invalidChange: 'A change in the sync file failed validation and was quarantined; the rest was synced',
    uniqueClash:
      'A synced record has the same number as a record on this PC (e.g. two PCs offline added the same staff no.). It is kept but not merged yet; it merges by itself once one of the numbers is changed.',
    auditRewrite:
      'A synced change tried to alter or delete an existing audit log entry; this PC did not apply it and kept the entry as it was. A manager should check that PC.',
    clockAhead: 'That PC’s clock is more than 2 minutes ahead of this one; please correct its time.',
    snapshotTruncated:
      'A snapshot file is incomplete; an earlier snapshot or the single sync files were used instead',
    snapshotInvalid:
      'Records in the snapshot failed validation; this PC did not use the snapshot and reads the single sync files instead (bad changes are quarantined)',
    segmentsLost:
      'This PC lacks some of that PC’s changes: those sync files are no longer in the share folder and no intact snapshot holds them (data on this PC is intact, but it is not fully synced). They arrive by themselves once another PC of the store writes a new snapshot; if this persists, ask the administrator to check the share folder.',
    error: 'An unexpected error occurred while syncing. Data on this PC is intact; it retries shortly.',
    quarantined: 'This file was quarantined'
  },
  notConfigured: 'No share folder is set. Choose one in Settings → Sync.',
  openSettings: 'Open settings',
  settings: {
    title: 'Sync (share folder)',
    hint: 'The store’s PCs sync through one shared folder (\\\\NAS\\kefu, a mapped Z: drive, /mnt/kefu). When it is unavailable this PC works on; syncing resumes by itself.',
    device: 'This PC',
    root: 'Share folder',
    choose: 'Choose folder…',
    notChosen: 'Not chosen',
    mode: 'Sync through',
    modeFolder: 'Network folder',
    modeWebdav: 'WebDAV',
    webdavHint:
      'Stores that share no network can sync through WebDAV (a NAS, 坚果云 …). The address must start with https:// (e.g. https://nas.example.com/kefu/); the app password is one the server generates for other programs. It is kept on this PC only (encrypted by the system), never in the share or the logs.',
    webdavUrl: 'WebDAV address',
    webdavUser: 'User name',
    webdavPassword: 'App password',
    webdavConnect: 'Connect',
    webdavConnected: 'Connected to the WebDAV server; no store share joined or created yet',
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
