import type { Translation } from '#client/i18n/locales/en';

/** Polish strings of the supervisor live monitor and whispers. */
const monitor: Translation['monitor'] = {
  open: 'Podgląd',
  openFor: 'Podgląd rozmowy z {{name}} (tylko do odczytu)',
  openHint: 'Otwórz tylko do odczytu: nic nie zostanie oznaczone jako przeczytane, a agent nie zobaczy, że tu jesteś',
  badge: 'Podgląd · tylko do odczytu',
  leave: 'Zamknij podgląd',
  assignedTo: 'Przypisana do: {{name}}',
  unassigned: 'Nieprzypisana',
  forbidden: 'Rozmowę mogą podglądać tylko liderzy zespołów (swoich zespołów), supervisorzy i administratorzy.',
  viewedBy: 'Podglądali: {{list}}',
  viewedEntry: '{{name}} (podgląd) o {{time}}',
  someone: 'były współpracownik',
  whisperLabel: 'Szepnij agentowi',
  whisperPlaceholder: 'Szept widzą tylko agenci; klient nigdy.',
  whisperFor: 'Wyróżniony dla: {{name}}',
  whisperNobody: 'Nikt nie jest przypisany: każdy agent zespołu zobaczy to jako notatkę.',
  send: 'Szepnij',
  sending: 'Wysyłanie…',
  whisper: 'Szept',
  whisperFrom: 'Szept od: {{name}}',
  forYou: 'dla ciebie',
  toast: '{{name}} szepnął(-ęła) w rozmowie z {{customer}}',
  toastRegion: 'Szepty',
  dismiss: 'Zamknij',
};
export default monitor;
