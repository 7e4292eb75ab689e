/** English UI strings (the source of truth for keys). */
const en = {
  app: { name: 'Braid', loading: 'Loading…', offline: 'Reconnecting…', logout: 'Log out' },
  login: {
    title: 'Sign in to Braid',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Wrong email or password.',
    rateLimited: 'Too many attempts. Wait a few minutes and try again.',
  },
  views: { mine: 'Mine', unassigned: 'Unassigned', all: 'All', label: 'Inbox views' },
  list: {
    empty: 'No conversations here.',
    loadingMore: 'Loading more…',
    waiting: 'waiting {{time}}',
    unread_one: '{{count}} unread message',
    unread_other: '{{count}} unread messages',
    label: 'Conversations',
    unassigned: 'Unassigned',
  },
  status: { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', resolved: 'Resolved' },
  thread: {
    select: 'Select a conversation',
    loadOlder: 'Load older messages',
    timeline: 'Conversation history',
    noMessages: 'No messages yet.',
    take: 'Take',
    resolve: 'Resolve',
    reopen: 'Reopen',
    assignedTo: 'Assigned to {{name}}',
    waitingFor: 'Customer waiting for {{time}}',
    you: 'You',
    note: 'Internal note',
    waited: 'replied after {{time}}',
    retry: 'Retry',
    viewing: '{{names}} viewing',
    typing: '{{name}} is typing…',
  },
  delivery: { queued: 'Queued', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed: {{reason}}' },
  composer: {
    placeholder: 'Reply to the customer… (Enter to send, Shift+Enter for a new line)',
    notePlaceholder: 'Write an internal note (only agents see it)…',
    send: 'Send',
    addNote: 'Add note',
    via: 'Reply via',
    noteToggle: 'Note',
    label: 'Message',
  },
};
export default en;
/** Shape every translation must have. */
export type Translation = typeof en;
