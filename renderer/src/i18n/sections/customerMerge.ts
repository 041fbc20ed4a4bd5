// customerMerge texts (zh-CN and en side by side).
export const customerMergeZh = {
  title: ''
}

export const customerMergeEn: typeof customerMergeZh = {
  title: ''
}
