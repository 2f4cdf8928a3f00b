import * as chrono from 'chrono-node';
import type { LanguagePack } from './types';

/** English: the base language, read in every message whatever else it is written in. */

const PERSON =
  '(?:a |an |some |the |your |one of your )?(?:real |actual |live |human |actual human |real live )?(?:human(?: being)?|person|people|agent|representative|rep|someone|somebody|anyone|anybody|representitive|represenative|manager|supervisor|operator|staff(?: member)?|employee|team member|customer (?:service|support)(?: agent| rep| representative)?|support (?:agent|person|team)|specialist)';

/**
 * chrono's parsers of what facts/dates.ts sets aside anyway: a clock time ("at 5pm", "this morning"
 * without a day) and a length of time within which ("within 3 days"). They cost a third of chrono's
 * work on a message, and chrono is the costliest step of fact extraction. Without them chrono also
 * misreads less: "from 14 Aug" was read as the 1st (the 14 taken for an hour), "in 48h" as a day.
 * "3 days later" stays: with it, "the day after tomorrow" is read as one date.
 */
export const CLOCK_AND_LENGTH_PARSERS: ReadonlySet<string> = new Set([
  'ENTimeExpressionParser',
  'ENCasualTimeParser',
  'ENTimeUnitWithinFormatParser',
]);

/** chrono's English casual reading without CLOCK_AND_LENGTH_PARSERS (its refiners all kept). */
const DAYS_ONLY = (() => {
  const configuration = chrono.en.configuration.createCasualConfiguration(false);
  configuration.parsers = configuration.parsers.filter((parser) => !CLOCK_AND_LENGTH_PARSERS.has(parser.constructor.name));
  return new chrono.Chrono(configuration);
})();

