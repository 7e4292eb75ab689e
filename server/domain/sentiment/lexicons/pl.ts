import type { LexiconSource } from '#server/domain/sentiment/lexicon';

/**
 * Polish support-domain lexicon. Keys are folded to ASCII at load, so "działa" and "dziala" are one
 * entry; a trailing `*` is a stem that covers the inflected forms (zadowol* → zadowolona, zadowoleni).
 */
export const PL: LexiconSource = {
  words: `
dziękuję:1.8t dziękujemy:1.8t dzięki:1.8t dziękować:1.5t dzk:1.5t dziena:1.5t dziekówka:1.8t
dzień_dobry:0 dobry_wieczór:0 dobrać:0 dobrania:0 dobór:0 dobrego_dnia:1 dzięki_wielkie:2.5t wielkie_dzięki:2.5t serdecznie_dziękuję:2.5t z_góry_dziękuję:0.3 z_góry_dzięki:0.3
super:2.2 świetn*:2.8 ekstra:2.3 rewelac*:3 wspaniał*:3 doskonał*:3 znakomit*:3 fantastycz*:3 genialn*:3
cudown*:3 cudnie:3 cudo:2.5 idealn*:2.5 perfekcyjn*:3 sztos:2.5 petarda:2.5 git:1.5 spoko:1.3
w_porządku:1 wszystko_gra:2 gra_gitara:2 dobr*:1.6 dobra:0.8 dobrze:1.3 najlepsz*:2.8 lepsz*:1.2 lepiej:1
miły:1.8 miła:1.8 miłe:1.8 miło:1.8 miłego:1.2 miłej:1.2 miłą:1.8 mili:1.8 mile:1.8 uprzejm*:2
pomocn*:2.2 pomógł:1.8/-2 pomogła:1.8/-2 pomogło:1.8/-2 pomogli:1.8/-2 pomogliście:2/-2 pomoc:0/-1.8
pomocy:0/-1.8 profesjonaln*:2.2 profesjonalizm:2.5 kompetentn*:2 szybk*:1.2 szybko:1 sprawn*:1.8
błyskawiczn*:2.3 ekspresow*:0.6 punktualn*:1.8 zadowol*:2.5 polecam:2.5 polecamy:2.5 polecę:2
zachwyc*:3 wrażeniem:1.5 ciesz*:2 szczęśliw*:2.5 uratowal*:2.5 brawo:2.5 gratuluj*:2 docen*:2.2
bez_problemu:1.5 bez_problemów:1.5 bez_zarzutu:2.5 bezproblemow*:2 działa:0.8/-2.2 dział*:0.3/-2.2
śmiga:2 smiga:2 naprawion*:1.5/-2 naprawi*:0/-1.8 rozwiązan*:1.5/-2 rozwiąz*:0/-1.8 załatwion*:1.5/-1.8
jasne:0.5 pasuje:0.8/-1.5 pasują:0.8/-1.5 piękn*:2.5 pięknie:2.2 śwież*:1.2 smaczn*:2 pyszn*:2.5
wygodn*:1.8 czyst*:0.8 ładn*:1.8 fajn*:2 extra:2 okej:0.2 ok:0.2 oki:0.2 okay:0.2 dobra_robota:2.5
kocham:2.5 uwielbiam:2.8 ulubion*:2 warto:1.5/-2 pozdrawiam:0.3 niesamowi*:3 niezł*:1.5 nieźle:1.5
nieziemsk*:3 bosko:3 ideał:2.5 na_czas:1.2/-1.8 wrócę:1.2 ponownie:-0.2~ zamówię_ponownie:1.8/-2.5
kupię_ponownie:1.8/-2.5 nie_ma_problemu:0.8 nie_ma_sprawy:1 nie_ma_za_co:0.3 wszystko_ok:1.5
wszystko_jasne:1.2 wszystko_działa:2 już_działa:2 działa_bez_zarzutu:2.5 ulga:1.5 zgadza:0.8/-1.5
zgadzają:0.8/-1.5 zgodn*:0.8/-2 solidn*:1.5 trwały:1.2 trwałe:1.2 trwałość:1 najlepsi:2.8 lepsi:1.2 kochani:2 najgorsi:-3.2 wielcy:2 dotarł*:0.5/-2 dotarła:0.5/-2 dotarło:0.5/-2
przyszł*:0/-1.8 przyszedł:0.3/-1.8 doszł*:0.3/-1.8 doszedł:0.3/-1.8 dostał*:0.3/-1.8 dostaję:0/-1.5
dostać:0/-1.5 otrzyma*:0.3/-1.8 odpowiedzi:0/-2 odpowiedź:0/-2 odpowied*:0/-2 odpowiada*:0/-2
odpisu*:0/-2 odpisa*:0/-2 odpisał*:0/-2 odezwa*:0/-2 odezwał*:0/-2 odbiera*:0/-1.8 odebrał*:0/-1.5
oddzwoni*:0/-1.8 wysła*:0/-1.5 wysłan*:0/-1.5 wysyła*:0/-1.3 przyjecha*:0/-1.8 dojecha*:0/-1.8
dowieźli:0/-1.8 zwrócili:0/-1.8 zwróciliście:0/-1.8 kontakt:0/-1.5 kontaktu:0/-1.5 informacji:0/-1.3
informacja:0/-1.3 aktualizac*:0/-1.3 zalogować:0/-2 zaloguj*:0/-2 logowa*:0/-1.8 mogę:0/-1.2 moge:0/-1.2
możemy:0/-1 da_się:0/-1.5 ładuje:0/-1.8 ładuj*:0/-1.8 otwiera:0/-1.8 otwier*:0/-1.8 włącza:0/-1.8
płatność_przeszła:0.5/-1.5 zaksięgowan*:0.3/-1.5 reaguje:0/-1.8 reaguj*:0/-1.8 chciałem:0/-1.5 chciałam:0/-1.5 zgody:0/-1.5 zgoda:0.3/-1.5
zamawiałem:0/-1.5 zamawiałam:0/-1.5 zamówiłem_zły:0 zamówiłam_zły:0 zamówiłem_złą:0 zamówiłam_złą:0
zamówiłem_złe:0 zamówiłam_złe:0 wybrałem_zły:0 wybrałam_zły:0 pomyliłem_się:0 pomyliłam_się:0 przez_pomyłkę:0
moja_wina:0 mój_błąd:0 przypadkiem:0 podziękowania:2t podziękowanie:1.8t podziękować:1.8t wdzięczn*:2.5
ogarnął:1.5 ogarnęła:1.5 ogarnięte:1.5 ogarnięta:1.5 ogarnijcie:-1.2 wysokości_zadania:2 co_się_dzieje:-1.2
trudno:-1 źle_zapisane:-0.5 źle_napisane:-0.5 źle_wpisałem:0 źle_wpisałam:0 płacił*:0/-1.5 nawet_nie:-1.2 w_ogóle:-0.5 szybsz*:1.5 najszybsz*:2.3 łatwiejsz*:1.3
najłatwiejsz*:2 wygodniejsz*:1.5 rozłącz*:-1.5 długi:-0.8~ szkodz*:-2 posprzątan*:0/-1.8 sprzątan*:0/-1.5
posprzątal*:0/-1.8 ani_razu:-1.2 przekonał*:0.5/-1.8 przekonuj*:0.5/-1.5 poprawion*:1.5/-1.5 poprawi*:0/-1.2 pod_wrażeniem:2.5 super_sprawa:2 kapitaln*:3 bezbłędn*:2.5 terminow*:1.8 rzeteln*:2 uczciw*:1.8 kulturaln*:1.8
przemił*:2.5 elegancko:2 cud_miód:2.5 palce_lizać:2.5 pierwsza_klasa:2.5 mistrzostwo:3 mistrz:2 rewelka:2.8
bomba:2 spoczko:1.2 jak_należy:1 nieporozumieni*:-1.5 kompromitac*:-3 wstyd:-2.5 hańba:-3 zgroza:-3 horror:-3
koszmar*:-3 marnie:-2 marn*:-2 nędzn*:-2.5 tandet*:-2.5 naciąg*:-2.5 naciągan*:-2.8 zdzierstw*:-3 przepłaci*:-2
pomyliliście:-2 pomylono:-2 pomyłka:-1.2 zwłok*:-1.5 przeciąga*:-1.5 zwleka*:-1.8 ile_można:-2 ile_jeszcze:-1.5
kiedy_wreszcie:-2 wreszcie:-0.5 zlewa*:-2.5 spławia*:-2.5 zbywa*:-2 odsyła*:-1 nikt_nic_nie_wie:-2
zawód:-2.3 żal:-2 złość:-2.5 irytac*:-2.3 wart*:1/-2 nie_do_wiary:-1.5 zamówię_jeszcze:1.5 kupię_jeszcze:1.5 ślicz*:2.3 ojej:0.3 w_kółko:-1.8 w_kolko:-1.8 szlag:-2.5 ręce_opadają:-2.5 no_pięknie:-1.8 no_super:-1.5 zawieszon*:-1.8
zawieszono:-1.8 przesta*:-1 udaje:0/-1.8 udało:1/-1.8 udać:0/-1.8 powiodła:0.5/-1.8 zainteresowany:0/-1.2
zainteresowana:0/-1.2 już_mówiłem:-1.5 już_mówiłam:-1.5 już_prosiłem:-1.5 już_prosiłam:-1.5 już_pisałem:-1.5
już_pisałam:-1.5 ile_razy:-1.5 spodziewałem_się_więcej:-2 spodziewałam_się_więcej:-2 oczekiwałem_więcej:-2
oczekiwałam_więcej:-2 spodziewa*:0.2/0 oczekiwa*:0.2/0 ten_sam_błąd:-1.2 ten_sam_problem:-1.2 z_błędem:-0.4
przejrzyst*:1.8 czyteln*:1.5 intuicyjn*:2 sympatyczn*:2 szacunek:2 szacun:2 ostrożn*:1.2 pięć_gwiazdek:2.5
problem_zniknął:1.5 problem_rozwiązany:1.8 z_przyjemnością:1.5 zapisywał*:0/-1.5 zapisał*:0/-1.5
zamawiał*:0/-1.5 zgłaszał*:0/-1 informowa*:0/-1.5 poinformowa*:0/-1.5 sprawdzi*:0/-1.3 sprawdził*:0/-1.3
wyjaśni*:0.3/-1.3 tłumaczy*:0/-1 potrafi:0/-1.2 potrafią:0/-1.2 wiedzą:0/-1 wie:0/-0.8 gorąc*:0.3 trudne:-0.8 ciężko:-1 w_kilka_minut:1.2 w_mig:1.5 od_ręki:1.2 do_spamu:0 w_spamie:0

zły:-2.2 zła:-2.2 złe:-2.2 źle:-2.2 złego:-2.2 złej:-2.2 złym:-2.2 złą:-2.2 źli:-2.2 niedobr*:-2
słab*:-1.8 kiepsk*:-2.2 kiepsko:-2.2 okropn*:-3 straszn*:-2.5 fataln*:-3 beznadziejn*:-3 beznadzie*:-3
tragiczn*:-3 tragedia:-3 dramat:-2.5 dramatyczn*:-2.5 masakra:-2.8 masakryczn*:-3 porażk*:-2.8
żenad*:-3 żenuj*:-2.8 skandal*:-3 oszust*:-3.5 oszuk*:-3.3 złodziej*:-3.5 kradzież:-3 kpina:-2.8 kpin*:-2.8
żart:-1.5 żarty:-1.5 żartuj*:-2 dno:-2.8 syf:-3 gówno:-3.5 gówn*:-3.5 badziew*:-3 chłam:-3 szajs:-3
lipa:-2 lipn*:-2 bubel:-3 śmieć:-2.5 śmieci:-2.5 bezużyteczn*:-2.8 rozczarow*:-2.6 zawiedzion*:-2.5
zawiod*:-2.3 zawiedz*:-2.3 wkurz*:-3 wkurw*:-3.5 wściek*:-3 zdenerwowan*:-2.5 denerwuj*:-2.3
irytuj*:-2.3 irytując*:-2.3 frustruj*:-2.3 sfrustrowan*:-2.5 niezadowol*:-2.6 smutn*:-1.8 przykro:-1.2
szkoda:-1.5 niestety:-1.3 uszkodz*:-2.3 zniszcz*:-2.3 zepsu*:-2.3 psuje:-2 psuj*:-2 rozbit*:-2.2
pęknięt*:-2.2 pękł:-2 pękła:-2 pękło:-2 potłuczon*:-2.3 połaman*:-2.2 złaman*:-2 porysowan*:-1.8
podrapan*:-1.8 brudn*:-2.2 śmierdz*:-2.5 zimn*:-0.8 spóźni*:-1.8 opóźni*:-1.8 wolno:-0.8~ długo:-1~
wieki:-1.2 wiecznoś*:-1.5 wiesza:-2 zawiesza:-2 zawiesił*:-2 wywala:-2 wywaliło:-2 wywala*:-2
zacina:-2 zacię*:-2 crashuje:-2 laguje:-2 muli:-1.8 błąd:-1.3~ błędy:-1.5~ błędu:-1.3~ błędem:-1.3~
błędn*:-1.8 bug:-1.2~ problem:-1.1~ problemy:-1.3~ problemu:-1~ problemem:-1.1~ problemów:-1.3~
kłopot*:-1.3~ usterk*:-1.5 awari*:-1.8 wada:-1.8 wadliw*:-2.5 reklamac*:-1.3~ reklamuj*:-1.2
zwrot:-0.6~/-1.8 zwrotu:-0.6~/-1.8 zwróc*:-0.3~/-1.8 zwrot_pieniędzy:-0.8~/-1.8 zwrotu_pieniędzy:-1~/-1.8
oddajcie:-2 anulow*:-0.4~ anulowan*:-0.8~ pobrano:-0.4~ pobrali*:-0.4 pobrał*:-0.4 obciąż*:-0.6
dwa_razy:-1 podwójnie:-1.2 dwukrotnie:-1.2 podwójn*:-1 za_dużo:-1 za_drogo:-1.5 drog*:-0.4~ drogo:-1
brakuje:-1.8 brakowało:-1.8 brakowa*:-1.8 brakuj*:-1.8 zgubi*:-2 zgubion*:-2 zagin*:-2 zaginion*:-2
kłamstw*:-2.8 kłamie*:-2.5 kłamią:-2.5 kłamać:-2.5 ignoruj*:-2.3 ignorowan*:-2.3 olewa*:-2.5 olali:-2.5
olewk*:-2.5 lekceważ*:-2.3 niemił*:-2.5 nieuprzejm*:-2.5 chamsk*:-3 chamstw*:-3 bezczeln*:-2.8
arogan*:-2.5 niekompetent*:-2.8 nieprofesjonal*:-2.8 niedopuszczaln*:-3 nieakceptowaln*:-3
nie_do_przyjęcia:-3 niezgodn*:-2 nieczyteln*:-1.2 niejasn*:-1 nieprawd*:-1.5 nieprzyjemn*:-2.3
nieudan*:-2 niewygodn*:-1.8 niesprawn*:-2 nieczynn*:-1.5 czekam:-0.6~ czekać:-0.6~ czekania:-0.8~
czekałem:-1.2 czekałam:-1.2 czekaliśmy:-1.2 nadal_czekam:-2.8 wciąż_czekam:-2.8 dalej_czekam:-2.8
ciągle_czekam:-2.8 czekam_już:-1.8 czekam_i_czekam:-2.8 już_czekam:-1.8 i_nic:-1.5 a_nic:-1.5
dalej_nic:-2 nadal_nic:-2 wciąż_nic:-2 jak_nie_było_tak_nie_ma:-2.5 nigdy_więcej:-2.8 bez_powodu:-1.5
bez_zgody:-1.5 bez_sensu:-2.2 bez_odpowiedzi:-2 znowu:-1~ znów:-1~ kolejny_raz:-1.3 drugi_raz:-1
trzeci_raz:-1.5 czwarty_raz:-1.8 piąty_raz:-1.8 po_raz_kolejny:-1.5 po_raz_trzeci:-1.5 kilka_razy:-1.2
wiele_razy:-1.2 tyle_razy:-1.5 ała:-1 ech:-1.5 eh:-1 niby:-0.8 pilne:-0.6~ pilnie:-0.8~
natychmiast:-1~ asap:-0.5~ gdzie_jest_moja_paczka:-0.9~ gdzie_jest_moje_zamówienie:-0.9~
gdzie_jest_moja_przesyłka:-0.9~ gdzie_moja_paczka:-0.9~ gdzie_są_moje_pieniądze:-1.5 gdzie_mój_zwrot:-1.2~
spam:-1.8 blokad*:-1 zablokowan*:-1.8 zablokow*:-1.5 niemożliw*:-1.2 strata:-2 stracił*:-1.8 strac*:-1.5
gorsz*:-2.2 gorzej:-2.2 najgorsz*:-3.2 obrzydliw*:-3 paskudn*:-2.8 ohydn*:-3 żałuję:-2.2 żałosn*:-3
nerwy:-1.8 nerwów:-1.8 dość:-0.3 mam_dość:-2.8 mam_dosyć:-2.8 nieobsługiwan*:-1 nieaktualn*:-1
`,
  negators: `nie_było nie_jest nie_był nie_była nie nic nikt:-1.2~ nikogo:-0.8~ nigdy zero żaden żadna żadne żadnej żadnego żadnych brak braku bez ani nie_ma`,
  weakNegators: `nie_bardzo nie_za_bardzo nie_do_końca nie_całkiem nie_zbyt nie_specjalnie nie_aż_tak nie_taki
nie_tak nie_najlepiej`,
  preModifiers: `bardzo:1.4 mega:1.5/1.8 totalnie:1.4 kompletnie:1.4 całkowicie:1.4 zupełnie:1.3
naprawdę:1.3 strasznie:1.5/-2 okropnie:1.5/-2.5 tak:1.15 aż:1.1 niesamowicie:1.5 wyjątkowo:1.4
niezwykle:1.4 szczególnie:1.2 potwornie:1.5/-2 ogromnie:1.5 najbardziej:1.5 za:1.15 zbyt:1.2
troszkę:0.6 trochę:0.7 troche:0.7 nieco:0.7 lekko:0.7 raczej:0.85 dosyć:1 całkiem:1.1 mocno:1.3
super:1.4/2.2 przesadnie:1.3 wybitnie:1.5 po_prostu:1.2 serio:1.2`,
  but: `ale jednak lecz natomiast tylko_że`,
  still: `nadal:-0.6~ wciąż:-0.6~ dalej:-0.4~ ciągle:-0.6~ jeszcze`,
  questionWords: `czy pytanie pytania pytanko`,
  questionStarts: `jak kiedy gdzie co ile jaki jaka jakie jakiego jakim który która które można mogę moge możecie
mozecie macie jest są`,
  requestWords: `proszę prosze prosimy poproszę uprzejmie chciałbym chciałabym chcielibyśmy potrzebuję
możecie mozecie mógłby mogłaby mogliby pomożecie`,
  thanksObjects: `za`,
};
