import type { ChannelKind } from '#shared/channels';
import type { DemoLang } from './conversations';

/** A fictional demo customer. */
export interface Persona {
  name: string;
  lang: DemoLang;
  channel: ChannelKind;
  phone: string;
  email: string;
}

const EN = [
  'Emma Johnson',
  'Liam Carter',
  'Olivia Brown',
  'Noah Davis',
  'Ava Wilson',
  'James Miller',
  'Sophia Moore',
  'Lucas Taylor',
  'Mia Anderson',
  'Ethan Thomas',
  'Harper Lee',
  'Jack Martin',
  'Grace Walker',
];
const TH = [
  'สมชาย ใจดี',
  'นภัสวรรณ ศรีสุข',
  'ธนากร วงศ์ใหญ่',
  'พิมพ์ชนก แก้วมณี',
  'กิตติพงษ์ สุวรรณ',
  'อรุณี ทองดี',
  'วิชัย พงษ์ไพร',
  'สุดารัตน์ มีสุข',
  'ปิยะพงษ์ รุ่งเรือง',
  'ชนิดา บุญมา',
  'ณัฐวุฒิ แสงทอง',
  'กมลชนก จันทร์เพ็ญ',
];
const PL = [
  'Anna Kowalska',
  'Piotr Nowak',
  'Katarzyna Wiśniewska',
  'Tomasz Wójcik',
  'Magdalena Kamińska',
  'Paweł Lewandowski',
  'Agnieszka Zielińska',
  'Michał Szymański',
  'Joanna Woźniak',
  'Krzysztof Dąbrowski',
  'Ewa Kozłowska',
  'Łukasz Jankowski',
  'Zofia Mazur',
];
const ZH = ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨磊', '赵丽', '黄强', '周婷', '吴杰', '徐娜', '孙浩'];

const CHANNELS: Record<DemoLang, ChannelKind[]> = {
  en: ['webchat', 'email', 'sms', 'whatsapp'],
  th: ['line', 'messenger', 'whatsapp'],
  pl: ['email', 'sms', 'webchat', 'messenger'],
  zh: ['webchat', 'telegram', 'email', 'whatsapp'],
};

const ASCII: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };

function emailOf(name: string, lang: DemoLang, i: number): string {
  if (lang === 'th' || lang === 'zh') return `customer${lang}${i}@example.com`;
  const local = name
    .toLowerCase()
    .replace(/[ąćęłńóśźż]/g, (c) => ASCII[c] ?? c)
    .replace(/\s+/g, '.');
  return `${local}@example.com`;
}

function phoneOf(lang: DemoLang, i: number): string {
  const n = String(i).padStart(2, '0');
  if (lang === 'en') return `+1415555${String(100 + i).padStart(4, '0')}`; // 555-01xx: reserved for fiction
  if (lang === 'th') return `+66812345${String(100 + i).padStart(3, '0')}`;
  if (lang === 'pl') return `+48512345${String(100 + i).padStart(3, '0')}`;
  return `+861381234${n}${n}`;
}

function build(names: string[], lang: DemoLang): Persona[] {
  return names.map((name, i) => ({
    name,
    lang,
    channel: CHANNELS[lang][i % CHANNELS[lang].length],
    phone: phoneOf(lang, i),
    email: emailOf(name, lang, i),
  }));
}

/** Fifty demo customers in English, Thai, Polish and Chinese. */
export const PERSONAS: Persona[] = [...build(EN, 'en'), ...build(TH, 'th'), ...build(PL, 'pl'), ...build(ZH, 'zh')];
