// 约定回电 texts (zh-CN and en side by side).
export const callbackZh = {
  promise: '约定回电',
  done: '已回电',
  change: '改约时间',
  title: '约定回电',
  dueAt: '回电时间',
  note: '备注',
  notePlaceholder: '如：客户下午 3 点后方便接听',
  doneNote: '回电情况',
  quick: { inHour: '1小时后', today17: '今天17:00', tomorrow10: '明天10:00' },
  pending: '约定回电：{{time}}',
  overdue: '已过时',
  promised: '已记录约定回电 {{time}}',
  completed: '已记录回电',
  dueRequired: '请选择回电时间',
  dueInPast: '回电时间不能早于现在',
  dueTooFar: '回电时间不能超过 30 天后',
  refused: {
    notFound: '找不到这件投诉。',
    ended: '这件投诉已结案，不能再约定回电。',
    nonePending: '这件投诉没有待办的约定回电。'
  }
}

export const callbackEn: typeof callbackZh = {
  promise: 'Promise a callback',
  done: 'Called back',
  change: 'Change time',
  title: 'Promise a callback',
  dueAt: 'Call back at',
  note: 'Note',
  notePlaceholder: 'e.g. the customer is free after 3 pm',
  doneNote: 'How it went',
  quick: { inHour: 'In 1 hour', today17: 'Today 17:00', tomorrow10: 'Tomorrow 10:00' },
  pending: 'Callback promised: {{time}}',
  overdue: 'Overdue',
  promised: 'Callback promised for {{time}}',
  completed: 'Callback recorded',
  dueRequired: 'Choose when to call back',
  dueInPast: 'The time cannot be in the past',
  dueTooFar: 'At most 30 days ahead',
  refused: {
    notFound: 'Complaint not found.',
    ended: 'This complaint is closed; no callback can be promised.',
    nonePending: 'No callback is pending on this complaint.'
  }
}
