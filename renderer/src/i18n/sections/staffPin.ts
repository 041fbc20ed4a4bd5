// staffPin texts (zh-CN and en side by side): the PIN column and dialog in 系统设置 → 员工列表, and
// the 工号 + PIN check used to acknowledge a handover (确认接班). 工号 as in docs/glossary.md.
export const staffPinZh = {
  column: 'PIN',
  isSet: '已设置',
  notSet: '未设置',
  actions: '操作',
  set: '设置PIN',
  clear: '清除PIN',
  dialogTitle: '设置PIN：{{staffNo}} {{name}}',
  hint: 'PIN 为 4–6 位数字，用于确认接班等需要本人确认的操作。请勿告诉他人。',
  newPin: '新PIN',
  confirmPin: '再次输入',
  done: '已为 {{staffNo}} {{name}} 设置 PIN',
  confirmClear: '清除 {{staffNo}} {{name}} 的 PIN？清除后需重新设置。',
  cleared: '已清除 {{staffNo}} {{name}} 的 PIN',
  staffNo: '工号',
  pin: 'PIN',
  refused: {
    notAllowed: '只能设置自己的 PIN；为他人设置或清除 PIN 需要客服经理',
    unknownStaff: '没有这个工号'
  },
  switchPinHint: '{{staffNo}} {{name}} 已设置 PIN：输入 PIN 后切换',
  check: {
    wrong: 'PIN 不正确',
    wrongLeft: 'PIN 不正确，还可输入 {{left}} 次',
    locked: '连续输错 5 次，该工号已锁定至 {{time}}；请稍后再试，或请客服经理解锁',
    lockedNow: '连续输错 5 次，该工号已锁定 5 分钟；请稍后再试，或请客服经理解锁',
    unknownStaff: '没有这个工号',
    inactive: '该工号已停用',
    noPin: '该工号还没有设置 PIN：请先在系统设置中设置，或切换到该工号后再确认'
  }
}

export const staffPinEn: typeof staffPinZh = {
  column: 'PIN',
  isSet: 'Set',
  notSet: 'Not set',
  actions: 'Actions',
  set: 'Set PIN',
  clear: 'Clear PIN',
  dialogTitle: 'Set PIN: {{staffNo}} {{name}}',
  hint: 'A PIN is 4–6 digits, used to confirm it is you (e.g. to acknowledge a handover). Keep it to yourself.',
  newPin: 'New PIN',
  confirmPin: 'Enter again',
  done: 'PIN set for {{staffNo}} {{name}}',
  confirmClear: 'Clear the PIN of {{staffNo}} {{name}}? It will have to be set again.',
  cleared: 'PIN cleared for {{staffNo}} {{name}}',
  staffNo: 'Staff no.',
  pin: 'PIN',
  refused: {
    notAllowed: 'You can set only your own PIN; setting or clearing someone else’s needs the manager',
    unknownStaff: 'No such staff no.'
  },
  switchPinHint: '{{staffNo}} {{name}} has a PIN: enter it to switch',
  check: {
    wrong: 'Wrong PIN',
    wrongLeft: 'Wrong PIN; {{left}} tries left',
    locked:
      'Five wrong PINs: this staff no. is locked until {{time}}. Try again later, or ask the manager to unlock it',
    lockedNow:
      'Five wrong PINs: this staff no. is locked for 5 minutes. Try again later, or ask the manager to unlock it',
    unknownStaff: 'No such staff no.',
    inactive: 'This staff no. is deactivated',
    noPin: 'This staff no. has no PIN yet: set one in Settings, or switch to this staff no. and confirm again'
  }
}
