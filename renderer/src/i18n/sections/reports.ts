// 统计报表 texts (zh-CN and en side by side): the labels of docs/glossary.md's Reports section and
// the codes returned by shared/domain/clock and shared/domain/metrics (issue 16).
export const reportsZh = {
  overview: '总览',
  causeAnalysis: '原因分析',
  timeliness: '时效分析',
  staffReview: '客服考核',
  departmentFeedback: '部门反馈',
  anomalyDaily: '质量异常分析日报表',
  workReport: '工作报表',
  vsPrevious: '较上期',
  dataAsOf: '数据截至',
  printReport: '打印报表',
  pauseClock: '暂停计时',
  resumeClock: '恢复计时',
  pauseReason: { customer: '等待客户答复', parts: '等待配件到货', vendor: '等待厂家处理' },
  closedDays: '停业日',
  pauseReasonLabel: '暂停原因',
  pauseTitle: '暂停计时',
  pausedSince: '计时已暂停：{{reason}}（自 {{time}}）',
  pausedHint: '暂停期间不计入日落原则、超时升级和回访时限。',
  paused: '暂停中',
  pausedDone: '已暂停计时',
  resumedDone: '已恢复计时',
  closedDayCard: {
    hint: '停业日（如春节停业）不计入任何处理时限；修改后所有未结案投诉的期限随之重算。',
    from: '开始日期',
    to: '结束日期',
    toHint: '只停一天可不填',
    add: '添加停业日',
    remove: '移除',
    empty: '尚未设置停业日',
    count: '共 {{count}} 天',
    range: '{{from}} 至 {{to}}（{{count}} 天）',
    placeholder: '如 2027-02-06',
    saved: '停业日已保存',
    managerOnly: '只有客服经理可以修改停业日。'
  },
  metric: {
    complaintRate: '服务投诉率',
    missRate: '服务遗漏率',
    dissatisfactionRate: '服务不满意率',
    revisitRate: '回访率',
    conversionRate: '成交转化率',
    firstResponseTime: '首次响应时长',
    closeTime: '结案时长',
    slaCompliance: '时效达标率'
  },
  limit: {
    firstResponse: '首次响应（日落原则）',
    resolution: '限时办结',
    followUp: '回访时限',
    all: '全部时限'
  },
  servedFrom: { counterLog: '柜台登记', footfall: '每日客流', transactions: '每日成交笔数' },
  anomaly: {
    complaintSpike: '投诉量异常',
    overdueSpike: '超时量异常',
    repeatCustomer: '30 天内重复投诉',
    managerEscalation: '已升级至经理',
    unsatisfiedFollowUp: '回访不满意'
  },
  clock: {
    alreadyPaused: '计时已暂停，请先恢复计时。',
    notPaused: '计时没有暂停，无需恢复。',
    badReason: '请选择暂停原因。',
    caseEnded: '这件投诉已结案，不能再暂停或恢复计时。',
    beforeLast: '时间早于上一次暂停或恢复，请检查电脑时间。',
    notAllowed: '只有首问负责人、值班长或客服经理可以暂停或恢复计时。'
  },
  closedDayList: {
    badDate: '停业日须为有效日期（如 2027-02-06）。',
    tooMany: '停业日最多 1000 天。',
    rangeEndsBeforeStart: '结束日期不能早于开始日期。',
    managerOnly: '只有客服经理可以修改停业日。'
  },
  period: {
    badDate: '请输入有效日期（如 2026-11-23）。',
    endsBeforeStart: '结束日期不能早于开始日期。',
    tooLong: '时间范围不能超过 3 年。'
  },
  noData: {
    none: '本期没有可统计的记录',
    consultations: '尚无咨询登记数据',
    dailyFigures: '尚未录入每日客流 / 成交笔数'
  },
  figures: {
    badDate: '日期无法识别',
    notNumber: '不是数字',
    notWholeNumber: '应为不小于 0 的整数',
    tooLarge: '数字过大，请检查',
    noFigures: '客流和成交笔数都为空',
    duplicateDate: '日期 {{date}} 重复（第 {{rows}} 行）',
    noRows: '文件中没有数据行'
  }
}

