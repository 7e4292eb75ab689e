import type { LexiconSource } from '../lexicon';

/**
 * English support-domain lexicon. Valences run roughly −4…+4; `/n` is the value when negated
 * ("not working" → work:0/-2), so neutral support verbs only turn negative when negated.
 */
export const EN: LexiconSource = {
  words: `
good:1.9 great:3 awesome:3.1 amazing:3.1 excellent:3.2 fantastic:3.2 wonderful:3 brilliant:3 superb:3.2
perfect:3 perfectly:2.5 outstanding:3.2 incredible:2.8 terrific:3 fabulous:3 lovely:2.8 love:3 loved:3
loving:2.5 loves:3 nice:1.8 cool:1.3 happy:2.7 glad:2.2 pleased:2.3 satisfied:2.3 delighted:3 thrilled:3
impressed:2.7 impressive:2.7 enjoy:2 enjoyed:2.2 beautiful:2.7 gorgeous:2.8 fine:0.5 okay:0.4 ok:0.4 alright:0.5
decent:1.2 solid:1.1 recommend:2 recommended:2 best:2.7 better:1.2 helpful:2.4 useful:1.8 quick:1.1
quickly:1 fast:1.2 speedy:1.6 prompt:1.5 promptly:1.6 efficient:2 smooth:1.8 smoothly:1.8 easy:1.5
easily:1.2 friendly:2.2 kind:1.8 polite:2 professional:1.9 patient:1.6 courteous:2 attentive:2
appreciate:2.2 appreciated:2.2 grateful:2.5 thankful:2.5 gratitude:2.2 cheers:1.5t yay:2.5 woohoo:2.5 wow:1
lifesaver:3 legend:2.5 hero:2.5 sorted:1.3 solved:1.6/-2 resolved:1.6/-2 fixed:1.5/-2 awesome:3.1 pleasure:1.5
reliable:2 accurate:1 fresh:1.2 clean:1.2 comfortable:1.8 cozy:1.8 spotless:2.3 delicious:2.5 tasty:2
safe:0.8 safely:1 intact:1.2 relieved:1.8 relief:1.5 exceeded:1.5 exceeds:1.5 bargain:1.5 worth:1/-2
flawless:3 flawlessly:3 seamless:2.2 seamlessly:2.2 stellar:3 phenomenal:3.2 exceptional:3 top:0.8
neat:1.5 sweet:1.5 super:2 yes:0.3 thanks:1.8t thank:1.8t thx:1.6t thnx:1.6t thanx:1.6t tx:1.3t ty:1.3t
tysm:2.5t tyvm:2.5t thankyou:1.8t thanku:1.8t kudos:2.5 bravo:2.5 congrats:1.5 haha:0.8 lol:0.4 lmao:0.6
thank_you:1.8t thank_u:1.8t many_thanks:2.3t much_appreciated:2.5 thanks_in_advance:0.3 thank_you_in_advance:0.3
thanks_a_million:2.8t thanks_a_lot:2.3t thanks_so_much:2.5t well_done:2.5 good_job:2.5 great_job:3 nice_job:2.5
keep_it_up:2 you_rock:2.8 guys_rock:2.8 love_it:3 on_time:1.2/-1.8 in_time:0.8/-1.5 as_promised:1.2/-1.8
as_described:1.3/-2.2 no_problem:0.8 no_problems:1 no_worries:0.8 no_issues:1 all_good:2 all_set:1.2
works_now:2 working_now:2 works_again:2 working_again:2 it_worked:2 that_worked:2 did_the_trick:2.2
happy_customer:2.5 exactly_what_i_needed:2.5 better_than_expected:2.5 than_expected:0.5 on_point:2
order_again:1.8/-2.5 ordering_again:1.8/-2.5 buy_again:1.8/-2.5 buying_again:1.8/-2.5 shop_again:1.8/-2.5
come_back:0.8 be_back:1.2 saved_my_day:3 made_my_day:3 so_helpful:2.8 like_a_charm:2.5 top_notch:3
five_stars:2.5 can't_wait:1.8 cant_wait:1.8 ahead_of_schedule:2 earlier_than_expected:2
well_packed:2 well_packaged:2 no_complaints:1.8 have_a_nice_day:1 have_a_great_day:1.2 sorted_out:1.5

bad:-2.5 terrible:-3.2 horrible:-3.2 awful:-3.2 worst:-3.4 poor:-2.2 poorly:-2.2 useless:-2.8 rubbish:-2.8
garbage:-3 trash:-3 crap:-3 crappy:-3 shit:-3 shitty:-3.2 sucks:-2.8 suck:-2.5 sucked:-2.5 hate:-3
hated:-3 disgusting:-3.2 gross:-2.5 pathetic:-3 ridiculous:-2.8 absurd:-2.5 unacceptable:-3.2
outrageous:-3 disgraceful:-3.2 disgrace:-3 shameful:-3 shame:-1.8 joke:-2 scam:-3.5 scammed:-3.5
scammers:-3.5 scammer:-3.5 fraud:-3.2 fraudulent:-3.2 ripoff:-3 ripped_off:-3 angry:-2.8 furious:-3.3
mad:-2.5 livid:-3.3 annoyed:-2.3 annoying:-2.3 irritated:-2.3 irritating:-2.3 frustrated:-2.5
frustrating:-2.5 frustration:-2.3 upset:-2.3 disappointed:-2.6 disappointing:-2.6 disappointment:-2.6
unhappy:-2.6 sad:-2 dissatisfied:-2.6 unsatisfied:-2.4 fed_up:-2.8 sick_of:-2.8 tired_of:-2.5
worried:-1.5 worrying:-1.5 concerned:-1 confused:-1 confusing:-1.5 stressed:-2 stressful:-2 nightmare:-3
disaster:-3 mess:-2.2 messed:-2.2 nonsense:-2.3 incompetent:-3 incompetence:-3 unprofessional:-2.8
rude:-2.8 rudely:-2.8 impolite:-2.5 arrogant:-2.5 lazy:-2.2 careless:-2.3 ignored:-2.3 ignoring:-2.3
ignore:-1.5 lied:-2.8 lie:-2 lies:-2.5 liar:-3 liars:-3 lying:-2.8 misleading:-2.5 fake:-2.3 cheated:-3
stole:-3 stolen:-2 steal:-2.5 stealing:-3 theft:-2.5 robbery:-3 damaged:-2.2 damage:-1.8 broken:-2.3
broke:-2 breaks:-1.8 cracked:-2 crushed:-2 smashed:-2.3 shattered:-2.3 torn:-2 ripped:-1.8 dented:-1.8
scratched:-1.8 stained:-1.8 leaking:-2 leaked:-2 leaks:-2 spoiled:-2.3 rotten:-2.5 expired:-1.8
moldy:-2.5 mouldy:-2.5 stale:-1.8 cold:-0.8 soaked:-1.8 wet:-1.2 dirty:-2.2 filthy:-2.8 smelly:-2.2
stinks:-2.5 noisy:-1.5 defective:-2.5 faulty:-2.5 fault:-1.5 malfunction:-2.2 malfunctioning:-2.3
crash:-2 crashes:-2.2 crashed:-2.2 crashing:-2.3 freezes:-2 freezing:-1.5 frozen:-1 bug:-1.2~ bugs:-1.3~
buggy:-2.2 glitch:-1.6 glitchy:-2 glitches:-1.6 error:-1.2~ errors:-1.5~ fail:-2 fails:-2 failed:-2
failing:-2 failure:-2.2 dead:-2 doa:-2.5 stuck:-1.8 lag:-1.5 laggy:-2 lagging:-2 slow:-1.8 slower:-1.5
slowly:-1.2 sluggish:-2 late:-1.8 delayed:-1.8 delay:-1.5~ delays:-1.8 overdue:-2 missing:-2 lost:-2
wrong:-2 incorrect:-1.8 mistake:-1.6 mistakes:-1.8 inaccurate:-1.8 incomplete:-1.5 unusable:-3
unreliable:-2.3 unresponsive:-2.5 unreachable:-2 unavailable:-0.8~ expensive:-1.2 overpriced:-2.2
overcharged:-2.8 overcharge:-2.5 overcharging:-2.8 flimsy:-2 bent:-1.5 never_again:-2.8
problem:-1.1~ problems:-1.3~ issue:-0.9~ issues:-1.1~ complaint:-1.5~ complain:-1.8 complaining:-1.8
trouble:-1.5~ concern:-0.6~ refund:-0.7~/-1.8 refunded:0.8/-1.8 cancelled:-0.6~ canceled:-0.6~ cancel:-0.3~
money_back:-1.5 chargeback:-2.5 dispute:-1.8 lawyer:-2.5 sue:-3 bad_review:-2.5
charged_twice:-2.8 double_charged:-2.8 charged_double:-2.8 charged_me_twice:-2.8 billed_twice:-2.8
twice:-0.6 charged:-0.4~/-0.5 charge:0/-1.3 waiting:-0.8~ wait:-0.4~/0 waited:-1.2 still_waiting:-2.8
been_waiting:-2.2 keep_waiting:-2 forever:-1.5 ages:-1 took_forever:-2.5 taking_forever:-2.5
nowhere:-1.5 disappeared:-1.8 vanished:-1.8 on_hold:-1 hung_up:-2.5 hang_up:-2 spam:-1.8
unsubscribed:-0.8 refuse:-2 refused:-2.2 refuses:-2.2 denied:-1.8 rejected:-1.8 declined:-1~ blocked:-1.8
locked:-1.5 suspended:-1.8 banned:-2 hacked:-2.5 wtf:-3 ugh:-2 smh:-2 meh:-1.5 sigh:-1.5 ffs:-3 damn:-2
dammit:-2.5 hell:-1.5 bloody:-1.5 seriously:-1.2 unfortunately:-1.3 sadly:-1.5 regret:-2 waste:-2.5
wasted:-2.5 waste_of_time:-3 waste_of_money:-3 insane:-1.5 crazy:-1 nothing_like:-2 again:-0.6~
yet_again:-2 once_again:-1 again_and_again:-1.5 third_time:-1.5 second_time:-1 #_times:-1
three_times:-1.2 several_times:-1.2 multiple_times:-1.2 many_times:-1.2 so_long:-1 too_long:-2
asap:-0.5~ urgent:-0.8~ urgently:-1~ immediately:-1~ right_now:-0.8 fix_this:-1.2 sort_this_out:-1.2
where_is_my_order:-0.9~ where_is_my_package:-0.9~ where_is_my_parcel:-0.9~ where_is_my_refund:-1.2~
where_is_my_money:-1.5 lack:-1 lacking:-1.5 soso:-0.8 worse:-2.5 hardly_any:-1 threat:-1.5
misunderstanding:-0.8~ sucks:-2.8 screwed:-2.5 screw:-1.5 messed_up:-2.5 not_ok:-2 not_okay:-2
cannot_believe:-1.5 can't_believe:-1.5 cant_believe:-1.5
what_i_ordered:0/-2 nobody_cares:-2.5 falling_apart:-2.5 fell_apart:-2.5 ruined:-2.5 ruin:-2

work:0/-2 works:0.6/-2.2 working:0.5/-2.2 worked:1.3/-2 receive:0/-2 received:0.3/-2 receiving:0/-1.8
get:0/-1.3 got:0.3/-1.8 gotten:0.3/-1.8 getting:0/-1.3 arrive:0/-2 arrived:0.6/-2.2 arriving:0/-1.5
arrives:0/-1.5 come:0/-1.2 came:0.3/-1.8 delivered:0.5/-2 deliver:0/-1.8 delivering:0/-1.5 shipped:0.3/-1.8
ship:0/-1 sent:0/-1.5 send:0/-1~ respond:0/-2 responded:0.5/-2 responding:0/-2 response:0/-2 reply:0/-2
replied:0.5/-2 replies:0/-2 replying:0/-2 answer:0/-1.8 answered:0.5/-2 answers:0/-1.8 answering:0/-2
fix:0/-1.8 fixing:0/-1.5 resolve:0/-1.8 solve:0/-1.8 load:0/-1.8 loads:0/-1.8 loading:0/-1.8
open:0/-1.8 opens:0/-1.8 access:0/-1.8 login:0/-2 log:0/-1.8 sign:0/-1.5 connect:0/-1.8 connecting:0/-1.8
pay:0/-1.3 charging:0/-1.5 turn:0/-1.5 start:0/-1.3 starts:0/-1.3 hear:0/-1.3 heard:0/-1.8 update:0/-1.5
updated:0/-1.5 updates:0/-1.5 news:0/-1.3 info:0/-1 information:0/-1 tracking:0/-1.2 help:0/-1.8
helped:1.8/-2 helping:0.5/-1.8 support:0/-1.2 contact:0/-1.2 contacted:0/-1.5 call:0/-1.2 callback:0/-1.5
show:0/-1 shows:0/-1 showing:0/-1 appear:0/-1 apply:0/-1.2 applied:0.5/-1.5 accept:0/-1.2 accepted:0.5/-1.3
processed:0.5/-1.5 match:0/-1.2 matches:0/-1.2 fit:0/-1.3 fits:0.3/-1.5 reach:0/-1.3 find:0/-1 see:0/-0.8
`,
  negators: `not no never isn't aren't wasn't weren't don't doesn't didn't can't cannot couldn't won't
wouldn't shouldn't haven't hasn't hadn't ain't isnt arent wasnt werent dont doesnt didnt cant couldnt wont
wouldnt havent hasnt hadnt aint nothing nobody noone no_one none neither nor without zero`,
  weakNegators: `not_very not_really not_that not_too not_so not_exactly not_quite hardly barely`,
  preModifiers: `very:1.4 really:1.35 so:1.35 extremely:1.6 super:1.5/2 totally:1.4 absolutely:1.5
completely:1.4 utterly:1.6 incredibly:1.5 insanely:1.5 highly:1.4 truly:1.3 deeply:1.4 most:1.3 too:1.3
quite:1.1 pretty:1.1 fairly:0.9 such:1.3 especially:1.3 particularly:1.3 exceptionally:1.5
unbelievably:1.5 terribly:1.5/-2.5 awfully:1.4 ridiculously:1.5 extra:1.2 mega:1.4 way:1.2 just:1.1
a_bit:0.7 a_little:0.7 slightly:0.6 somewhat:0.7 kind_of:0.8 kinda:0.8 sort_of:0.8 little_bit:0.6
almost:0.8 mostly:0.8 bit:0.8`,
  postModifiers: `so_much:1.4 very_much:1.4 a_lot:1.3 a_ton:1.4 at_all:1.3 tons:1.3`,
  but: `but however though`,
  still: `still`,
  questionWords: ``,
  questionStarts: `can could would will is are do does did how when where what which who may should shall
am was were has have any`,
  requestWords: `please pls plz plse pleas plis kindly could_you can_you would_you need_to`,
  thanksObjects: `for 4`,
};
