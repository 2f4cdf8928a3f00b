import { anyOf, test } from './phrase-rules';
import { withLanguages } from '../language';
import type { PhraseRule } from './scan';

const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const DEADLINE = `today|tomorrow(?: morning)?|tonight|then|noon|midday|midnight|eod|cob|end of (?:the )?(?:day|week|business day)|close of business|${WEEKDAY}|the weekend|this (?:afternoon|evening|weekend)|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)`;
const INSTRUCTION_URGENT = test('\\b(?:mark|flag|set|tag|label|make|classify|treat)\\b[^.!?]{0,30}\\b(?:as |to )?(?:urgent|high priority|priority)\\b');

/**
 * The language of DESIGN.md "Triggers: the language to recognise". Keys: `frustration`, `urgency`,
 * `helplessness`, and for anger the parts it is built from (`profanity`, `threat_to_leave`), plus
 * `sarcasm`, which reads as frustration and cancels the praise words around it.
 */
export const SENTIMENT_RULES: PhraseRule[] = withLanguages([
  {
    key: 'frustration',
    neg: 'any',
    re: anyOf(
      '\\b(?:this|that|it) is (?:ridiculous|absurd|unacceptable|insane|a joke|outrageous|unbelievable)\\b',
      '\\b(?:ridiculous|absurd|unacceptable|outrageous)\\b',
      "\\b(?:i've|i have|i've been|i have been|been) (?:trying|waiting|on hold)\\b[^.!?]{0,20}\\b(?:for )?(?:hours|days|weeks|ages|months|forever)\\b",
      '\\bnothing (?:works|is working|has worked|ever works)\\b',
      '\\bhow many (?:more )?times\\b',
      '\\b(?:waste|wasting) (?:of )?(?:my )?time\\b',
      '\\b(?:fed up|sick of|tired of|had enough)\\b',
      '\\b(?:so |really |very |extremely )?frustrat(?:ed|ing)\\b',
      '\\bannoy(?:ed|ing)\\b',
      '\\b(?:still waiting|keeps? happening|yet again|again and again|over and over)\\b',
      '\\b(?:useless|hopeless|pointless)\\b',
      '\\bwhat an? (?:joke|farce|shambles|circus|mess|nightmare|disgrace|con)\\b',
      // A complaint about the bot itself: "your AI is useless", "this chatbot is a waste of time".
      "\\b(?:your|this|the|stupid) (?:ai|bot|chatbot|robot|assistant|virtual assistant|automated (?:system|assistant))(?: is| are|'s)? (?:so |completely |totally )?(?:useless|stupid|dumb|rubbish|garbage|terrible|awful|a joke|no help|not helping|worthless)\\b",
    ),
  },
  {
    key: 'urgency',
    neg: 'any',
    // "mark this conversation urgent": an instruction about a field, which customer text cannot set.
    unless: (sentence) => INSTRUCTION_URGENT.test(sentence),
    re: anyOf(
      '\\b(?:immediately|right away|right now|asap|a\\.s\\.a\\.p\\.?|as soon as possible|urgent(?:ly)?|emergency|time[- ]sensitive)\\b',
      '\\b(?:this is |it\'s |it is )?blocking (?:our|my|the|us|me)\\b',
      // An event close at hand: "my flight is in 3 hours", "my brother's wedding this Saturday"; not
      // one already past or called off ("my flight just got cancelled today").
      `\\b(?:launch|go-live|deadline|event|wedding|funeral|flight|train|surgery|operation|appointment|interview|exam|trip|holiday|vacation|closing|meeting|presentation|departure|check-?in|court date|hearing)s?\\b(?:(?!\\b(?:got|was|were|had|been|missed|cancel\\w*|postpon\\w*)\\b)[^.!?]){0,30}\\b(?:today|tonight|tomorrow|this (?:${WEEKDAY}|week|weekend|morning|afternoon|evening)|(?:is|leaves|departs|starts|boards) (?:in|within) (?:less than )?(?:an?|one|two|three|few|\\d+) (?:hours?|hrs?|minutes?|mins?|days?))\\b`,
      // A deadline on what they need: "I need this resolved before Saturday", "must be fixed by end of day".
      `\\b(?:need|needs|needed|must have|have to have|must be|has to be|have to be)\\b[^.!?]{0,30}\\b(?:by|before|until) (?:${DEADLINE})\\b`,
      `\\bby (?:the )?(?:end of (?:the )?(?:day|business day|business)|eod|cob|close of business)\\b`,
      "\\b(?:need|want) (?:it|this|that|them)(?: \\w+)? (?:today|tonight)\\b|\\b(?:rent|bill|payment|mortgage|tuition|deposit) is due (?:today|tonight|tomorrow)\\b",
      // Something that must happen today: "I NEED TO PAY MY RENT TODAY".
      "\\b(?:i|we) (?:need|have|must|got) to\\b[^.!?]{0,40}\\b(?:today|tonight|by tomorrow)\\b",
      '\\b(?:running out of time|time is running out|can(?:\'t| ?not) wait (?:any ?longer|much longer|until)|matter of urgency|time[- ]critical|business[- ]critical)\\b',
      '\\b(?:production|prod|our (?:site|store|shop)) is down\\b',
    ),
  },
  {
    key: 'helplessness',
    re: anyOf(
      '\\bi give up\\b',
      "\\bi (?:really )?(?:don't|dont|do not) know what (?:else )?(?:to|I can) (?:try|do)\\b",
      "\\b(?:no idea|don't know) what (?:else )?to do\\b",
      "\\b(?:i've|i have) tried everything\\b",
      "\\b(?:at a loss|out of options|at my wits?'?s? end|i'm lost|i am lost|i'm desperate|i am desperate)\\b",
      // Worn out, not a threat to self: "I can't do this anymore", "I can't cope".
      "\\bi (?:just |really |honestly )?(?:can't|cannot|can not|cant) (?:(?:do|take|handle|face) (?:this|it|any of this) (?:any ?more|much longer)|(?:deal|cope) with (?:this|it|any of this)(?: any ?more)?|cope)\\b",
      "\\bi (?:don't|dont|do not) know what (?:else )?(?:to do|i can do|i'm supposed to do|i am supposed to do)\\b",
      "\\bi (?:can't|cannot) figure (?:this|it) out\\b",
      '\\bplease,? (?:just )?help me\\b',
    ),
  },
  {
    key: 'profanity',
    re: anyOf(
      '\\bf+u+c+k+\\w*|\\bf[*#@$%!]+(?:c?k|ing)?\\w*|\\bfck\\w*|\\bwtf\\b|\\bstfu\\b',
      '\\bsh[i1*]t+(?:ty|s)?\\b|\\bbull ?sh[i*]t\\b',
      '\\bdamn(?:it|ed)?\\b|\\bgoddamn\\w*',
      '\\bcrap(?:py)?\\b',
      '\\bpiss(?:ed)?(?: off)?\\b',
      '\\b(?:ass ?hole|bastard|bitch|jerk|idiot|idiots|morons?|dumbass)s?\\b',
      '\\b(?:what|the) (?:the )?hell\\b|\\bbloody hell\\b',
    ),
  },
  {
    key: 'anger_word',
    neg: 'any',
    // Angry faces and the cursing emoji count as angry words, not as profanity (which escalates alone).
    re: anyOf('\\b(?:furious|angry|livid|outraged|enraged|infuriat(?:ed|ing)|seething)\\b', '\u{1F92C}|\u{1F620}|\u{1F621}|\u{1F595}'),
  },
  {
    key: 'threat_to_leave',
    re: anyOf(
      '\\btak(?:e|ing) my (?:business|money|custom) elsewhere\\b',
      '\\b(?:switch(?:ing)?|mov(?:e|ing)|go(?:ing)?) (?:over )?to (?:a |your |another )?(?:competitor|competition)s?\\b',
      '\\bnever (?:buy|order|shop|purchase)(?:ing)? (?:from|with|here) (?:you )?again\\b',
      "\\b(?:i am|i'm|we are|we're) (?:leaving|done with (?:you|your company|this company))\\b",
      '\\b(?:cancel(?:l?ing)?|clos(?:e|ing)) my account\\b[^.!?]{0,20}\\b(?:if|unless)\\b',
      '\\blast time i (?:buy|order|shop)\\b',
    ),
  },
  {
    key: 'sarcasm',
    re: anyOf(
      '\\b(?:great|wonderful|perfect|fantastic|brilliant|lovely|awesome),? just (?:great|wonderful|perfect|fantastic|brilliant|lovely|awesome)\\b',
      '\\boh,? (?:great|wonderful|perfect|fantastic|brilliant|lovely|joy|awesome|how nice)\\b',
      '\\bthanks for nothing\\b',
      '\\b(?:yeah|sure),? right\\b',
      '\\b(?:i )?(?:love|loving) how\\b',
      '\\bjust what i needed\\b',
      '\\b(?:great|wonderful|perfect|fantastic|brilliant|lovely|awesome)\\b[^.!?]{0,25}\\b(?:another|yet again|once again|still (?:no|not|waiting))\\b',
      '\\b(?:thanks|thank you) (?:a lot )?for (?:wasting|ruining|nothing)\\b',
      '\\bwhat (?:a )?(?:great|wonderful|fantastic|brilliant) (?:service|job|experience)\\b[^.!?]{0,10}[!?]*\\s*(?:not|\\/s)\\b',
    ),
  },
]);