export const reportsEn: typeof reportsZh = {
  overview: 'Overview',
  causeAnalysis: 'Cause analysis',
  timeliness: 'Timeliness',
  staffReview: 'Staff performance',
  departmentFeedback: 'Department feedback',
  anomalyDaily: 'Daily quality-anomaly report',
  workReport: 'Daily work report',
  vsPrevious: 'vs previous period',
  dataAsOf: 'Data as of',
  printReport: 'Print report',
  pauseClock: 'Pause clock',
  resumeClock: 'Resume clock',
  pauseReason: {
    customer: 'Waiting for customer',
    parts: 'Waiting for parts',
    vendor: 'Waiting for supplier'
  },
  closedDays: 'Closed days',
  pauseReasonLabel: 'Reason for pausing',
  pauseTitle: 'Pause clock',
  pausedSince: 'Clock paused: {{reason}} (since {{time}})',
  pausedHint: 'Paused time does not count toward the same-day rule, escalations or the follow-up window.',
  paused: 'Paused',
  pausedDone: 'Clock paused',
  resumedDone: 'Clock resumed',
  closedDayCard: {
    hint: 'Closed days (e.g. the Spring Festival closing) count toward no time limit; open complaints’ deadlines are recomputed when the list changes.',
    from: 'From',
    to: 'To',
    toHint: 'Leave empty for one day',
    add: 'Add closed days',
    remove: 'Remove',
    empty: 'No closed days yet',
    count: '{{count}} days',
    range: '{{from}} to {{to}} ({{count}} days)',
    placeholder: 'e.g. 2027-02-06',
    saved: 'Closed days saved',
    managerOnly: 'Only a manager can change the closed days.'
  },
  metric: {
    complaintRate: 'Complaint rate',
    missRate: 'Miss rate',
    dissatisfactionRate: 'Dissatisfaction rate',
    revisitRate: 'Follow-up rate',
    conversionRate: 'Conversion rate',
    firstResponseTime: 'Time to first response',
    closeTime: 'Time to close',
    slaCompliance: 'SLA compliance'
  },
  limit: {
    firstResponse: 'First response (same day)',
    resolution: 'Resolution limit',
    followUp: 'Follow-up window',
    all: 'All limits'
  },
  servedFrom: { counterLog: 'Counter log', footfall: 'Daily footfall', transactions: 'Daily transactions' },
  anomaly: {
    complaintSpike: 'Complaint volume spike',
    overdueSpike: 'Overdue spike',
    repeatCustomer: 'Repeat complaint within 30 days',
    managerEscalation: 'Escalated to the manager',
    unsatisfiedFollowUp: 'Unsatisfied at follow-up'
  },
  clock: {
    alreadyPaused: 'The clock is already paused. Resume it first.',
    notPaused: 'The clock is not paused.',
    badReason: 'Choose why the clock is paused.',
    caseEnded: 'This complaint is closed; its clock can no longer be paused or resumed.',
    beforeLast: 'The time is before the last pause or resume. Check this PC’s clock.',
    notAllowed: 'Only the first responder, a shift leader or a manager can pause or resume the clock.'
  },
  closedDayList: {
    badDate: 'A closed day must be a valid date (e.g. 2027-02-06).',
    tooMany: 'At most 1000 closed days.',
    rangeEndsBeforeStart: 'The end date cannot be before the start date.',
    managerOnly: 'Only a manager can change the closed days.'
  },
  period: {
    badDate: 'Enter a valid date (e.g. 2026-11-23).',
    endsBeforeStart: 'The end date cannot be before the start date.',
    tooLong: 'The range cannot be longer than 3 years.'
  },
  noData: {
    none: 'Nothing to count in this period',
    consultations: 'No consultation records yet',
    dailyFigures: 'Daily footfall / transactions not entered yet'
  },
  figures: {
    badDate: 'Date not recognised',
    notNumber: 'Not a number',
    notWholeNumber: 'Must be a whole number, 0 or more',
    tooLarge: 'Number too large; please check',
    noFigures: 'Both footfall and transactions are empty',
    duplicateDate: 'Date {{date}} appears more than once (rows {{rows}})',
    noRows: 'The file has no data rows'
  }
}
