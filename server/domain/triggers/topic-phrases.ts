import { anyOf, test } from './phrase-rules';
import { negationPatterns, REFUND_SETTLED_RE, withLanguages } from '../language';
import type { PhraseRule } from './scan';

/**
 * What customers write when they raise each topic of CONTRACT.md §3. Tuned for what a support lead
 * would label: a request for money back, not every mention of the word "refund".
 */

/** Words that judge the company or its product outright (complaint rule). */
const VERDICT =
  '(?:awful|terrible|horrible|horrendous|appalling|pathetic|shoddy|lousy|disgraceful|unacceptable|abysmal|atrocious|shocking|rubbish|useless|hopeless|garbage|trash|crap|a joke|a disgrace|a nightmare|a shambles|the worst|ridiculous|laughable|outrageous|disgusting)';
const VERDICT_ADVERB = '(?:so|really|absolutely|just|honestly|utterly|completely|totally|frankly|genuinely|seriously|truly|beyond)';

/** Asking what something costs, or for a quote (custom pricing rule). */
const PRICE_ASK = '(?:quote|quotation|pric(?:e|es|ing)|rates?|discount|cost|fees?|how much|negotiate)';
/** A scale a list price does not cover: a count of ten or more people, sites or units. */
const AT_SCALE =
  '\\b(?:\\d{2,}[\\d,]*|\\d+k|hundreds|thousands)\\s+(?:[\\w-]+\\s+)?(?:units|students|rooms|people|ppl|persons|employees|staff|members|licen[cs]es|seats|users|vans|trucks|vehicles|cars|sites|locations|offices|schools|stores|shops|laptops|sims|devices|phones|boxes|sets|transfers|guests|attendees|pupils|delegates|drivers|restaurants|caf[eé]s|clinics|branches|buildings|properties|beds)\\b';

/** A sum of money as customers write it: "£45", "$1,250.00", "340 euros", "€149,00". */
const AMOUNT = '(?:[£$€]\\s?\\d[\\d,.]*|\\b\\d[\\d,.]*\\s?(?:€|eur|euros?|usd|dollars|gbp|pounds|quid|bucks)\\b)';

/** Up to n characters of one sentence; a decimal point ("$1,250.00") does not end it. */
const inSentence = (n: number) => `(?:[^.!?]|\\.(?=\\d)){0,${n}}`;

/** "I got my refund", "the refund came through": the money is back, nothing to ask for … */
const REFUND_DONE = test(
  "\\b(?:got|received|(?:have|had) (?:got|received|gotten)|had)\\s+(?:my|the|a|your)\\s+(?:full\\s+)?refund\\b",
  '\\b(?:got|received|(?:have|had) (?:got|received|gotten)) (?:my |our |the )?money back\\b',
  // The refund itself is the subject ("the refund for my jacket came through"), not a charge or an item near it.
  "\\b(?:refund|reimbursement)(?: (?:for|of|from|on) (?:the |my |our |your |a )?(?:[\\w'-]+ ){0,3}[\\w'-]+)? (?:has |have |had |is |was )?(?:already )?(?:came through|come through|went through|gone through|landed|showed up|hit my|(?:been )?(?:received|processed|credited|completed))\\b",
  '\\bthanks?(?: you)? for (?:the |my |sorting(?: out)? (?:the |my )?|processing (?:the |my )?)?(?:quick |fast )?(?:refund|reimbursement)\\b',
  '\\brefund (?:ok |already )?(?:received|done)\\b',
);
/** … unless it has not happened yet, or not in full ("haven't received my refund", "still no refund", "processed but only half"). */
const REFUND_PENDING = test("n't|\\bnot\\b|\\bnever\\b|\\bstill\\b|\\byet\\b|\\bwhere\\b|\\bwhen\\b|\\bbut\\b|\\bonly\\b");
/** A question about the policy before buying is a product question, not a request. */
const REFUND_POLICY = test(
  '\\b(?:refund|return|money[- ]back)\\s+(?:policy|policies|window|period|guarantee)\\b',
  '\\bdo you (?:offer|give|do|provide|allow) (?:refunds|returns)\\b',
  '\\bif i (?:buy|order|purchase|get)\\b',
  '\\bbefore (?:i|we) (?:buy|order|purchase)\\b',
  '\\b(?:is|are) (?:it|they|this|these) (?:refundable|returnable)\\b',
  // A question about a feature that handles refunds ("does your API support webhooks for refunds?").
  '\\b(?:api|webhooks?|endpoints?|integration|plugin|sdk|reports?|dashboard|events?)\\b[^.!?]{0,40}\\brefunds?\\b',
  '\\brefunds?\\b[^.!?]{0,20}\\b(?:api|webhooks?|endpoints?|events?|reports?)\\b',
);