export const EN: LanguagePack = {
  code: 'en',
  phrases: {
    human_requested: [
      `\\b(?:talk|speak|chat|get through)\\s+(?:to|with)\\s+${PERSON}\\b`,
      '\\b(?:real|actual|live) (?:human|person|agent|people)\\b',
      `\\b(?:transfer|connect|put|pass|escalate|forward) (?:me|this|us|my (?:case|call|chat|ticket))(?: through)? (?:to|with)\\s+${PERSON}\\b`,
      "\\b(?:want|need|get me|give me|request|requesting|i'd like|i would like|prefer)\\s+(?:to have )?(?:a |an )?(?:human|person|agent|representative|representitive|operator|supervisor|manager)\\b",
      '\\bget me (?:someone|somebody|a person|a human)\\b',
      '\\bcall me back\\b',
      '\\b(?:someone|somebody|a person|an agent|a human|a representative|a rep|a member of (?:your )?(?:staff|team)|(?:one of )?your (?:staff|team)) (?:could |can |would |will |to |please )*(?:call|phone|telephone|ring|contact) me\\b',
      '\\bon the phone with (?:someone|somebody|a person|an agent|a human)\\b',
      '\\b(?:escalate (?:this|my (?:issue|case|ticket))|speak to your (?:manager|supervisor))\\b',
      "\\b(?:stop|enough with|no more|done with|don't want|do not want|tired of) (?:talking to |chatting with )?(?:the |this |a |you )?(?:stupid |useless )?(?:bot|robot|chatbot|machine|ai|automated (?:system|assistant))s?\\b",
      '^\\W*(?:human|agent|representative|operator|real person|live agent|person|customer service)(?:[,!.\\s]+(?:please|pls|plz|now|asap))?\\W*$',
    ],
    // Short replies only: "OK, but where is my order?" is not a yes to a person.
    accept: [
      "^\\W*(?:yes|yeah|yep|yup|sure|ok(?:ay)?|please|yes please|please do|do it|go ahead|absolutely|definitely)\\b[^?]{0,25}$",
    ],
    rejection: [
      "\\b(?:that|this|it|your answer|the article|the link)(?: really)? (?:didn't|did not|doesn't|does not|won't) (?:help|work|answer|solve|fix|address)\\b",
      "\\b(?:that|this|it) (?:isn't|is not|wasn't|was not) (?:what|helpful|right)\\b",
      "\\b(?:didn't|did not|doesn't|does not) (?:help|work)\\b",
      "\\b(?:that's|that is|this is|it's) not (?:what i (?:asked|meant|need|wanted|said)|what|helpful|it|my question|the question|the problem|the issue|relevant)\\b",
      "\\bnot what i (?:asked|meant|need|needed|wanted)\\b",
      '\\b(?:not|un)helpful\\b|\\bnot (?:useful|relevant)\\b',
      '\\b(?:useless|pointless|irrelevant)\\b',
      "\\b(?:i )?already (?:tried|did|read|done|checked|followed|seen) (?:that|this|those|it|them|the steps|the article)\\b",
      "\\bstill (?:doesn't|does not|isn't|is not|won't|can't|cannot|not)\\b",
      "\\byou(?:'re| are) not (?:understanding|listening|getting it|helping)\\b",
      "\\byou (?:don't|do not) understand\\b",
      "\\bthat(?:'s| is) (?:wrong|incorrect)\\b|\\bwrong (?:answer|article)\\b",
      "\\bthat (?:doesn't|does not) answer my question\\b",
      '\\bthanks for nothing\\b',
    ],
    acceptance: [
      '\\b(?:that|this|it) (?:worked|helped|fixed it|solved it|did the trick)\\b',
      '\\b(?:problem|issue|all) (?:solved|sorted|fixed)\\b',
    ],
  },
  refusals: [
    "\\b(?:don't|dont|do not|doesn't|does not|didn't|did not|won't|will not|wouldn't|would not|never|not|no longer)\\s+(?:really\\s+|actually\\s+|even\\s+|yet\\s+)?(?:need|want|wish|require|plan|intend|asking|looking|after)\\b",
    '\\bno (?:need|reason)\\b',
    '\\bnot (?:necessary|needed|required)\\b',
    '\\brather not\\b',
    // "I don't need a human" when the rule's match itself starts at "need".
    "\\b(?:don't|dont|do not|doesn't|does not|didn't|did not|won't|will not|wouldn't|would not|never|not)\\s+(?:really\\s+|actually\\s+|even\\s+)?$",
  ],
  generalAsks: [
    '\\bjust (?:curious|wondering|asking|planning|to know)\\b',
    "\\b(?:i'm|i am|im) (?:just )?curious\\b",
    '\\bout of (?:pure )?curiosity\\b',
    '\\bin general\\b',
    '\\bgeneral question\\b',
    '\\b(?:asking|ask) for (?:a friend|the future|future reference|later|my blog|research|a (?:school )?project)\\b',
    '\\bfor future reference\\b',
    '\\bhypothetical(?:ly)?\\b',
    '\\bwhat happens if\\b',
    '\\bif (?:i|we|my|our) (?:\\w+ )?ever\\b',
    "\\b(?:haven't|have not|didn't|did not) (?:bought|buy|ordered|order|purchased|purchase|booked|book) (?:anything|it|one|them)? ?yet\\b",
  ],
  negations: ["n't", '\\b(?:not|no|never|nothing|nobody|without)\\b'],
  clauseBreaks: ['but', 'however', 'although', 'though'],
  futureCues: ["\\b(?:next|by|due|until|till|before|arriv(?:e|es|ing)|expect(?:ed|ing)?|will|'ll|going to|gonna|scheduled|booked|coming|upcoming|deliver(?:s|ing)?|eta|should (?:arrive|be|come)|need (?:it|this|them|that)|on its way)\\b"],
  weekModifiers: ['\\b(?:this|next|last|past|previous|coming)\\b'],
  // Month and weekday names as chrono spells them (its MONTH_DICTIONARY and WEEKDAY_DICTIONARY, checked
  // by test/domain/dates.test.ts), whole: "maybe", "money" and "decided" are no dates. A digit may
  // follow ("Nov3"), as chrono reads it.
  dateWords:
    '\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)(?![a-z])|\\b(?:today|tonight|tomorrow|tmr|tmrw|yesterday|morning|afternoon|evening|night|noon|midnight|weekend|fortnight)\\b|\\b(?:days?|weeks?|months?|years?|ago)\\b',
  commonWords: [],
  parseDates: (text, reference) => DAYS_ONLY.parse(text, reference),
};
