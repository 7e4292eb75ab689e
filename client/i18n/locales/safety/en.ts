/** English strings for claimed identities and the traps guards (kept apart so the locale file stays small). */
const safety = {
  traps: {
    recording: 'Voicemail recording',
    unknownShortcut:
      '“{{shortcut}}” is not a canned response, so nothing was sent. Pick one from the list, or remove the “/”.',
  },
  slaWords: {
    dueIn: '{{kind}} due in {{time}}',
    overdue: '{{kind}} overdue by {{time}}',
  },
  claims: {
    heading: 'Possible same person',
    claimedEmail: '{{claimant}} typed the email of {{suggested}} ({{address}})',
    claimedPhone: '{{claimant}} gave the phone number of {{suggested}} ({{address}})',
    unproven: 'Not proven: anyone can type an address. Link only if you are sure.',
    confirm: 'Link as one customer',
    dismiss: 'Not the same person',
  },
  identity: {
    visitor: 'Web chat visitor · since {{date}}',
    visitorUndated: 'Web chat visitor',
    user: '{{channel}} user · since {{date}}',
    userUndated: '{{channel}} user',
    rawId: 'Provider id (admins only): {{id}}',
  },
  duplicates: {
    heading: 'Likely duplicates',
    strong: 'Likely the same person',
    possible: 'Possibly the same person',
    sameName: 'Same name, and {{reasons}}',
    reason: {
      phone: 'the same phone number {{value}}',
      email: 'the same email {{value}}',
      email_variant: 'the same mailbox {{value}}',
      phone_last4: 'a phone ending in the same {{value}}',
      handle: 'the same handle {{value}}',
    },
    merge: 'Review merge',
    dismiss: 'Not the same person',
    open: 'Open their conversation',
  },
};

export default safety;
