/**
 * The survey's own scale words (CSAT 1–5) in English, Polish, Thai and Chinese, the courtesy words a
 * rating comes wrapped in, and the signs that a reply also asks or reports something (a follow-up).
 * Keys are lower-case and ASCII-folded like the parser's text (Polish "źle" is "zle", "słabo" "slabo").
 * Scale: the survey's end words are 1 and 5; very good / very satisfied 5; good / satisfied 4;
 * ok / so-so 3; bad 2; very bad / terrible 1.
 */
export const SCALE_WORDS: ReadonlyArray<[string, number]> = (
  [
    ['very satisfied', 5],
    ['extremely satisfied', 5],
    ['excellent', 5],
    ['very good', 5],
    ['satisfied', 4],
    ['good', 4],
    ['okay', 3],
    ['ok', 3],
    ['so-so', 3],
    ['so so', 3],
    ['average', 3],
    ['very bad', 1],
    ['terrible', 1],
    ['awful', 1],
    ['very dissatisfied', 1],
    ['dissatisfied', 1],
    ['not satisfied', 1],
    ['poor', 1],
    ['bad', 2],
    ['bardzo dobrze', 5],
    ['bardzo dobra', 5],
    ['swietnie', 5],
    ['doskonale', 5],
    ['dobrze', 4],
    ['srednio', 3],
    ['tak sobie', 3],
    ['bardzo zle', 1],
    ['fatalnie', 1],
    ['okropnie', 1],
    ['slabo', 1],
    ['zle', 2],
    ['พอใจมาก', 5],
    ['ดีมาก', 5],
    ['ยอดเยี่ยม', 5],
    ['ไม่พอใจ', 1],
    ['แย่มาก', 1],
    ['ไม่ดี', 2],
    ['แย่', 2],
    ['พอใจ', 4],
    ['ดี', 4],
    ['เฉยๆ', 3],
    ['เฉย ๆ', 3],
    ['ปานกลาง', 3],
    ['พอใช้', 3],
    ['非常满意', 5],
    ['十分满意', 5],
    ['很满意', 5],
    ['非常好', 5],
    ['很好', 5],
    ['不满意', 1],
    ['非常差', 1],
    ['很差', 1],
    ['太差', 1],
    ['满意', 4],
    ['不错', 4],
    ['一般', 3],
    ['还行', 3],
    ['差', 2],
  ] satisfies Array<[string, number]>
).sort((a, b) => b[0].length - a[0].length);

/** Thanks and polite particles around a rating: they carry no score and are not "other words". */
export const COURTESY =
  /thank you(?: so much| very much)?|thanks(?: a lot)?|dziekuje(?: bardzo)?|dzieki|ขอบคุณ(?:มาก)?|ค่ะ|ครับ|คะ|นะ|จ้า|非常感谢|谢谢|多谢/gu;

/**
 * Signs that a reply also asks something, reports a problem or makes a new request: a question mark,
 * question words, "still not", "waiting for", "another question" in the four languages.
 */
export const FOLLOW_UP =
  /[?？]|\b(?:when|where|why|how|can you|could you|can i|also|still|nobody|no one|hasn'?t|haven'?t|didn'?t|question|kiedy|gdzie|dlaczego|czy|jak|nadal|jeszcze|czekam|pytani\w*|nie (?:przyszl|dotarl|doszl)\w*)\b|เมื่อไหร่|เมื่อไร|ทำไม|ที่ไหน|ไหม|มั้ย|ยังไม่|อย่างไร|ยังไง|สอบถาม|คำถาม|什么时候|为什么|哪里|怎么|吗|还有|没收到|没有收到|问题|请问|想问/u;

/** Where a reply's first clause ends: punctuation, "but", or (in Thai, written without commas) a space. */
export const CLAUSE_END = /[,，。.!！?？:：;；…]|\s+(?:but|ale|a|and|i)\s|\s(?=\S*\p{Script=Thai})|แต่|但是/u;
