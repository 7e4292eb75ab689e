/**
 * Frequent words per Latin-script language, folded to ASCII, used only to guess which language a
 * Latin-script message is in. English and Polish lists carry support vocabulary too, so short
 * messages ("refund pls", "nie dziala") are still recognised.
 */
const SOURCE: Record<string, string> = {
  en: `the a an and or but is are was were be been am i you he she it we they my your our their me him her us them
this that these those to of in on at for with from by about as not no yes do does did don't doesn't didn't
can can't could would will won't should have has had haven't hasn't isn't it's i'm i've what when where why
how who which there here please thanks thank thx hi hello hey ok okay order orders refund delivery package
parcel shipping account payment invoice help still yet just already again only very so really get got
received arrived working work broken problem issue any some all one my money back card charged email
app great good bad love need want time days week weeks today tomorrow yesterday if then than too also
item items product support service team reply answer sorry guys
super wtf lol omg thx ty pls plz asap fyi btw u ur im dont cant wont doesnt didnt isnt its ive thanks
would could should will shall may might must did had been being these those then there their they're you're
we're i'd i'll you've that's what's how's who where when why because into out up down over after before`,
  pl: `i w z na nie do to jest sie się że ze co jak ale czy tak juz już mam moja moje mój moj moją moich
dla po od przez przy tylko jeszcze bardzo był była było byl byla bylo są sa jestem jesteś jestes mi mnie
ten ta te tego tej tym pan pani państwo panstwo dzień dzien dobry witam dziękuję dziekuje dzięki dzieki
proszę prosze zamówienie zamowienie zamówienia zamowienia paczka paczki paczkę paczke przesyłka przesylka
zwrot faktura fakturę fakture kurier działa dziala nadal wciąż wciaz gdzie kiedy dlaczego czemu można
mozna mogę moge chcę chce chciałbym chcialbym chciałabym chcialabym nic nikt nigdy żeby zeby bo więc wiec
konto płatność platnosc pieniądze pieniadze kasa sklep towar produkt dostawa dostawy zamówiłem zamowilem
zamówiłam zamowilam czekam super spoko dobrze źle zle tydzień tydzien tygodnie dni wczoraj dzisiaj jutro
odpowiedź odpowiedz reklamacja niestety pozdrawiam serdecznie halo hej cześć czesc ok
siema elo dzk nara spoko git sorki sory no
jakie jaki jaka który która które ktory ktora ktore tu tam też tez nawet może moze jeśli jesli gdy czyli oraz
lub albo ojej jej go mu ich im nas was wam nam twój twoj swoje swój swoj swojej sa są byc być będzie bedzie
mój moje mojego mojej tego temu ktoś ktos coś cos wszystko wszystkie żadnych zadnych`,
  de: `der die das und ist nicht ich sie es ein eine mit auf für fur den dem zu von bitte danke meine mein
wir ihr haben hat wurde noch schon bestellung lieferung aber oder wie wann warum kein keine sehr
nichts niemand immer wieder ist`,
  es: `el la los las y es no yo que de en un una por para con mi mis su gracias hola pedido todavía todavia
pero muy está esta estoy cuando donde dónde porque tengo me se lo le les del al ya como más mas
sin sobre nadie nada también tambien hay han ha fue era son soy algo otro otra este esto eso esa ese sí hasta desde
cuándo qué cómo llegó todo todos nunca bien mal`,
  fr: `le la les et est je vous il elle ne pas que de des un une pour avec mon ma mes merci bonjour commande
mais très tres quand où pourquoi toujours rien personne jamais déjà encore aussi`,
  it: `il lo la gli le e è non che di un una per con mio mia grazie ciao ordine ma molto quando dove perché
sono ancora nessuno niente già sempre`,
  pt: `o a os as e é não nao que de em um uma para com meu minha obrigado obrigada olá ola pedido mas muito
quando onde ainda você voce nada ninguém ninguem já também chegou`,
  nl: `de het een en is niet ik je u mijn met voor van op dank bedankt bestelling maar nog wanneer waarom`,
  id: `saya anda yang dan tidak ini itu ada dengan untuk pesanan sudah belum terima kasih tolong kapan
bisa mohon`,
  tr: `ve bir bu da de ne için icin ile çok cok değil degil ben sen siparis sipariş teşekkürler tesekkurler merhaba`,
  cs: `a je se na to že ze jsem není neni mám mam moje objednávka objednavka děkuji dekuji prosím prosim kdy
ale jak už uz`,
};

/** Folded frequent words per Latin-script language, prebuilt at module load. */
export const LATIN_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(SOURCE).map(([lang, words]) => [
    lang,
    new Set(
      words
        .split(/\s+/)
        .filter(Boolean)
        .map((w) =>
          w
            .toLowerCase()
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/ł/g, 'l'),
        ),
    ),
  ]),
);

/** Letters that, within Latin script, point strongly at one language. */
export const LATIN_MARKS: ReadonlyArray<[string, RegExp]> = [
  ['pl', /[ąęłńśźżć]/],
  ['cs', /[ěřůťď]/],
  ['de', /[ßäöü]/],
  ['tr', /[ğış]/],
  ['es', /[ñ¿¡]/],
  ['pt', /[ãõ]/],
  ['fr', /[œèêëç]/],
  ['vi', /[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/],
];
