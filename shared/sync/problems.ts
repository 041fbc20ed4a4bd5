// Why a share file could not be used, with the zh-CN sentence the sync page shows and what the
// engine should do with the file. Decoders return these; they never throw.

export type FileProblem =
  | 'truncated'
  | 'checksum'
  | 'notASegment'
  | 'futureFormat'
  | 'needsPassphrase'
  | 'wrongPassphrase'
  | 'tampered'
  | 'invalidJson'

/** pending: keep the file where it is, do not apply it, try again after the user acts (update the
 *  app, type the passphrase). quarantine: copy it aside locally, report it, skip it, retry later. */
export type Disposition = 'pending' | 'quarantine'

export interface ProblemResult {
  ok: false
  problem: FileProblem
  /** zh-CN, for the sync page */
  message: string
  /** English, for logs and support */
  detail: string
  disposition: Disposition
}

export const PROBLEM_MESSAGES: Readonly<Record<FileProblem, string>> = {
  truncated: '同步文件不完整（可能写入时中断），已隔离',
  checksum: '同步文件已损坏（校验和不符），已隔离',
  notASegment: '不是门店客服台的同步文件，已隔离',
  futureFormat: '同步文件来自更新版本的门店客服台，请升级本机软件；文件已保留，升级后自动同步',
  needsPassphrase: '同步文件已加密，请在同步设置中输入共享密码；文件已保留',
  wrongPassphrase: '共享密码不正确，无法解密同步文件；请核对密码，文件已保留',
  tampered: '同步文件未通过加密校验（内容或文件头被改动），已隔离',
  invalidJson: '同步文件内容格式错误，已隔离'
}

const DISPOSITIONS: Readonly<Record<FileProblem, Disposition>> = {
  truncated: 'quarantine',
  checksum: 'quarantine',
  notASegment: 'quarantine',
  futureFormat: 'pending',
  needsPassphrase: 'pending',
  wrongPassphrase: 'pending',
  tampered: 'quarantine',
  invalidJson: 'quarantine'
}

export function problem(kind: FileProblem, detail: string): ProblemResult {
  return {
    ok: false,
    problem: kind,
    message: PROBLEM_MESSAGES[kind],
    detail,
    disposition: DISPOSITIONS[kind]
  }
}
