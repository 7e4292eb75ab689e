import type enSafety from './en';

/** Simplified Chinese strings for claimed identities and the traps guards. */
const safety: typeof enSafety = {
  traps: {
    recording: '语音留言录音',
    unknownShortcut: '“{{shortcut}}”不是快捷回复，因此未发送。请从列表中选择，或删除“/”。',
  },
  slaWords: {
    dueIn: '{{kind}}将在 {{time}} 后到期',
    overdue: '{{kind}}已超时 {{time}}',
  },
  claims: {
    heading: '可能是同一个人',
    claimedEmail: '{{claimant}} 填写了 {{suggested}} 的邮箱（{{address}}）',
    claimedPhone: '{{claimant}} 提供了 {{suggested}} 的电话号码（{{address}}）',
    unproven: '未经验证：任何人都可以填写任意地址。确认无误后再关联。',
    confirm: '关联为同一客户',
    dismiss: '不是同一个人',
  },
};

export default safety;
