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
};

export default safety;