/**
 * Sarcasm without a set phrase: praise of the service (not a plain "great, thanks") in a message that also reports the thing going wrong again
 * ("Wow, amazing service. Third time this month your courier has 'delivered' my parcel to nowhere").
 * Both halves must be in one message; either alone is sincere.
 */
export const PRAISE_RE =
  /\b(?:wow|amazing|impressed|impressive|bravo|well done|stellar|top-notch|outstanding|way to go|(?:good|great|nice) (?:job|work))\b|\b(?:great|wonderful|fantastic|brilliant|excellent|superb|perfect|lovely|awesome|fabulous|terrific|stellar) (?:customer )?(?:service|job|work|company|support|delivery|experience|communication|bank|airline|courier)\b/i;
export const SETBACK_RE = new RegExp(
  [
    "\\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+th|another) time\\b",
    '\\b(?:yet|once) again\\b|\\bagain\\b[^.!?]{0,15}[.!?]',
    "\\bstill (?:no|not|nothing|waiting|broken|down|missing)\\b",
    "\\b(?:never|hasn't|has not|haven't|have not|didn't|did not) (?:arrived|came|showed up|shown up|worked|been fixed|been delivered|answered|replied)\\b",
    '\\bto nowhere\\b|\\bnowhere to be (?:found|seen)\\b',
    "\\b(?:only|just) (?:took|taken|waited) (?:\\d+|two|three|four|five|six) (?:hours|days|weeks|months)\\b",
    // Scare quotes around what the company claims happened: 'delivered', "fixed".
    "['\"](?:delivered|fixed|resolved|express|fast|on time|shipped|refunded|working|help|support|service|premium|unlimited)['\"]",
  ].join('|'),
  'i',
);

/** Words that turn the next sentiment word up. */
export const INTENSIFIERS = new Set([
  'very', 'so', 'really', 'extremely', 'incredibly', 'totally', 'absolutely', 'completely', 'utterly', 'super',
]);

/** Negators the lexicon's own one-word look-back misses; we look three words back. */
export const NEGATORS = new Set([
  'not', 'no', 'never', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "wasn't",
  'wasnt', "won't", 'wont', "can't", 'cant', 'cannot', "aren't", "weren't", "haven't", "hasn't", 'hardly',
  'without', 'nothing', 'nobody',
]);
