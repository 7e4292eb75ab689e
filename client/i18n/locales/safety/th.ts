import type enSafety from './en';

/** Thai strings for claimed identities and the traps guards. */
const safety: typeof enSafety = {
  traps: {
    recording: 'ข้อความเสียงที่บันทึกไว้',
    unknownShortcut: '“{{shortcut}}” ไม่ใช่ข้อความสำเร็จรูป จึงยังไม่ได้ส่ง เลือกจากรายการ หรือลบ “/” ออก',
  },
  slaWords: {
    dueIn: '{{kind}} ครบกำหนดใน {{time}}',
    overdue: '{{kind}} เลยกำหนดมา {{time}}',
  },
  claims: {
    heading: 'อาจเป็นคนเดียวกัน',
    claimedEmail: '{{claimant}} พิมพ์อีเมลของ {{suggested}} ({{address}})',
    claimedPhone: '{{claimant}} ให้เบอร์โทรของ {{suggested}} ({{address}})',
    unproven: 'ยังไม่ได้ยืนยัน: ใครก็พิมพ์ที่อยู่ใดก็ได้ เชื่อมเฉพาะเมื่อแน่ใจ',
    confirm: 'รวมเป็นลูกค้าคนเดียว',
    dismiss: 'ไม่ใช่คนเดียวกัน',
  },
  identity: {
    visitor: 'ผู้เยี่ยมชมแชทบนเว็บ · ตั้งแต่ {{date}}',
    visitorUndated: 'ผู้เยี่ยมชมแชทบนเว็บ',
    user: 'ผู้ใช้ {{channel}} · ตั้งแต่ {{date}}',
    userUndated: 'ผู้ใช้ {{channel}}',
    rawId: 'รหัสของผู้ให้บริการ (เฉพาะผู้ดูแลระบบ): {{id}}',
  },
  duplicates: {
    heading: 'อาจเป็นลูกค้าซ้ำ',
    strong: 'น่าจะเป็นคนเดียวกัน',
    possible: 'อาจเป็นคนเดียวกัน',
    sameName: 'ชื่อเดียวกัน และ{{reasons}}',
    reason: {
      phone: 'หมายเลขโทรศัพท์เดียวกัน {{value}}',
      email: 'อีเมลเดียวกัน {{value}}',
      email_variant: 'กล่องจดหมายเดียวกัน {{value}}',
      phone_last4: 'เบอร์โทรลงท้ายเหมือนกัน {{value}}',
      handle: 'ชื่อผู้ใช้เดียวกัน {{value}}',
    },
    merge: 'ตรวจสอบการรวม',
    dismiss: 'ไม่ใช่คนเดียวกัน',
    open: 'เปิดการสนทนาของลูกค้ารายนี้',
  },
};

export default safety;
