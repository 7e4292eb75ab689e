import type { Translation } from '#client/i18n/locales/en';

/** Simplified Chinese strings of the supervisor live monitor and whispers. */
const monitor: Translation['monitor'] = {
  open: '监听',
  openFor: '监听 · 与 {{name}} 的会话（只读）',
  openHint: '只读打开：不会标记为已读，坐席也不会看到你在这里',
  badge: '监听中 · 只读',
  leave: '退出监听',
  assignedTo: '已分配给 {{name}}',
  unassigned: '未分配',
  forbidden: '只有团队组长（限本团队）、主管和管理员可以监听会话。',
  viewedBy: '查看者：{{list}}',
  viewedEntry: '{{name}}（监听）于 {{time}}',
  someone: '已离职的同事',
  whisperLabel: '悄悄告诉坐席',
  whisperPlaceholder: '悄悄话只有坐席能看到，客户永远看不到。',
  whisperFor: '为 {{name}} 高亮显示',
  whisperNobody: '尚未分配：团队中的每位坐席都会把它看作备注。',
  send: '发送悄悄话',
  sending: '发送中…',
  whisper: '悄悄话',
  whisperFrom: '来自 {{name}} 的悄悄话',
  forYou: '给你',
  toast: '{{name}} 在与 {{customer}} 的会话中发来悄悄话',
  toastRegion: '悄悄话',
  dismiss: '关闭',
};
export default monitor;
