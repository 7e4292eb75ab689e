import type { Translation } from '#client/i18n/locales/en';

/** Thai strings of the supervisor live monitor and whispers. */
const monitor: Translation['monitor'] = {
  open: 'ติดตาม',
  openFor: 'ติดตาม · บทสนทนากับ {{name}} (อ่านอย่างเดียว)',
  openHint: 'เปิดแบบอ่านอย่างเดียว: ไม่มีการทำเครื่องหมายว่าอ่านแล้ว และเจ้าหน้าที่จะไม่เห็นว่าคุณอยู่ที่นี่',
  badge: 'กำลังติดตาม · อ่านอย่างเดียว',
  leave: 'ออกจากการติดตาม',
  assignedTo: 'มอบหมายให้ {{name}}',
  unassigned: 'ยังไม่ได้มอบหมาย',
  forbidden: 'เฉพาะหัวหน้าทีม (สำหรับทีมของตน) ผู้ควบคุม และผู้ดูแลระบบเท่านั้นที่ติดตามบทสนทนาได้',
  viewedBy: 'ดูโดย {{list}}',
  viewedEntry: '{{name}} (ติดตาม) เวลา {{time}}',
  someone: 'อดีตเพื่อนร่วมงาน',
  whisperLabel: 'กระซิบถึงเจ้าหน้าที่',
  whisperPlaceholder: 'เฉพาะเจ้าหน้าที่เท่านั้นที่เห็นข้อความกระซิบ ลูกค้าจะไม่เห็นเลย',
  whisperFor: 'ไฮไลต์ให้ {{name}}',
  whisperNobody: 'ยังไม่มีผู้รับผิดชอบ: เจ้าหน้าที่ทุกคนในทีมจะเห็นเป็นบันทึก',
  send: 'กระซิบ',
  sending: 'กำลังส่ง…',
  whisper: 'กระซิบ',
  whisperFrom: 'กระซิบจาก {{name}}',
  forYou: 'ถึงคุณ',
  toast: '{{name}} กระซิบในบทสนทนากับ {{customer}}',
  toastRegion: 'ข้อความกระซิบ',
  dismiss: 'ปิด',
};
export default monitor;