const OWN_MISTAKE = test(
  '\\bi (?:must have )?(?:ordered|chose|picked|bought|selected|clicked) (?:the )?wrong\\b',
  '\\bby mistake\\b',
  '\\bmy (?:own )?(?:mistake|fault|bad|error)\\b',
);
/** "The box was dented but what's inside is fine": the packaging took the knock, not the item. */
const ITEM_INTACT = test(
  '\\b(?:inside|item|items|contents|product|it|they|everything)\\s+(?:is|are|was|were|seems?|looks?)\\s+(?:totally |completely |perfectly )?(?:fine|perfect|ok|okay|intact|undamaged|unharmed|unscathed|in (?:perfect|good|great) (?:condition|shape))\\b',
  '\\bno (?:harm|damage) (?:done|to the (?:item|product|contents))\\b',
);
/** Hospital or injury words alone ("I was in hospital, so I missed the window") are no danger; with a cause they are. */
const HARM_CAUSE = test(
  '\\b(?:because of|due to|from|after (?:using|eating|wearing|taking|drinking|touching|charging|opening))\\b[^.!?]{0,30}\\b(?:your|the|this|it|product|item)\\b',
  '\\b(?:burn|fire|shock|allerg|reaction|rash|swallow|chok|poison|cut|blade|explod|sharp|glass|fell|collaps|toxic|mold|mould|bacteria|sick)\\w*',
);

/** "I'd rather you sent the blazer than refund me", "a replacement, not a refund": preferring something else. */
const REFUND_DECLINED = test(
  '\\b(?:rather|prefer(?:ably)?)\\b[^.!?]{0,80}\\b(?:than|instead of|over|not) (?:a |an |the |my |you )?(?:full )?refund',
  '\\binstead of (?:a |the |my )?refund',
  ',? not (?:a |the )?refund\\b',
);

export const REFUND_RULES: PhraseRule[] = withLanguages([
  {
    key: 'refund_request',
    re: anyOf(
      '\\brefund(?:ed|s)?\\b',
      '\\b(?:my|the|our) money back\\b',
      '\\b(?:want|need|get|give me|like|expect)\\s+(?:(?:my|our|the)\\s+)?money back\\b',
      '\\breimburse(?:ment|d)?\\b',
      '\\b(?:deposit|money|payment|funds)s? (?:to be |be |being )?(?:returned|refunded|reimbursed|credited back|paid back)\\b',
      '\\b(?:return|give back|pay back) (?:my|the|our) (?:deposit|money|payment|funds)\\b',
      '\\bgive me (?:back )?my money\\b',
      // "can I get the £6.80 back", "I want my 40 euros back".
      '\\b(?:get|have|want|need|give me|send me)\\s+(?:my |the |our |those |that )?(?:[£$€]\\s?\\d[\\d,]*(?:\\.\\d+)?|\\d[\\d,]*(?:\\.\\d+)?\\s?(?:dollars|euros?|pounds|quid|bucks|eur|usd|gbp))\\s+back\\b',
    ),
    neg: 'want',
    unless: (sentence) =>
      REFUND_POLICY.test(sentence) ||
      REFUND_DECLINED.test(sentence) ||
      (REFUND_DONE.test(sentence) && !REFUND_PENDING.test(sentence)) ||
      (REFUND_SETTLED_RE.test(sentence) && !negationPatterns().negationWord.test(sentence)),
  },
]);

