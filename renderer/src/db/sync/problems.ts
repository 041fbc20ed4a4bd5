import type { FileProblem } from '@shared/sync/problems'

// What a sync round tells the sync page: a kind for code, a zh-CN sentence for people, an English
// detail for logs and support. File problems reuse the codec's own kinds and messages.

export type SyncProblemKind =
  | FileProblem
  | 'unavailable'
  | 'otherStore'
  | 'notJoined'
  | 'storeMissing'
  | 'clone'
  | 'ownSegmentUnreadable'
  | 'exportFailed'
  | 'republished'
  | 'shareEmptied'
  | 'chainBroken'
  | 'foreignFile'
  | 'invalidChange'
  | 'uniqueClash'
  | 'clockAhead'
  | 'error'

export interface SyncProblem {
  kind: SyncProblemKind
  /** zh-CN, for the sync page */
  message: string
  /** English, for logs and support */
  detail: string
  /** the PC whose files it is about, when it is about one */
  peer?: string
  seq?: number
}

export const SYNC_MESSAGES = {
  unavailable:
    '无法访问共享文件夹（可能已断开或被移动）。本机照常工作，数据都保存在本机；恢复连接后会自动同步。',
  otherStore: '共享文件夹属于另一个门店（门店编号不符），已停止同步。请在同步设置中检查共享文件夹的位置。',
  notJoined: '这台电脑还没有加入门店共享：请在 系统设置 → 同步 中选择“加入已有门店”或“新建门店共享”。',
  storeMissing:
    '共享文件夹中缺少门店文件 store.json（本门店已设置共享密码），已停止同步。请在同步设置中检查共享文件夹。',
  needsKey: '本门店的共享文件已加密，本机还没有共享密码，已暂停同步（本机数据完好）。请点击“输入共享密码”。',
  keyMismatch:
    '本机保存的共享密码与共享文件夹中的门店不符（门店可能重新建立或更换了密码），已暂停同步（本机数据完好）。请点击“输入共享密码”重新输入。',
  clone:
    '检测到另一台电脑使用了与本机相同的设备编号（可能是克隆的系统镜像）。本机已停止上传，共享文件夹中的文件没有被覆盖；本机将自动改用新的设备编号并重新启动，尚未同步的内容不会丢失。',
  ownSegmentUnreadable: '共享文件夹中本机的同步文件无法读取，本机已停止上传，没有覆盖任何文件。',
  exportFailed: '本机的更改无法写成同步文件，已停止上传；本机数据完好。',
  republished: '共享文件夹中缺少本机已上传的同步文件，本机已重新上传全部更改。',
  shareEmptied:
    '共享文件夹似乎被清空（或部分文件丢失）：之前同步过的电脑的文件不见了。本机数据完好，没有删除任何内容；各电脑同步时会重新上传自己的更改。',
  chainBroken:
    '该电脑的同步文件前后不连续（文件可能被替换，或两台电脑使用了同一设备编号）。内容已照常合并，请检查。',
  foreignFile: '同步文件与其所在位置或门店不符，已隔离',
  unencrypted: '本门店已设置共享密码，但该同步文件未加密，已隔离',
  invalidChange: '同步文件中有一条更改未通过校验，已隔离；其余内容已同步',
  uniqueClash:
    '同步来的记录与本机已有记录的编号相同（例如两台电脑离线时添加了同一个工号），这条记录暂未合并，已保留；修改其中一个编号后会自动合并。',
  clockAhead: '该电脑的时钟比本机快了2分钟以上，请校准它的时间。',
  snapshotTruncated: '快照文件不完整，已改用更早的快照或逐个同步文件',
  snapshotInvalid: '快照中有记录未通过校验，本机没有采用这个快照，改为逐个同步文件（有问题的更改会被隔离）',
  error: '同步时发生意外错误，本机数据完好，稍后会自动重试。'
} as const

export function syncProblem(
  kind: SyncProblemKind,
  message: string,
  detail: string,
  where: { peer?: string; seq?: number } = {}
): SyncProblem {
  return { kind, message, detail, ...where }
}
