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
};

export default safety;
