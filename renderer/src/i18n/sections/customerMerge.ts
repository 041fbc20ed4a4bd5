// customerMerge texts (zh-CN and en side by side): 疑似重复客户, 合并档案, 均衡分配 / 调整分配.
// Field and tier labels come from the customer section (docs/glossary.md).
export const customerMergeZh = {
  title: '疑似重复客户',
  intro:
    '以下档案可能属于同一位客户：电话相同，或姓名相同且电话相近（尾号相同、差一位数字或相邻两位颠倒）。核对后可合并，合并不会丢失任何记录。',
  scanning: '正在查找疑似重复的档案…',
  found: '共找到 {{count}} 对疑似重复',
  shownFirst: '（先列出最可疑的 {{shown}} 对，合并后再次查找可看到其余的）',
  none: '没有发现疑似重复的客户档案',
  rescan: '重新查找',
  reason: { samePhone: '同一电话', similarPhone: '同名且电话相近' },
  likeness: {
    same: '电话相同',
    oneDigit: '电话相差一位数字',
    swapped: '电话相邻两位颠倒',
    last4: '尾号相同'
  },
  complaints: '投诉 {{count}} 次',
  returns: '退换货 {{count}} 次',
  open: '查看档案',
  merge: '合并',
  dialogTitle: '合并客户档案',
  pickFirst: '选择要合并的第一份档案',
  pickOther: '选择要合并的另一份档案',
  change: '更换',
  keep: '保留',
  keepHint:
    '选择保留哪一份档案。另一份的信息、投诉和退换货并入保留的档案，之后停用，仍可从保留档案的“合并档案”记录中打开查看。',
  willRetire: '合并后停用',
  preview: '合并后的档案',
  differences: '不一致的信息',
  noDifferences: '两份档案的信息没有冲突',
  column: { field: '项目', kept: '保留的值', other: '另一份档案的值', where: '另一份的值去向' },
  where: {
    notes: '记入备注',
    taken: '采用此值',
    higherTier: '采用较高的等级',
    lowerTierNoted: '较低的等级记入备注',
    combined: '两者合并'
  },
  filled: '从另一份档案补充的信息',
  nothingFilled: '无',
  moves: '另一份档案的 {{complaints}} 次投诉、{{returns}} 次退换货将转到保留的档案，处理记录全部保留。',
  confirm: '确认合并',
  merged: '已合并到“{{name}}”的档案',
  refused: {
    self: '不能把档案与它自己合并',
    notFound: '找不到该客户档案，可能已被删除，请刷新后再试',
    alreadyMerged: '该档案已经合并到另一份档案（可能在别的电脑上），请刷新后再试'
  },
  explanation: {
    merged: '并入档案“{{name}}”（{{phones}}）',
    moved: '转入投诉 {{complaints}} 次、退换货 {{returns}} 次',
    filled: '补充的信息：',
    differences: '不一致的信息：',
    keptValue: '保留 {{kept}}，另一份为 {{other}}',
    into: '已合并到档案“{{name}}”',
    openSurvivor: '打开'
  },
  assign: {
    title: '均衡分配',
    managerOnly: '只有客服经理可以分配负责客服。请切换为经理工号后再操作。',
    tabBalance: '均衡分配',
    tabMove: '调整分配',
    unassigned: '未分配的客户：{{count}} 位',
    clerk: '客服',
    current: '现有客户',
    after: '分配后',
    pickHint: '勾选参加分配的客服：未分配的客户按数量均衡分给他们（客户少的先分）。',
    noClerks: '还没有在岗的客服专员或值班长，请先在“系统设置”中添加员工。',
    confirm: '确认分配',
    done: '已分配 {{count}} 位客户',
    nothingToAssign: '没有未分配的客户',
    from: '移出客户的客服',
    fromPlaceholder: '选择客服（如离职或客户过多的客服）',
    fromOption: '{{who}}（{{count}} 位客户）',
    to: '接收客户的客服',
    moveHint: '所选客服的全部客户按数量均衡分给接收的客服。',
    confirmMove: '确认调整',
    moved: '已调整 {{count}} 位客户',
    inactive: '已停用',
    notClerk: '非客服',
    working: '正在保存… {{done}} / {{total}}',
    refused: {
      managerOnly: '只有客服经理可以分配负责客服',
      noClerks: '请至少选择一位接收客户的客服',
      notClerk: '所选员工不是在岗的客服专员或值班长，请刷新后再试',
      sameClerk: '接收客户的客服不能包括移出客户的客服'
    }
  }
}

