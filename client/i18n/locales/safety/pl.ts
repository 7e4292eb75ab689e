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
  identity: {
    visitor: 'Gość czatu na stronie · od {{date}}',
    visitorUndated: 'Gość czatu na stronie',
    user: 'Użytkownik {{channel}} · od {{date}}',
    userUndated: 'Użytkownik {{channel}}',
    rawId: 'Identyfikator dostawcy (tylko administratorzy): {{id}}',
  },
  duplicates: {
    heading: 'Prawdopodobne duplikaty',
    strong: 'Prawdopodobnie ta sama osoba',
    possible: 'Możliwie ta sama osoba',
    sameName: 'To samo imię i nazwisko oraz {{reasons}}',
    reason: {
      phone: 'ten sam numer telefonu {{value}}',
      email: 'ten sam e-mail {{value}}',
      email_variant: 'ta sama skrzynka pocztowa {{value}}',
      phone_last4: 'numer telefonu kończący się tak samo: {{value}}',
      handle: 'ta sama nazwa użytkownika {{value}}',
    },
    merge: 'Przejrzyj scalenie',
    dismiss: 'To inna osoba',
    open: 'Otwórz jego/jej rozmowę',
  },
};

export default safety;
