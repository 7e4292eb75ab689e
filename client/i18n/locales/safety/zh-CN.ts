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
  identity: {
    visitor: '网页聊天访客 · 自 {{date}} 起',
    visitorUndated: '网页聊天访客',
    user: '{{channel}} 用户 · 自 {{date}} 起',
    userUndated: '{{channel}} 用户',
    rawId: '服务商 ID（仅管理员可见）：{{id}}',
  },
  duplicates: {
    heading: '可能重复的客户',
    strong: '很可能是同一人',
    possible: '可能是同一人',
    sameName: '姓名相同，且{{reasons}}',
    reason: {
      phone: '电话号码相同 {{value}}',
      email: '邮箱相同 {{value}}',
      email_variant: '同一邮箱 {{value}}',
      phone_last4: '电话尾号相同 {{value}}',
      handle: '用户名相同 {{value}}',
    },
    merge: '查看合并',
    dismiss: '不是同一人',
    open: '打开其会话',
  },
};

export default safety;