export const customerMergeEn: typeof customerMergeZh = {
  title: 'Possible duplicate customers',
  intro:
    'These archives may belong to the same customer: the same phone, or the same name with a similar phone (same last 4 digits, one digit different or two adjacent digits swapped). Check them, then merge — nothing is lost.',
  scanning: 'Looking for possible duplicates…',
  found: '{{count}} possible duplicate pairs found',
  shownFirst: '(the {{shown}} most likely first; search again after merging to see the rest)',
  none: 'No possible duplicates found',
  rescan: 'Search again',
  reason: { samePhone: 'Same phone', similarPhone: 'Same name, similar phone' },
  likeness: {
    same: 'Same phone',
    oneDigit: 'Phones differ in one digit',
    swapped: 'Two adjacent digits swapped',
    last4: 'Same last 4 digits'
  },
  complaints: '{{count}} complaints',
  returns: '{{count}} returns',
  open: 'Open archive',
  merge: 'Merge',
  dialogTitle: 'Merge customer archives',
  pickFirst: 'Choose the first archive to merge',
  pickOther: 'Choose the other archive to merge',
  change: 'Change',
  keep: 'Keep',
  keepHint:
    'Choose which archive to keep. The other one’s details, complaints and returns move into it; it is then retired but can still be opened from the merge entry on the kept archive.',
  willRetire: 'Retired after merging',
  preview: 'Merged archive',
  differences: 'Differing values',
  noDifferences: 'The two archives do not conflict',
  column: {
    field: 'Field',
    kept: 'Kept value',
    other: 'Other archive’s value',
    where: 'Other value goes to'
  },
  where: {
    notes: 'Kept in notes',
    taken: 'Used',
    higherTier: 'Higher tier used',
    lowerTierNoted: 'Lower tier kept in notes',
    combined: 'Combined'
  },
  filled: 'Filled in from the other archive',
  nothingFilled: 'Nothing',
  moves:
    'The other archive’s {{complaints}} complaints and {{returns}} returns move to the kept archive with their full history.',
  confirm: 'Confirm merge',
  merged: 'Merged into “{{name}}”',
  refused: {
    self: 'An archive cannot be merged with itself',
    notFound: 'Customer archive not found — it may have been removed. Refresh and try again',
    alreadyMerged:
      'This archive was already merged into another (perhaps on another PC). Refresh and try again'
  },
  explanation: {
    merged: 'Merged in archive “{{name}}” ({{phones}})',
    moved: '{{complaints}} complaints and {{returns}} returns moved here',
    filled: 'Filled in: ',
    differences: 'Differing values: ',
    keptValue: 'kept {{kept}}, other had {{other}}',
    into: 'Merged into archive “{{name}}”',
    openSurvivor: 'Open'
  },
  assign: {
    title: 'Balance assignment',
    managerOnly: 'Only the manager can assign clerks to customers. Switch to a manager’s staff no. first.',
    tabBalance: 'Balance',
    tabMove: 'Reassign',
    unassigned: 'Unassigned customers: {{count}}',
    clerk: 'Clerk',
    current: 'Customers now',
    after: 'After',
    pickHint: 'Tick the clerks who take part: unassigned customers are shared out by numbers (fewest first).',
    noClerks: 'No active clerks or shift leaders yet — add staff under Settings first.',
    confirm: 'Confirm assignment',
    done: '{{count}} customers assigned',
    nothingToAssign: 'No unassigned customers',
    from: 'Move customers of',
    fromPlaceholder: 'Choose a clerk (e.g. one who left or has too many)',
    fromOption: '{{who}} ({{count}} customers)',
    to: 'Give them to',
    moveHint: 'All customers of the chosen clerk are shared out by numbers among the receiving clerks.',
    confirmMove: 'Confirm reassignment',
    moved: '{{count}} customers reassigned',
    inactive: 'Inactive',
    notClerk: 'Not a clerk',
    working: 'Saving… {{done}} / {{total}}',
    refused: {
      managerOnly: 'Only the manager can assign clerks to customers',
      noClerks: 'Choose at least one clerk to receive customers',
      notClerk: 'A chosen person is not an active clerk or shift leader — refresh and try again',
      sameClerk: 'The receiving clerks cannot include the clerk the customers come from'
    }
  }
}