export const TOPIC_RULES: PhraseRule[] = withLanguages([
  {
    key: 'billing_dispute',
    re: anyOf(
      '\\bdouble[- ]?charged\\b',
      '\\bcharged (?:me )?(?:twice|two times|three times|double|again)\\b',
      '\\b(?:duplicate|double|identical|extra|unauthori[sz]ed|unrecogni[sz]ed|unknown|fraudulent|mystery) (?:charge|payment|transaction|debit)s?\\b',
      "\\b(?:charge|payment|transaction)s? (?:that )?i (?:don't|do not|didn't|did not) (?:recogni[sz]e|authori[sz]e|make|approve)\\b",
      "\\b(?:didn't|did not|never) (?:authori[sz]e|approve|make|agree to) (?:this|that|the|these|a|any) (?:charge|payment|transaction|purchase)s?\\b",
      "\\b(?:charged|billed|charging|billing) (?:me )?(?:even )?after (?:i |we )?(?:cancel(?:l?ed)?|unsubscribed|closed)\\b",
      '\\bcancel(?:l?ed)\\b[^.!?]{0,60}\\b(?:charged|billed|charging)\\b',
      '\\bstill (?:being )?(?:charged|billed)\\b',
      '\\bcharge ?backs?\\b',
      `\\b(?:transaction|charge|purchase|payment|withdrawal|debit|transfer)s?\\b${inSentence(80)}\\b(?:that |which )?(?:i|we) (?:did not|didn't|never) (?:make|authori[sz]e|recogni[sz]e|approve|place)\\b`,
      // "that charge is wrong", "the roaming fee is incorrect".
      '\\b(?:the|this|that|these|those|your|my) (?:[\\w-]+ )?(?:charge|fee|bill|debit|transaction|payment|invoice)s? (?:is|are|was|were|looks|seems) (?:completely |totally |clearly |just )?(?:wrong|incorrect|not right|a mistake|an error|bogus|not mine)\\b',
      // "You took the direct debit twice", "debited twice this month".
      `\\b(?:took|taken|debited|charged|collected|deducted|withdrew|withdrawn|billed|invoiced)\\b${inSentence(40)}\\b(?:twice|two times|double)\\b(?!\\s+(?:as|the)\\b)`,
      "\\bcharged (?:me |my card |my account )?for (?:\\w+ ){0,4}(?:i|we) (?:didn't|did not|never|don't|do not) (?:order(?:ed)?|buy|bought|use[d]?|receive[d]?|want(?:ed)?|sign(?:ed)? up for|agree(?:d)? to)\\b",
      '\\bi (?:want to |would like to |wish to |need to )?dispute\\b',
      "\\b(?:i am|i'm|we are|we're|i will|i'll) not (?:be )?paying (?:this|that|it|for)\\b",
      '\\bdispute (?:the|this|a|that) (?:charge|payment|transaction)\\b',
      '\\b(?:file|open|raise|start) a dispute\\b',
      '\\bovercharg(?:ed|ing)\\b',
      '\\bcharged (?:me )?(?:the )?wrong (?:amount|price)\\b',
      '\\b(?:call|contact|report (?:this|it) to) my (?:bank|card issuer|credit card company)\\b',
      // "two charges of €149,00 for the same order", "three identical payments".
      `\\b(?:two|2|three|3|multiple|several|duplicate|double|identical|repeated) (?:identical |separate |matching )?(?:charges|payments|debits|transactions|withdrawals)\\b${inSentence(60)}\\b(?:same|identical)\\b`,
      '\\b(?:same|identical) (?:charge|payment|amount|transaction|debit)s? (?:twice|two times|again|three times)\\b',
      // Disputing what a charge was for: "charged my card $450 for a scratch that was already there".
      `\\b(?:charged|billed|fined|invoiced)\\b${inSentence(60)}\\b(?:(?:was|were) already there|(?:was|were) there before|pre-?existing|not my fault|(?:i|we) (?:didn't|did not|never) (?:cause|do|damage|break)|(?:i|we) (?:never|didn't|did not) (?:use|used|receive|received|get|got))\\b`,
      // A charge the customer never agreed to, however far from the word "charge" they say so.
      `\\b(?:charge|payment|debit|fee|transaction|renewal|subscription)s?\\b${inSentence(60)}\\b(?:i|we) (?:don't|do not|didn't|did not|never) (?:recogni[sz]e|authori[sz]e|sign(?:ed)? up for|agree(?:d)? to|ask(?:ed)? for|order(?:ed)?)\\b`,
      // The amount charged is not the amount agreed: "quoted €340 … the invoice says €415",
      // "my bill is $142 but my plan is $65".
      `\\b(?:quoted?|price|priced|contract|agreed|promised|plan|bill|invoice|charged|billed|renewal|premium|checkout)\\b${inSentence(40)}${AMOUNT}${inSentence(60)}\\b(?:but|yet|whereas|while|instead of|and (?:the|my|your) (?:invoice|bill|statement|renewal|receipt|card))\\b${inSentence(50)}${AMOUNT}`,
      // Asking for a charge to be taken off: "I want this fee removed", "reverse it", "waive the fee".
      '\\b(?:remove|reverse|waive|cancel|credit back|take off|write off) (?:this|that|the|these|those|your) (?:[\\w-]+ )?(?:fee|charge|surcharge|penalty|fine)s?\\b',
      "\\b(?:fee|charge|surcharge|penalty|fine)s? (?:to be )?(?:removed|reversed|waived|written off|taken off)\\b",
      // Charged although it did not happen: "charged me but the order didn't go through".
      "\\b(?:charged|billed|debited|took the money|money (?:left|came out of|was taken from) my (?:account|card))\\b[^.!?]{0,40}\\bbut\\b[^.!?]{0,40}\\b(?:didn't|did not|never|wasn't|was not)\\b[^.!?]{0,20}\\b(?:(?:go|went|gone) through|arrived?|completed?|worked?|happen(?:ed)?|(?:go|went) ahead|received?|get|got|show(?:ed)? up|turn(?:ed)? up)\\b",
      // Charged after cancelling, in more words than "charged".
      '\\bcancel(?:l?ed)\\b[^.!?]{0,60}\\b(?:still )?(?:took|taken|debited|deducted|collected|invoiced)\\b',
    ),
    neg: 'any',
  },
  {
    key: 'account_security',
    re: anyOf(
      '\\bhack(?:ed|er|ers|ing)?\\b',
      '\\b(?:someone|somebody) (?:else )?(?:has )?(?:logged|logging|got|gotten|broke|signed) in(?:to)?\\b',
      '\\bunauthori[sz]ed (?:access|log-?in|sign-?in|login|use|activity|purchase|order|transaction)s?\\b',
      '\\b(?:stolen|lost) (?:credit |debit )?(?:card|phone|wallet|laptop|device)\\b',
      '\\b(?:card|phone|wallet|laptop|device) (?:was|got|has been|had been) (?:stolen|lost)\\b',
      '\\b(?:account|password|email|card) (?:was |is |has been |got )?compromised\\b',
      "\\b(?:log-?ins?|sign-?ins?|logins?|devices?|transactions?|purchases?|orders?) (?:that )?i (?:don't|do not|didn't|did not) (?:recogni[sz]e|make|place)\\b",
      '\\bunrecogni[sz]ed (?:log-?in|sign-?in|login|device|transaction|purchase|order|activity)s?\\b',
      '\\bsuspicious (?:activity|log-?in|login|sign-?in|transaction|email)s?\\b',
      "\\b(?:that|it|this) (?:was not|wasn't) me\\b",
      '\\bsign-?in to my account from\\b',
      "\\b(?:password|email) (?:was |has been |got )?changed (?:without|and (?:it )?(?:wasn't|was not) me)\\b",
      '\\bidentity theft\\b',
      `\\b(?:transaction|charge|purchase|payment|withdrawal|transfer)s?\\b${inSentence(80)}\\b(?:that |which )?(?:i|we) (?:did not|didn't|never) (?:make|authori[sz]e|recogni[sz]e|approve)\\b`,
      `\\b(?:transfer|payment|withdrawal)s?\\b${inSentence(60)}\\bto an? (?:account|wallet|card|person|payee) (?:i|we) (?:don't|do not|didn't|did not) (?:know|recogni[sz]e)\\b`,
      // "someone changed my password and email", "somebody emptied my wallet".
      "\\b(?:someone|somebody)(?: else)? (?:has )?(?:changed|reset|accessed|used|took over|taken over|emptied|drained|got into|is using)\\b[^.!?]{0,20}\\b(?:my|our) (?:password|e-?mail|account|pin|phone number|wallet|card|bank|login)\\b",
      '\\bphish(?:ing|ed)\\b',
      // Someone else at work in the customer's account, in more words: "someone used my points",
      // "someone's trying to get into my account", "my ex keeps logging in to my account".
      '\\b(?:someone|somebody|someone\'s|somebody\'s|a stranger|my ex|a hacker)\\b[^.!?]{0,30}\\b(?:us(?:ed|es|ing)|chang(?:ed|es|ing)|order(?:ed|ing)|logg(?:ed|ing) in(?:to| to)?|get(?:ting)? into|got into|access(?:ed|ing)|drain(?:ed|ing)|spen(?:t|ding)|transferr(?:ed|ing)|took over|taken over)\\b[^.!?]{0,30}\\b(?:my|our)\\b',
      // Codes and alerts the customer never asked for: "2FA codes I didn't request", "login alert, that wasn't me".
      "\\b(?:codes?|e-?mails?|texts?|sms|notifications?|alerts?|messages?)\\b[^.!?]{0,40}\\b(?:i|we) (?:never|didn't|didnt|did not|haven't|havent) (?:request(?:ed)?|ask(?:ed)? for|trigger(?:ed)?)\\b|\\b(?:that )?(?:wasn't|wasnt|was not) (?:me|us)\\b|\\bi (?:haven't|have not|didn't|didnt|did not) change[d]? anything\\b",
      // A code or PIN given to someone pretending to be the company.
      '\\b(?:pretend|claim|scam|fraud|fake|phish)\\w*\\b[^]{0,150}\\b(?:gave|told|sent|replied with|shared|entered|typed)\\b[^.!?]{0,30}\\b(?:code|pin|password|otp|card details)\\b',
      '\\b(?:phone|card|wallet|laptop|purse|bag|tablet)s? (?:got|was|has been|were) (?:nicked|pinched|swiped|snatched)\\b|\\bsim (?:got |was |has been )swapped\\b',
    ),
    neg: 'any',
  },
  {
    key: 'legal_compliance',
    re: anyOf(
      // "my lawyer", "contact a lawyer": not "my sister just became a lawyer".
      '\\b(?:my|our) (?:lawyer|attorney|solicitor|legal (?:counsel|team|department|representative))s?\\b',
      '\\b(?:contact(?:ing)?|call(?:ing)?|hir(?:e|ing)|get(?:ting)?|consult(?:ing)?|involv(?:e|ing)|retain(?:ing)?|speak(?:ing)? (?:to|with)|talk(?:ing)? to|go(?:ing)? to|see(?:ing)?) (?:a |an |my |our )?(?:lawyer|attorney|solicitor)s?\\b',
      '\\b(?:lawyer|attorney|solicitor)s? (?:will|is going to|are going to|has been|have been|(?:is|are) (?:already )?(?:involved|aware|handling|looking))\\b',
      '\\b(?:illegal|unlawful|against the law|breach of contract|consumer rights|legal rights|my rights as a consumer)\\b',
      '\\blegal action\\b',
      '\\blaw ?suits?\\b',
      '\\b(?:sue|suing) (?:you|your|the company|them|this company)\\b',
      "\\b(?:i|we)(?:'ll| will| am going to|'m going to| are going to) sue\\b",
      '\\btake (?:you|this|your company|it) to court\\b',
      '\\bsmall claims\\b',
      '\\b(?:regulator|ombudsman|attorney general|trading standards|consumer protection|better business bureau)\\b',
      '\\b(?:FTC|BBB|CFPB|ICO|CNIL)\\b',
      '\\b(?:GDPR|CCPA|DSAR)\\b',
      '\\bdata (?:subject )?(?:access )?request\\b',
      '\\bright to (?:be forgotten|erasure|access)\\b',
      '\\b(?:delete|erase|remove) (?:all )?(?:of )?my (?:personal )?(?:data|information|info)\\b',
      '\\bwhat (?:personal )?data (?:do )?you (?:hold|have|store|keep)\\b',
    ),
  },
  {
    key: 'complaint',
    re: anyOf(
      '\\b(?:terrible|awful|horrible|worst|appalling|pathetic|shoddy|poor|bad|lousy|disgraceful|unacceptable|abysmal|atrocious|shocking|rubbish) (?:customer )?(?:service|support|experience|quality|company|product|communication|packaging|handling)\\b',
      '\\bworst (?:company|store|shop|service|experience|purchase|customer service)\\b',
      '\\b(?:service|support|quality|company|product|experience|communication) (?:is|was|has been|have been) (?:so |really |absolutely |just )?(?:terrible|awful|horrible|appalling|pathetic|shoddy|poor|lousy|disgraceful|unacceptable|abysmal|atrocious|shocking|rubbish|a joke|the worst)\\b',
      '\\b(?:gone|went|going) (?:way |completely |really )?downhill\\b',
      '\\b(?:make|file|lodge|submit|raise|register) a (?:formal )?complaint\\b',
      '\\bcomplain(?:t|ts|ing)?\\b',
      '\\b(?:very|extremely|really|so|deeply|totally) (?:disappointed|dissatisfied|unhappy|upset) (?:with|in|by)\\b',
      '\\bdisappointed (?:with|in|by) (?:your|the|this) (?:service|product|company|quality|support|store|shop|brand|bank|airline|courier|delivery|experience)\\b',
      '\\bcheap(?:ly)? made\\b',
      '\\b(?:poor|low|bad|terrible|awful|cheap|shoddy|crap) (?:build |product )?quality\\b',
      '\\bquality (?:has |have )?(?:gone down|dropped|declined|got worse|gotten worse)\\b',
      '\\b(?:stopped working|broke|died|quit working|came apart|fell apart|ripped|tore|faded|shrank|peel(?:ed|ing))\\b[^.!?]{0,25}\\bafter (?:only |just )?(?:\\d+|a|an|one|two|three|four|five|six|a few|a couple of)\\s+(?:days?|weeks?|months?|uses?|washe?s|wears?|charges?)\\b',
      '\\b(?:not worth the money|waste of money|overpriced|false advertising|misleading (?:ad|advert|description|listing))\\b',
      '\\b(?:shameful|disgraceful|disgusting|appalling|terrible|awful|horrible|poor|no) way to treat\\b',
      '\\b(?:telling|tell|warn) (?:everyone|all my friends|everybody|people)\\b',
      '\\b(?:leave|leaving|write|writing|post|posting) (?:a )?(?:bad|negative|terrible|1-star|one-star|1 star|one star) review\\b',
      '\\b(?:would|will) (?:never|not) recommend\\b',
      '\\b(?:rude|unhelpful|incompetent|clueless) (?:staff|agent|driver|courier|employee|rep|representative|person|team|support)\\b',
      '\\b(?:expected|deserve) better\\b',
      '\\bfell apart\\b',
      '\\bunprofessional\\b',
      '\\bthanks for nothing\\b',
      '\\b(?:this is|what) a (?:scam|rip-?off|joke of a company)\\b',
      '\\bscam(?:mers)?\\b',
      '\\brip-?off\\b',
      '\\b(?:your|this) (?:company|service|app|product|bank|store|shop|airline|gym|network|website|business) (?:is|are) (?:\\w+ )?(?:shit|crap|garbage|trash|rubbish|a joke|useless|terrible|awful|the worst|a disgrace|pathetic)\\b',
      // The conduct of someone working for the company.
      '\\b(?:driver|courier|agent|staff|employee|rep|technician|cashier|delivery (?:guy|man|men|person)|engineer|manager)s?\\b[^.!?]{0,40}\\b(?:screamed|shouted|yelled|swore|threw|thrown|insulted|threatened|was rude|were rude|hung up on me|laughed at me)\\b',
      '\\breport (?:you|this|your company|your business) to\\b',
      // A verdict on the company or what it sells, whatever the noun: "the worst airline I've flown
      // with", "your new app update is awful", "you people are a joke".
      '\\bworst\\b(?! case)',
      `\\b(?:your|you (?:guys|people|lot)(?:'s?)?)(?: [\\w'-]+){0,3} (?:is|are|was|were|has been|have been|'s|'re)(?: ${VERDICT_ADVERB})? ${VERDICT}\\b`,
      `\\byou (?:guys |people |lot )?(?:are|were|'re)(?: ${VERDICT_ADVERB})? ${VERDICT}\\b`,
      // A verdict said alone, as a sentence of its own: "Pathetic.", "Not impressed."
      `(?:^|[.!?\\n][ \\t]*)(?:(?:this|that|it) (?:is|was|'s) |what )?(?:${VERDICT_ADVERB} )?(?:${VERDICT}|not (?:impressed|good enough|acceptable|ok|okay)|(?:very |so |really )?disappointing|(?:very |extremely )?poor)(?: service)?(?=\\s*(?:[.!?\\n]|$))`,
      '\\bnot (?:impressed|happy with|satisfied with|acceptable|good enough)\\b',
    ),
    neg: 'any',
  },
  {
    key: 'cancellation',
    re: anyOf(
      // Not "cancelled": "I cancelled my membership but you charged me" is a dispute, not churn.
      '\\b(?:cancel(?:l?ing)?|end(?:ing)?|terminat(?:e|ing)|clos(?:e|ing)|stop(?:ping)?|discontinu(?:e|ing)|delet(?:e|ing)|quit(?:ting)?) (?:my |the |our |this |your )?(?:\\w+ )?(?:subscription|membership|account|plan|contract|pass|line|broadband|auto-?renew(?:al)?|recurring (?:payment|billing|order)s?)\\b',
      '\\bunsubscribe (?:me )?from (?:the |your )?(?:service|plan|membership|subscription)\\b',
      '\\b(?:switch(?:ing)?|mov(?:e|ing)|go(?:ing)?|leav(?:e|ing)) (?:over )?to (?:a |your |another |one of your )?(?:competitor|competition|different (?:company|provider|service|store|shop|vendor)|other (?:company|provider|service|store|shop|vendor)|another (?:company|provider|service|store|shop|vendor))s?\\b',
      '\\btak(?:e|ing) my (?:business|money|custom) elsewhere\\b',
      '\\b(?:i am|i\'m|we are|we\'re) (?:leaving|switching|done with (?:you|your company|this company))\\b',
      '\\bnever (?:buy|order|shop|purchase)(?:ing)? (?:from|with|here) (?:you )?again\\b',
      // Ending a service named as customers name it, a couple of words in: "cancel my sub", "stop my
      // meal kit subscription", "end my car insurance policy", "disconnect the landline".
      '\\b(?:cancel(?:l?ing)?|end(?:ing)?|terminat(?:e|ing)|stop(?:ping)?|disconnect(?:ing)?|discontinu(?:e|ing)) (?:my |the |our |this |your )?(?:(?!of |for |an? )[\\w-]+ ){0,2}(?:subs?|subscriptions?|memberships?|polic(?:y|ies)|lease|trial|landline|broadband|internet|insurance|gas|electric(?:ity)?|phone line)\\b',
      // Not renewing: "we won't be renewing the lease", "please don't renew my policy", "stop the auto renewal".
      "\\b(?:won't|wont|will not|not going to) (?:be )?(?:renew(?:ing)?|continu(?:e|ing) with)\\b|\\b(?:don't|dont|do not) (?:auto-?)?renew (?:my|the|our|it|this)\\b|\\bstop (?:the |my )?(?:auto-?)?renew(?:al|ing)?\\b",
      "\\b(?:i am|i'm|im|we are|we're) (?:cancell?ing|leaving|quitting)\\b(?! (?:the |my |this |that |an? |our )?(?:order|booking|reservation|appointment|delivery|item|flight|payment|transfer|parcel|package)s?\\b)",
      '\\bwant out of (?:my|this|the|our) (?:contract|plan|lease|agreement|subscription|membership|policy)\\b|\\bport(?:ing)? (?:my|our) numbers? (?:out|over|away)\\b',
      '\\b(?:book|booking|go|going|shop|shopping|fly|flying|order|ordering|buy|buying|stay|staying) with (?:another|a different|other) (?:airline|company|provider|carrier|bank|insurer|shop|store|hotel|brand|service|vendor|gym|app|rental company)\\b',
    ),
    neg: 'want',
  },
  {
    key: 'custom_pricing',
    re: anyOf(
      '\\b(?:custom|volume|bulk|enterprise|wholesale|tiered|team|non-?profit|education(?:al)?|reseller|corporate) (?:pricing|price|prices|quote|discount|plan|license|licensing|rate|rates|deal|tier)s?\\b',
      '\\bquote for (?:\\d+|a team|our team|our company)\\b',
      '\\b(?:buy|order|purchase|need|want) (?:\\d{2,}|hundreds|thousands|a few hundred) (?:of )?(?:units|seats|licen[cs]es|pieces|items|users|copies)\\b',
      '\\bdiscount for (?:\\d+|a large|bulk|our team|our company|multiple)\\b',
      '\\bpricing for (?:our|a|my) (?:team|company|organi[sz]ation|business)\\b',
      '\\b(?:for|need|want|buy|purchase|add|adding|quote|pricing|price|cost|deal)\\b[^.!?]{0,25}\\b\\d{2,} (?:seats|licen[cs]es|users|employees)\\b',
      // A price asked for a scale a list price does not cover, in either order: "how much for 25
      // laptops for a school", "we run 6 cafés … is there a multi-site rate", "group rates for a team of 35".
      `\\b${PRICE_ASK}\\b[^]{0,150}${AT_SCALE}|${AT_SCALE}[^]{0,150}\\b${PRICE_ASK}\\b`,
      '\\b(?:group|bulk|multi-?site|fleet|portfolio|(?:district|campus|company|school|chain)-wide|commercial) (?:rates?|discounts?|pricing|licen[cs](?:e|es|ing)|policy|quote|deal)\\b|\\bblock booking\\b',
    ),
  },
  {
    key: 'damaged_order',
    re: anyOf(
      '\\b(?:arrived|came|showed up|got here|was delivered|were delivered|delivered)\\s+(?:\\w+\\s+)?(?:damaged|broken|cracked|smashed|shattered|dented|torn|ripped|defective|faulty|crushed|leaking|opened|wet|dead|not working)\\b',
      '\\b(?:damaged|cracked|smashed|shattered|dented|defective|faulty|crushed)\\b',
      '\\b(?:item|product|package|parcel|box|screen|glass|bottle|it|one|lid|handle|leg|zipper)\\s+(?:is|was|came|arrived)\\s+(?:\\w+\\s+)?broken\\b',
      '\\bwrong (?:item|size|colou?r|product|order|thing|model|book|shoes?|part)s?\\b',
      '\\b(?:sent|received|got|shipped|delivered) (?:me |us )?(?:the |a )?wrong\\b',
      '\\bnot what i ordered\\b',
      // "I ordered the blazer and received a skirt instead".
      '\\b(?:ordered|bought|paid for)\\b[^.!?]{0,80}\\b(?:received|got|was sent|were sent|came|arrived|delivered)\\b[^.!?]{0,50}\\binstead\\b',
      "\\b(?:got|received|was sent|were sent|delivered) (?:someone|somebody) else'?s (?:order|package|parcel|item|delivery|box|bag)\\b",
      '\\b(?:is|are|was|were|came|arrived)\\s+(?:\\w+\\s+)?(?:torn|ripped|snapped|chipped|shattered|split|bent|stained|scratched)\\b(?!\\s+(?:between|up about))',
      '\\bsnapped (?:clean )?off\\b',
      '\\b(?:sent|shipped|delivered) (?:me |us )?(?:a |an |the )?[^.!?]{0,40}\\binstead\\b',
      '\\bmissing (?:items?|parts?|pieces?|accessor(?:y|ies))\\b',
      '\\b(?:arrived|came|showed up|was delivered|were delivered|delivered)\\s+with (?:a |an |the |some |its )?(?:\\w+ )?(?:broken|cracked|smashed|shattered|dented|torn|ripped|missing|damaged|bent|scratched|leaking)\\b',
      '\\b(?:caught|catches) fire\\b|\\bburst into flames\\b|\\bexplod(?:ed|es)\\b|\\boverheat(?:ed|s)\\b|\\bmelted\\b',
      '\\b(?:stopped working|broke|died|quit working|came apart|fell apart)\\b[^.!?]{0,25}\\bafter (?:only |just )?(?:\\d+|a|an|one|two|three|four|five|six|a few|a couple of)\\s+(?:days?|weeks?|uses?|washe?s|wears?|charges?)\\b',
      '\\b(?:i|we) (?:received|got|was sent|were sent|am receive|receive) (?:the |a |an )?wrong\\b',
      '\\b(?:doesn\'t|does not|won\'t|will not) (?:turn|switch|power) on\\b',
      // The shapes a wrong or faulty delivery takes without those words: "ordered the 27 inch,
      // received a 24 inch", "you shipped me a completely different case", "dead on arrival", "stick
      // drift straight out of the box", "arrived with a dent", "came in pieces", food gone off.
      '\\bordered\\b[^.!?]{0,60}\\b(?:got|received|(?:you |they )?sent(?: me| us)?|came|arrived|delivered)\\s+(?:a |an |the )?(?:different\\b|other\\b|\\d|[\\w-]+ (?:one|size|edition|version|model)\\b)',
      '\\b(?:sent|shipped|gave|delivered) (?:me|us) (?:a |an |the )?(?:completely |totally |entirely )?different\\b|\\b(?:is|are) (?:for )?(?:a |an )?(?:completely |totally )?different (?:model|size|item|product|version)\\b|\\btwo different sizes\\b',
      "\\bdead on arrival\\b|\\b(?:drifts?|drifting|doesn't work|does not work|won't (?:work|charge|pair|connect)|not working|only works?|stopped working|broken|faulty|dead)\\b[^.!?]{0,40}\\b(?:straight |right )?out of the box\\b",
      '\\b(?:arrived|came|showed up|was delivered|were delivered|delivered)\\s+with (?:a |an |the |some )?(?:[\\w-]+ ){0,2}(?:cracks?|dents?|holes?|tears?|rips?|scratch(?:es)?|chips?|stains?|leaks?|dead pixels?)\\b',
      '\\b(?:came|arrived|is|was|are|were|now|all) in (?:\\w+ )?pieces\\b',
      '\\bmou?ldy\\b|\\bgone off\\b|\\b(?:spoiled|spoilt)\\b(?! (?:for|my|our|the|it|everything|us|me|him|her|them)\\b)|\\bsmel(?:led|t|ls|ling) (?:off|bad|sour|rotten|funny)\\b|\\b(?:expiry|use[- ]by|best[- ]before) (?:date )?(?:was|is) (?:last|yesterday|already|in the past)\\b',
    ),
    neg: 'any',
    // "I ordered the wrong colour by mistake" is the customer's slip, not a wrong delivery.
    unless: (sentence) => OWN_MISTAKE.test(sentence) || ITEM_INTACT.test(sentence),
  },
  {
    key: 'safety',
    re: anyOf(
      '\\bsuicid(?:e|al)\\b',
      '\\b(?:hurt|kill|shoot|stab|attack|beat up) (?:someone|somebody|people|everyone|your (?:staff|driver|employees))\\b',
      '\\b(?:want|going) to die\\b',
      '\\bself[- ]harm\\b',
      "\\bdon't want to (?:live|be alive)\\b",
      "\\b(?:i(?:'ll| will| am going to|'m going to|'m gonna| gonna)) (?:kill|hurt|shoot|stab|beat|attack|find) (?:you|him|her|them|someone|the driver|your)\\b",
      '\\b(?:caught|catches|on) fire\\b',
      '\\bburst into flames\\b',
      '\\bexplod(?:ed|es|ing)\\b',
      '\\bburn(?:ed|t)? (?:me|my|him|her|his|our|the kids?)\\b',
      '\\belectric(?:al)? shock\\b',
      '\\b(?:choking|poison(?:ed|ing)|allergic reaction)\\b',
      '\\bsmoke (?:coming|came) out\\b',
      '\\boverheat(?:ed|ing|s)\\b',
      '\\b(?:fire|safety|choking|electrical|health|burn) (?:hazard|risk)s?\\b',
      '\\bspark(?:s|ed|ing)\\b[^.!?]{0,20}\\b(?:came|coming|out|when|from|socket|plug|cable|charger)\\b|\\bmelt(?:ed|ing)\\b',
      '\\b(?:smell(?:s|ed|ing)? (?:strongly |heavily |really |very )?(?:of |like )?gas|gas (?:leak|smell)|leaking gas|carbon monoxide)\\b',
      // "A child could get hurt", "someone is going to get hurt".
      "\\b(?:someone|somebody|a child|my (?:kid|child|son|daughter|baby)) (?:(?:could|might) (?:have )?(?:get |got |been )?|(?:is going to|'s going to|is gonna|will|gets|is getting) (?:get )?)(?:hurt|injured|killed|electrocuted|burned)\\b",
      '\\b(?:is|are|was|looks|seems) (?:really |very |so |extremely )?(?:dangerous|unsafe)\\b',
      // Words of despair that point at self-harm.
      "\\bno (?:reason|point) (?:to|in) (?:live|living|going on)\\b|\\bbetter off (?:dead|without me)\\b|\\bcan'?t go on (?:like this|any ?more)\\b",
      // Someone threatened or is stranded in danger: "he knows where I live", "on the hard shoulder with my kids".
      "\\b(?:knows where i live|i'?m (?:scared|afraid|terrified) (?:to (?:open the door|go (?:out|home)|leave (?:the house|my (?:home|house|flat)))|for my (?:life|safety|kids|children))|fear (?:for )?my (?:life|safety)|threatened (?:to (?:hurt|kill|hit)|me)|(?:he|she|they) (?:will|'ll|is going to) come back)\\b",
      '\\b(?:on the (?:hard )?shoulder|side of the (?:road|highway|motorway|freeway)|broken? down on the (?:highway|motorway|freeway))\\b',
      // Self-harm in any tense and with the words people put between: "thinking about ending it all",
      // "I don't see the point of living anymore", "nothing to live for".
      "\\b(?:end(?:s|ed|ing)?|take|taking|took) (?:it all|my (?:own )?life)\\b|\\bend(?:ing)? it (?:tonight|today|now)\\b|(?<!\\b(?:don't|dont|do not|not) want to )\\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting) myself\\b",
      "\\b(?:don't|dont|do not|can't|cant|cannot) (?:really |even )?see (?:the|any) point (?:in |of )?(?:living|life|going on|anything|any ?more)\\b|\\bnothing (?:left )?to live for\\b|\\b(?:don't|dont|do not) (?:really |even )?(?:want to|wanna) (?:be (?:here|alive|around)|live|go on) any ?more\\b|\\b(?:don't|dont|do not) feel like (?:going on|living)\\b",
      '\\bthinking (?:about|of) (?:ending (?:it|my life|things)|killing myself|taking all (?:of )?(?:them|my|the))\\b',
      // Violence threatened against a person, by whoever: "he said he'll hurt me", "threatened to stab
      // the nurse", "is bringing a gun".
      "\\b(?:will|'ll|going to|gonna|threaten(?:ed|ing|s)? to|coming to) (?:come (?:and |to )?)?(?:hurt|kill|stab|shoot|hit|beat|attack|rape) (?:me|her|him|us|them|my|our|someone|somebody|people|the|a|another|one)\\b",
      '\\b(?:bring|bringing|brought|carrying|pulled) a (?:gun|knife|weapon|firearm|machete)\\b',
      '\\b(?:nearly|almost) (?:choked|died|drowned|fell|crashed|electrocuted|ran (?:me|him|her|us|them) over|hit (?:me|him|her|us|my))\\b',
      // A person in a medical emergency now, and live electricity where people are.
      '\\b(?:called|call|calling|need|needs|used|using|gave (?:him|her|them)) (?:an? |the |his |her |my |their )?(?:ambulance|epi-?pen)\\b|\\bambulance (?:is )?(?:coming|on (?:its|the) way|arrived|came)\\b|\\banaphyla\\w*|\\b(?:at|in|to) (?:a&e|the er|the emergency (?:room|department))\\b',
      "\\b(?:is|are|it's|and|still) sparking\\b|\\b(?:exposed|live) wir(?:es|ing)\\b|\\b(?:power )?lines? (?:is |are )?down\\b|\\bdowned (?:power )?lines?\\b",
    ),
  },
  {
    key: 'safety',
    neg: 'any',
    re: anyOf(
      '\\b(?:injur(?:ed|y|ies)|hospitali[sz]ed|(?:in|to) (?:the )?hospital|emergency room)\\b',
    ),
    unless: (sentence) => !HARM_CAUSE.test(sentence),
  },
]);
