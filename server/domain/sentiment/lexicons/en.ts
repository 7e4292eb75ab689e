import type { LexiconSource } from '#server/domain/sentiment/lexicon';

/**
 * English support-domain lexicon. Valences run roughly −4…+4; `/n` is the value when negated
 * ("not working" → work:0/-2), so neutral support verbs only turn negative when negated.
 */
export const EN: LexiconSource = {
  words: `
good:1.9 great:3 awesome:3.1 amazing:3.1 excellent:3.2 fantastic:3.2 wonderful:3 brilliant:3 superb:3.2
perfect:3 perfectly:2.5 outstanding:3.2 incredible:2.8 terrific:3 fabulous:3 lovely:2.8 love:3 loved:3
loving:2.5 loves:3 nice:1.8 cool:1.3 happy:2.7 glad:2.2 pleased:2.3 satisfied:2.3 delighted:3 thrilled:3
impressed:2.7 impressive:2.7 enjoy:2 enjoyed:2.2 beautiful:2.7 gorgeous:2.8 fine:0.5 okay:0.2 ok:0.2 alright:0.5
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
scratched:-1.8 stained:-1.8 leaking:-2 leaked:-2 leaks:-2 spoiled:-2.3 rotten:-2.5 expired:-0.8
moldy:-2.5 mouldy:-2.5 stale:-1.8 cold:-0.8 soaked:-1.8 wet:-1.2 dirty:-2.2 filthy:-2.8 smelly:-2.2
stinks:-2.5 noisy:-1.5 defective:-2.5 faulty:-2.5 fault:-1.5 malfunction:-2.2 malfunctioning:-2.3
crash:-2 crashes:-2.2 crashed:-2.2 crashing:-2.3 freezes:-2 freezing:-1.5 frozen:-1 bug:-1.2~ bugs:-1.3~
buggy:-2.2 glitch:-1.6 glitchy:-2 glitches:-1.6 error:-0.7~ errors:-1~ fail:-2 fails:-2 failed:-2
failing:-2 failure:-2.2 dead:-2 doa:-2.5 dead_end:-1.5 stuck:-1.8 lag:-1.5 laggy:-2 lagging:-2 slow:-1.8 slower:-1.5
slowly:-1.2 sluggish:-2 late:-1.8 delayed:-1.8 delay:-1.5~ delays:-1.8 overdue:-2 missing:-2 lost:-2
wrong:-2 incorrect:-1.8 mistake:-1.6 mistakes:-1.8 inaccurate:-1.8 incomplete:-1.5 unusable:-3
unreliable:-2.3 unresponsive:-2.5 unreachable:-2 unavailable:-0.8~ expensive:-1.2 overpriced:-2.2
overcharged:-2.8 overcharge:-2.5 overcharging:-2.8 flimsy:-2 bent:-1.5 never_again:-2.8
problem:-1.1~ problems:-1.3~ issue:-0.9~ issues:-1.1~ complaint:-1.5~ complain:-1.8 complaining:-1.8
trouble:-1.5~ concern:-0.6~ refund:-0.7~/-1.8 refunded:0.8/-1.8 cancelled:-0.6~ canceled:-0.6~ cancel:-0.3~
money_back:-1.5 chargeback:-2.5 dispute:-1.8 lawyer:-2.5 sue:-3 bad_review:-2.5
charged_twice:-2.8 double_charged:-2.8 charged_double:-2.8 charged_me_twice:-2.8 billed_twice:-2.8
twice:-0.3 charged:-0.4~/-0.5 charge:0/-1.3 waiting:-0.8~ wait:-0.4~/0 waited:-1.2 still_waiting:-2.8
been_waiting:-2.2 keep_waiting:-2 forever:-1.5 ages:-1 took_forever:-2.5 taking_forever:-2.5
nowhere:-1.5 disappeared:-1.8 vanished:-1.8 on_hold:-1 hung_up:-2.5 hang_up:-2 spam:-1.8
unsubscribed:-0.8 refuse:-2 refused:-2.2 refuses:-2.2 denied:-1.8 rejected:-1.8 declined:-1~ blocked:-1.8
locked:-1.5 suspended:-1.8 banned:-2 hacked:-2.5 wtf:-3 ugh:-2 smh:-2 meh:-1.5 sigh:-1.5 ffs:-3 damn:-2
dammit:-2.5 hell:-1.5 bloody:-1.5 unfortunately:-1.3 sadly:-1.5 regret:-2 waste:-2.5
wasted:-2.5 waste_of_time:-3 waste_of_money:-3 insane:-1.5 crazy:-1 nothing_like:-2 again:-0.6~
yet_again:-2 once_again:-1 again_and_again:-1.5 third_time:-1.5 second_time:-1 #_times:-1
three_times:-1.2 several_times:-1.2 multiple_times:-1.2 many_times:-1.2 so_long:-1 too_long:-2
asap:-0.5~ urgent:-0.8~ urgently:-1~ immediately:-1~ right_now:-0.8 fix_this:-1.2 sort_this_out:-1.2
where_is_my_order:-0.9~ where_is_my_package:-0.9~ where_is_my_parcel:-0.9~ where_is_my_refund:-1.2~
where_is_my_money:-1.5 lack:-1 lacking:-1.5 soso:-0.8 worse:-2.5 hardly_any:-1 threat:-1.5
misunderstanding:-0.8~ sucks:-2.8 screwed:-2.5 screw:-1.5 messed_up:-2.5 not_ok:-2 not_okay:-2
cannot_believe:-1.5 can't_believe:-1.5 cant_believe:-1.5
what_i_ordered:0/-2 promised:-0.6 done_with_this:-2.5 done_with_you:-2.5 so_done:-2.3
ordered_the_wrong:0 ordered_wrong:0 picked_the_wrong:0 chose_the_wrong:0 selected_the_wrong:0 clicked_the_wrong:0
bought_the_wrong:0 my_mistake:0 my_bad:0 by_mistake:0 by_accident:0 accidentally:0 quick_question:0 keeps:-0.8 keep:-0.3 kept:-0.6 missed:-1.2 is_down:-1.8 been_down:-1.8 went_down:-1.5
was_down:-1.5 stop_calling:-1.8 stop_sending:-1.5 stop_emailing:-1.5 stop_texting:-1.5 stop_spamming:-2.5 interested:0/-1.2
already_told:-1.5 told_you:-1 asked_you_before:-1.5 how_many_times:-1.5 how_many_more_times:-2 in_circles:-1.8
expected_better:-2 expected_more:-2 could_be_better:-1.2 driving_me_crazy:-2.5 driving_me_nuts:-2.5 same_error:-1.2
same_problem:-1.2 same_issue:-1.2 expect:0.2/0 expected:0.2/0 as_expected:0.5 ask:0/-1.2 asked:0/-1.5 order:0/-1
ordered:0/-1.5 tell:0/-1.2 told:0/-1.5 inform:0/-1.2 informed:0/-1.5 notified:0/-1.5 notify:0/-1.2
explain:0/-1 explained:0.5/-1.5 look:0/-1 looked:0/-1.3 check:0/-1 checked:0/-1.3 care:0/-1.5 cares:0/-1.8
easier:1.5 faster:1.5 quicker:1.5 smoother:1.8 cleaner:1.3 nicer:1.8 clearer:1.5 error_message:-0.4 error_code:-0.4
problem_solved:1.8 issue_resolved:1.8 issue_is_gone:1.5 problem_is_gone:1.5 problem_gone:1.5 issue_fixed:1.5
problem_fixed:1.5 nothing_else:0 unbelievable:-1.5 massive_help:2.5 huge_help:2.5 big_help:2.2 great_help:2.8 such_a_help:2.5
game_changer:2.5 convinced:0.5/-1.5 spelled_wrong:-0.5 misspelled:-0.5 entered_the_wrong:0 typed_the_wrong:0 put_the_wrong:0
gave_the_wrong:0 paid_for:0/-2 didn't_even:-1.5 didnt_even:-1.5 doesn't_even:-1.5 doesnt_even:-1.5
don't_even:-1.2 not_even:-1.2 smoothest:2.5 fastest:2.3 easiest:2.3 nicest:2.5 friendliest:2.5 quickest:2.3
slowest:-2.5 rudest:-3 disconnects:-1.5 disconnecting:-1.5 disconnected:-1.5 dreadful:-3 abysmal:-3.3 atrocious:-3.3 appalling:-3.2 shocking:-2.5 lousy:-2.5 subpar:-2
mediocre:-1.5 inadequate:-2 inexcusable:-3 laughable:-2.5 shambles:-3 shambolic:-3 fiasco:-3 hassle:-1.8 pain:-1.5
headache:-1.8 pissed:-3 pissed_off:-3 fuming:-3 outraged:-3.2 appalled:-3 disgusted:-3 gutted:-2.5 heartbroken:-2.5
devastated:-2.8 let_down:-2.3 misled:-2.5 extortion:-3 robbed:-3 pointless:-2 worthless:-2.8 junk:-2.8
cheaply_made:-2 knockoff:-2.5 counterfeit:-3 wrong_item:-2 stopped_working:-2.5 stopped:-0.8 timed_out:-1.5
timeout:-1.2 outage:-2 downtime:-1.8 bounced:-1 penalty:-1.5 late_fee:-1 hidden_fees:-2.5 hidden_fee:-2.3
fab:2.5 splendid:2.8 marvelous:3 marvellous:3 delightful:2.8 pleasant:2 pleasantly:2 blessed:2 stoked:2.8
chuffed:2.8 over_the_moon:3 ecstatic:3 reassuring:1.8 reassured:1.5 hasslefree:2.3 painless:2 effortless:2
intuitive:2 userfriendly:2 responsive:1.8 knowledgeable:2 accommodating:2 generous:2 thoughtful:2 spot_on:2.5
nailed_it:2.5 above_and_beyond:3 blown_away:3 obsessed:2 adore:3 worth_every_penny:3 good_value:2
value_for_money:2 sturdy:1.8 durable:1.8 well_made:2.3 high_quality:2.3 top_quality:2.5 props:2 shoutout:2 double_billed:-2.8 doublebilled:-2.8 doublecharged:-2.8 billed:-0.4~ hard:-0.8
difficult:-1 you_people:-1.5 sort_it_out:-1.2 what's_going_on:-1.2 what_is_going_on:-1.2 to_spam:0 in_spam:0
spam_folder:0 junk_folder:0 in_junk:0 in_minutes:1.2 within_minutes:1.2 no_time:0.8 nobody_cares:-2.5 falling_apart:-2.5 fell_apart:-2.5 ruined:-2.5 ruin:-2

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
processed:0.5/-1.5 match:0/-1.2 matches:0/-1.2 fit:0/-1.3 fits:0.3/-1.5 reach:0/-1.3 find:0/-1 see:0/-0.8 seen:0/-1.3 authorized:0/-2 authorised:0/-2
authorize:0/-1.5 authorise:0/-1.5 consent:0/-1.5 permission:0/-1.2 asked_for:0/-1.5 wanted:0/-1.2
`,
  negators: `not no never isn't aren't wasn't weren't don't doesn't didn't can't cannot couldn't won't
wouldn't shouldn't haven't hasn't hadn't ain't isnt arent wasnt werent dont doesnt didnt cant couldnt wont
wouldnt havent hasnt hadnt aint nothing nobody:-1.2~ noone:-1.2~ no_one:-1.2~ none neither nor without zero`,
  weakNegators: `not_very not_really not_that not_too not_so not_exactly not_quite hardly barely`,
  preModifiers: `very:1.4 really:1.35 so:1.35 extremely:1.6 super:1.5/2 totally:1.4 absolutely:1.5
completely:1.4 utterly:1.6 incredibly:1.5 insanely:1.5 highly:1.4 truly:1.3 deeply:1.4 most:1.3 too:1.3
quite:1.1 pretty:1.1 fairly:0.9 such:1.3 especially:1.3 particularly:1.3 exceptionally:1.5
unbelievably:1.5 seriously:1.3/-0.8 terribly:1.5/-2.5 awfully:1.4 ridiculously:1.5 extra:1.2 mega:1.4 way:1.2 just:1.1
a_bit:0.7 a_little:0.7 slightly:0.6 somewhat:0.7 kind_of:0.8 kinda:0.8 sort_of:0.8 little_bit:0.6
almost:0.8 mostly:0.8 bit:0.8`,
  postModifiers: `so_much:1.4 very_much:1.4 a_lot:1.3 a_ton:1.4 at_all:1.3 tons:1.3`,
  but: `but however though`,
  still: `still:-0.7~`,
  questionWords: `question questions`,
  questionStarts: `can could would will is are do does did how when where what which who may should shall
am was were has have any`,
  requestWords: `please pls plz plse pleas plis kindly could_you can_you would_you need_to`,
  thanksObjects: `for 4`,
};
