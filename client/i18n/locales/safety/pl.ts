import type enSafety from './en';

/** Polish strings for claimed identities and the traps guards. */
const safety: typeof enSafety = {
  traps: {
    recording: 'Nagranie poczty głosowej',
    unknownShortcut:
      '„{{shortcut}}” nie jest gotową odpowiedzią, więc nic nie wysłano. Wybierz odpowiedź z listy albo usuń „/”.',
  },
  slaWords: {
    dueIn: '{{kind}}: termin za {{time}}',
    overdue: '{{kind}}: po terminie o {{time}}',
  },
  claims: {
    heading: 'Możliwie ta sama osoba',
    claimedEmail: '{{claimant}} podał(a) e-mail klienta {{suggested}} ({{address}})',
    claimedPhone: '{{claimant}} podał(a) numer telefonu klienta {{suggested}} ({{address}})',
    unproven: 'Niepotwierdzone: każdy może wpisać dowolny adres. Połącz tylko, jeśli masz pewność.',
    confirm: 'Połącz w jednego klienta',
    dismiss: 'To inna osoba',
  },
};

export default safety;
