// deskLock texts (zh-CN and en side by side): 锁定 / 已锁定 (issue 17 point 1), the lock screen, setting
// one's PIN at a switch when the store asks everyone for one, a 客服经理 unlocking a 工号, and
// 系统设置 → 锁定与PIN. 锁定 and 已锁定 as in the glossary.
export const deskLockZh = {
  lock: '锁定',
  lockKey: 'F9',
  locked: '已锁定',
  lockedHint:
    '为保护客户信息，工作台已锁定。本人输入 PIN 解锁；换人值班请选择自己的工号，之后的记录都会记上新工号。',
  who: '锁定前的工号：{{staffNo}} {{name}}',
  noPinHint: '所选工号未设置 PIN，点“解锁”即可继续。建议在系统设置中设置 PIN。',
  unlock: '解锁',
  setPinHint:
    '本店要求每位员工设置 PIN：请为 {{staffNo}} {{name}} 设置 4–6 位数字的 PIN，两次输入一致后继续。',
  askManager: '请客服经理解锁',
  managerHint: '{{staffNo}} {{name}} 因连续输错 PIN 已锁定：请客服经理输入本人的 PIN 解锁。',
  managerNo: '客服经理工号',
  managerPin: '客服经理 PIN',
  unlockStaff: '解锁该工号',
  managerUnlocked: '已解锁 {{staffNo}} {{name}}，请输入 PIN',
  managerLocked: '该客服经理工号也已锁定，请稍后再试',
  notManager: '只有在职的客服经理可以解锁',
  settingsTitle: '锁定与PIN',
  idleMinutes: '无操作自动锁定（分钟）',
  idleHint: '无人操作达到该分钟数后，工作台自动锁定；0 表示不自动锁定（仍可按 F9 或点“锁定”）。',
  pinForEveryone: '所有员工必须设置 PIN',
  pinForEveryoneHint: '开启后，没有 PIN 的员工在下次切换工号时需先设置 PIN。',
  saved: '已保存',
  managerOnly: '只有客服经理可以修改此设置。',
  refused: {
    notManager: '只有客服经理可以修改锁定与PIN设置'
  }
}

export const deskLockEn: typeof deskLockZh = {
  lock: 'Lock',
  lockKey: 'F9',
  locked: 'Locked',
  lockedHint:
    'The desk is locked to protect customer information. Enter your PIN to unlock; to take over, pick your own staff no. — later records carry it.',
  who: 'Locked by: {{staffNo}} {{name}}',
  noPinHint: 'This staff no. has no PIN: click Unlock to go on. Setting a PIN in Settings is recommended.',
  unlock: 'Unlock',
  setPinHint:
    'This store requires a PIN for everyone: set a 4–6 digit PIN for {{staffNo}} {{name}} (twice) to go on.',
  askManager: 'Ask the manager to unlock',
  managerHint:
    '{{staffNo}} {{name}} is locked after wrong PINs: the manager enters their own PIN to unlock it.',
  managerNo: 'Manager staff no.',
  managerPin: 'Manager PIN',
  unlockStaff: 'Unlock this staff no.',
  managerUnlocked: '{{staffNo}} {{name}} unlocked: enter the PIN',
  managerLocked: 'This manager staff no. is locked too; try again later',
  notManager: 'Only an active manager can unlock',
  settingsTitle: 'Lock and PIN',
  idleMinutes: 'Lock after idle minutes',
  idleHint:
    'The desk locks itself after this many minutes without use; 0 = never by itself (F9 or Lock still work).',
  pinForEveryone: 'Everyone must have a PIN',
  pinForEveryoneHint: 'Staff without a PIN set one at their next staff switch.',
  saved: 'Saved',
  managerOnly: 'Only the manager can change this setting.',
  refused: {
    notManager: 'Only the manager can change the lock and PIN settings'
  }
}

// 系统设置 → 关于 and 导出诊断信息 (issue 17 point 5). 关于 and 导出诊断信息 as in the glossary.
export const aboutZh = {
  title: '关于',
  version: '版本',
  dataDir: '数据文件夹',
  logDir: '日志文件夹',
  exportDiagnostics: '导出诊断信息',
  diagnosticsHint:
    '导出一个 zip 文件（日志、版本、同步状态、各类记录数量），供技术支持排查问题；其中不含客户姓名、电话等客户信息。',
  diagnosticsSaved: '诊断信息已导出',
  savedTo: '已保存到：{{path}}'
}

export const aboutEn: typeof aboutZh = {
  title: 'About',
  version: 'Version',
  dataDir: 'Data folder',
  logDir: 'Log folder',
  exportDiagnostics: 'Export diagnostics',
  diagnosticsHint:
    'Exports one zip file (logs, versions, sync state, record counts) for technical support; it holds no customer names, phone numbers or other customer information.',
  diagnosticsSaved: 'Diagnostics exported',
  savedTo: 'Saved to: {{path}}'
}
