import { withLanguages } from '../language';
import { anyOf, test } from './phrase-rules';

/** "an error on my invoice", "a mistake in my name": a wrong record, not a software fault. */
const CLERICAL_ERROR = test(
  '\\b(?:error|mistake)s? (?:in|on|with) (?:my|the|your|our) (?:invoice|bill|statement|order|name|address|receipt|account|charge|booking|reservation)\\b',
);
import type { PhraseRule } from './scan';

/** An earlier contact that did its job … */
const CONTACT_SETTLED = test('\\b(?:fixed|resolved|solved|sorted(?: out)?|worked|works now|closed (?:correctly|properly)|thanks?|thank you)\\b');
/** … unless the sentence says otherwise ("thanks for nothing", "still not fixed", "said it was solved"). */
const CONTACT_OPEN = test(
  "n't|\\b(?:not|never|still|nothing|no one|nobody|yet|but|supposed(?:ly)?)\\b",
  "\\b(?:you|they|he|she|your [\\w-]+) (?:said|told|promised|claimed)\\b",
);

/** How many times, in words or digits (the customer counting their contacts). */
const ORDINAL = '(?:second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|6th|7th|\\d+th|umpteenth|nth)';
const COUNT = '(?:three|four|five|six|seven|eight|nine|ten|\\d+)';
/** The rest of the message, up to 400 characters (a promise and its breach are often two sentences apart). */
const UNTIL_MESSAGE_END = '[\\s\\S]{0,400}?';

/** Someone contacted or answered before: "I emailed", "we rang", "the agent I spoke to", "your colleague said". */
const EARLIER_CONTACT =
  "\\b(?:(?:i|we)(?:'ve| have)? (?:called|rang|rung|phoned|emailed|e-mailed|messaged|chatted|wrote|written|reported|contacted|spoke|spoken|talked|raised|opened|sent|asked)|(?:agent|colleague|rep|representative|advis[eo]r|engineer|support|team|someone|person) (?:i |we )?(?:spoke|talked|chatted) (?:to|with))\\b";
/** When: "last week", "on Monday", "3 days ago", "in March", "on the 4th", "yesterday". */
const WHEN =
  '\\b(?:last (?:week|month|time|night|year|\\w+day)|yesterday|earlier|before|\\d+ (?:days?|weeks?|months?) ago|(?:a|two|three|four|few) (?:days?|weeks?|months?) ago|on (?:the \\d+(?:st|nd|rd|th)?|\\w+day)|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\\b';
/** Still not done: "still", "nothing since", "never came", "no reply", "not yet", "yet to" (not "nothing else needed"). */
const STILL_OPEN =
  "\\b(?:still|no one|nobody|not yet|yet to|heard nothing|nothing (?:since|yet|so far|happened|has|came|arrived|back|changed)|never (?:came|arrived|heard|got|happened|showed|turned up|called|replied|responded)|no (?:answer|reply|response|call|word|update|change|refund|sign))\\b";

/** "The update fixed the crash", "the error is gone": a fault that is over … */
const FAULT_FIXED = test('\\b(?:fixed|resolved|solved|sorted(?: out)?|patched|cleared up|(?:is|was|are|were) gone|went away|disappeared)\\b');
/**
 * … unless it is not over ("still crashing after the fix", "you fixed it but now it freezes",
 * "supposedly fixed") or the fix is asked for ("I need this resolved", "when will it be fixed?").
 */
const FAULT_OPEN = test(
  "n't|\\b(?:not|never|still|but|keeps?|supposed(?:ly)?|said|told|claimed)\\b",
  '\\b(?:need|needs|want|please|pls|asap|immediately|urgently|when|how|can you|could you|get (?:it|this|that))\\b',
);

/** Complexity and back-office language (CONTRACT.md §3 complexity and action families). */

export const COMPLEXITY_RULES: PhraseRule[] = withLanguages([
  {
    key: 'account_change',
    neg: 'want',
    re: anyOf(
      "\\b(?:chang(?:e|ing)|updat(?:e|ing)|edit(?:ing)?|correct(?:ing)?|fix(?:ing)?|modify(?:ing)?|switch(?:ing)?|replac(?:e|ing)) (?:my |the |our |his |her )?(?:\\w+ )?(?:e-?mail(?: address)?|shipping address|billing address|delivery address|home address|address|phone(?: number)?|mobile(?: number)?|payment (?:method|details|info(?:rmation)?|card)|card(?: details| on file)?|credit card|debit card|name|last name|first name|surname|username|account holder)\\b",
      '\\b(?:remove|delete|add) (?:a |my |the |an )?(?:new |old )?(?:card|payment method|credit card|debit card|billing contact)\\b',
      '\\bmerge (?:my |our |the |two )?accounts\\b',
      '\\b(?:moved|moving) (?:to a new (?:address|house|place)|house)\\b',
      '\\b(?:e-?mail(?: address)?|address|phone(?: number)?|name|card|payment method)(?: (?:on|for|of) (?:my|the|our) account)? (?:changed|updated|corrected) to\\b',
      '\\bnew (?:e-?mail(?: address)?|shipping address|billing address|address|phone number|card)\\b',
      '\\bmy (?:e-?mail|address|name|phone number) (?:is wrong|has changed|changed)\\b',
    ),
  },
  {
    key: 'bug_report',
    neg: 'any',
    unless: (sentence) => CLERICAL_ERROR.test(sentence) || (FAULT_FIXED.test(sentence) && !FAULT_OPEN.test(sentence)),
    re: anyOf(
      '\\b(?:error|bug|glitch|stack ?trace)s?\\b',
      // A software exception, not "make an exception to the policy".
      '\\b(?:unhandled|uncaught|null ?pointer|runtime|fatal|server|java|python|\\w+Exception) exceptions?\\b|\\bexceptions? (?:was |were |is )?(?:thrown|raised)\\b|\\bthrows? an? exception\\b',
      '\\bcrash(?:es|ed|ing)?\\b',
      '\\bfreez(?:es|ing)\\b|\\bfroze\\b',
      "\\b(?:won'?t|doesn'?t|does not|will not|didn'?t|can'?t|cannot|isn'?t|is not|aren'?t|don'?t) (?:load|open|sync|save|submit|launch|start|connect|pair|install|update|upload|download|refresh|respond|print|log me in)\\b",
      '\\b(?:returns?|returning|throws?|throwing|giving|gives|getting|shows?|showing) (?:an? |the )?(?:(?:http |status )?[45]\\d\\d|error|exception|timeout)\\b',
      '\\b(?:error|code|status) [45]\\d\\d\\b|\\b[45]\\d\\d (?:error|response|status)\\b',
      '\\b(?:still|keeps?|kept|constantly) (?:failing|fails|failed|erroring|broken|crashing|down)\\b',
      '\\b(?:login|redirect|reboot|restart|sign-?in) loop\\b',
      '\\bnot (?:loading|syncing|saving|opening|responding|firing|triggering|connecting|updating|sending|receiving)\\b',
      '\\b(?:internet|connection|wi-?fi|signal|network|line|calls?|service|stream|video) (?:keeps )?(?:drops|dropping|cuts? out|cutting out|goes down|is down|disconnects|disconnecting|buffering)\\b',
      '\\bkeeps? (?:crashing|freezing|failing|logging me out|spinning|reloading|timing out)\\b',
      '\\bstuck on (?:the )?(?:loading|checkout|payment|login|spinning|blank)\\b',
      '\\bblank (?:page|screen|pdf|file|document|email|receipt)\\b',
      '\\b(?:activation|login|sign-?in|upload|import|export|sync|install(?:ation)?|update|download|checkout|sign-?up|registration|verification|backup|payment page)\\b(?: [\\w-]+){0,2} (?:fails?|failed|failing)\\b',
      '\\b(?:export|import|upload|download|update|install(?:ation)?|sync|job|report|migration|backup|build|deploy(?:ment)?)s?\\b[^.!?]{0,30}\\bstuck\\b',
      '\\btimed? ?out\\b',
      // The app's own failure message: "payment method could not be saved".
      "\\b(?:could not|couldn't|cannot|can't|can not|unable to|failed to) be (?:saved|processed|loaded|updated|verified|completed|added|submitted|uploaded)\\b",
      '\\bsomething went wrong\\b',
      "\\b(?:app|website|site|page|checkout|button|feature|integration|api|webhook|sync|login page|form|link|search|dashboard|plugin|extension|upload|download|export|import|notification)s? (?:is |are |seems |seem )?(?:broken|not working|doesn't work|don't work|isn't working|aren't working|stopped working|won't work|fails|failing|failed)\\b",
    ),
  },
  {
    key: 'unresolved_previous_contact',
    // "As I wrote in my last chat, the problem is solved": an earlier contact that worked.
    unless: (sentence) => CONTACT_SETTLED.test(sentence) && !CONTACT_OPEN.test(sentence),
    re: anyOf(
      '\\b(?:already|previously) (?:contacted|called|emailed|e-mailed|messaged|wrote|written|reached out|spoke|spoken|talked|chatted|opened a ticket|complained)\\b',
      '\\b(?:contacted|called|emailed|wrote to|written to|reached out to|spoke (?:to|with)|talked to|chatted with) (?:you|your (?:team|support|agents?)|support|customer service|you guys)(?: \\w+){0,3} (?:before|last (?:week|month|time)|yesterday|earlier|twice|three times|\\d+ times|already|multiple times|several times|again)\\b',
      '\\b(?:this is|it\'s|it is) (?:my|the) (?:second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+th) (?:time|attempt|message|email|chat)\\b',
      "\\bstill (?:not|hasn't been|has not been|isn't|is not|haven't been|wasn't|no(?:t)? yet) (?:fixed|resolved|sorted|solved|answered|addressed)\\b",
      '\\b(?:nobody|no one|no-one|noone) (?:has )?(?:fixed|solved|resolved|got back|gotten back|replied|answered|responded|helped|called me back)\\b',
      '\\b(?:you|they|your (?:agent|colleague|team)) (?:said|promised|told me)\\b[^.!?]{0,60}\\b(?:would|will|was going to)\\b',
      '\\b(?:last|previous|earlier|existing|open) (?:ticket|case|conversation|chat|complaint|request)\\b',
      '\\bticket (?:#|number |no\\.? ?)?\\d+',
      // Counting their own contacts: "third time asking", "for the fourth time", "I've called four times".
      `\\b(?:(?:this is |it's |it is )?(?:now )?(?:the |my )?${ORDINAL} (?:time (?:asking|writing|i(?:'m| am)? (?:asking|writing|contacting|emailing|calling|chasing))|email|message|chat|request|call|attempt)s? (?:about|regarding|re|on|asking|chasing)\\b|for the ${ORDINAL} time\\b|${ORDINAL} time (?:asking|writing|chasing)\\b)`,
      `\\b(?:i|we)(?:'ve| have)? (?:already |now )?(?:contacted|called|rung|phoned|emailed|e-mailed|messaged|written|wrote|chased|complained|reported (?:it|this)|raised (?:it|this)|asked)\\b(?: [\\w'-]+){0,5} (?:twice|${COUNT} times|several times|multiple times|many times|numerous times|repeatedly)\\b`,
      '\\b(?:transferred|passed (?:around|between)|bounced (?:around|between)|put through to)(?: \\w+){0,2} (?:\\d+|two|three|four|five|six|several|multiple) (?:times|different|departments|people|agents)\\b',
      // A promise made in an earlier contact, and the customer says it was not kept.
      `\\b(?:i|we) (?:was|were) (?:told|promised|assured)\\b${UNTIL_MESSAGE_END}\\b(?:still|never|nothing|no one|nobody|not yet|no (?:answer|reply|response|call|word|update|change))\\b`,
      "\\b(?:never|haven't|have not|didn't|did not) (?:heard|hear|got|get) (?:back|a reply|an answer|a response)\\b",
      '\\bstill no (?:answer|reply|response|word|update|call ?back|news)\\b',
      '\\bfollowing up (?:again|on my|on our|on the|about my|regarding my)\\b',
      // An earlier contact placed in time, then the customer says it is still open, however far
      // apart: "I emailed support on Monday … nothing since", "the agent I spoke to last week said
      // … It's still locked".
      `${EARLIER_CONTACT}[^.!?]{0,60}${WHEN}${UNTIL_MESSAGE_END}${STILL_OPEN}`,
    ),
  },
  {
    // The customer counts the problems: they are separate, whatever words describe them.
    key: 'multi_explicit',
    re: anyOf(
      '\\b(?:another|second|separate|other|different|additional) (?:issue|problem|question|thing|matter)\\b',
      '\\b(?:two|three|several|a few|a couple of|multiple) (?:issues|problems|questions|things)\\b',
    ),
  },
  {
    // Words that may add another issue; with multi_explicit, the markers multi_issue looks for.
    key: 'multi_marker',
    re: anyOf(
      '\\b(?:also|additionally|on top of (?:that|this)|in addition|as well as that|one more thing|plus)\\b',
      '\\b(?:first(?:ly)?|second(?:ly)?)[,:]',
    ),
  },
]);

export const ACTION_RULES: PhraseRule[] = [
  {
    key: 'manual_review',
    re: anyOf(
      '\\b(?:make|grant|need|want|request|approve) an exception\\b',
      '\\bexception (?:to|for) (?:the|your) (?:policy|rule)\\b',
      '\\b(?:manager(?:\'s)?|supervisor(?:\'s)?|special|manual) (?:approval|override|authori[sz]ation)\\b',
      '\\bprice[- ](?:match|matching|adjustment|protection)\\b',
      '\\bmatch (?:the|their|a|this) (?:price|competitor)\\b',
      '\\bwarranty (?:claim|exception|extension|replacement|repair)\\b',
      '\\bout of warranty\\b',
      // May span two sentences: "Can I change the address? It has already shipped."
      '\\b(?:change|update|correct|fix|redirect)\\b[^.!?]{0,40}\\baddress\\b[\\s\\S]{0,50}\\b(?:already )?(?:shipped|dispatched|in transit|on (?:its|the) way|out for delivery)\\b',
      '\\b(?:already )?(?:shipped|dispatched|in transit|on (?:its|the) way)\\b[\\s\\S]{0,50}\\b(?:change|update|correct|redirect)\\b[^.!?]{0,30}\\baddress\\b',
      '\\bcancel\\b[^.!?]{0,40}\\b(?:already )?(?:shipped|dispatched)\\b',
      '\\b(?:waive|waiving|reverse|remove|drop|cancel|refund|credit back)\\b[^.!?]{0,30}\\b(?:fees?|penalt(?:y|ies)|surcharges?|interest charges?)\\b',
      '\\btax[- ]exempt(?:ion)?\\b',
      '\\bwaiv(?:e|ed|er|ing)\\b',
      '\\b(?:credit|spending|overdraft|withdrawal|transfer) limit (?:raised|increased|extended|lifted)\\b',
      '\\b(?:increase|raise|extend|lift|higher) (?:my |the |our |a )?(?:credit |spending |daily |withdrawal |transfer |overdraft )?limit\\b',
      '\\b(?:approve|approval (?:of|for)|sign off on) (?:my|our|the|a) (?:loan|application|claim|request|exception|order)\\b',
      '\\b(?:extend|extension (?:of|to)) (?:the |my |our )?(?:return window|return period|deadline|trial|warranty|booking|reservation|rental|stay|loan|hire)\\b',
      '\\b(?:release|unfreeze|unblock|reinstate|lift the (?:hold|freeze) on) (?:my |our |the )?(?:payouts?|funds|money|account|wallet|card|payments?)\\b|\\b(?:held|holding|frozen|froze|suspended) (?:my |our )?(?:payouts?|funds|wallet|account)\\b|\\b(?:account|wallet)\\b[^.!?]{0,20}\\b(?:frozen|suspended|under review)\\b',
      '\\b(?:past|outside|after) (?:the )?(?:\\d+[- ]day )?(?:return|refund) (?:window|period)\\b',
      '\\b(?:compensation|goodwill (?:gesture|credit)|store credit)\\b',
    ),
  },
  {
    key: 'bot:cannot',
    role: 'bot',
    re: anyOf(
      "\\bI(?:'m| am) (?:not able|unable|not allowed|not authori[sz]ed|not permitted) to\\b",
      "\\bI (?:can't|cannot|can not) (?:do|process|change|modify|issue|approve|cancel|update|make|grant|override|access|help (?:you )?with) (?:that|this|it|your|the|an?)\\b",
      '\\b(?:only|need) (?:a|an|one of our) (?:human|agent|team member|specialist|colleague|person)s? (?:can|to)\\b',
      '\\b(?:beyond|outside(?: of)?) (?:what I can|my (?:abilities|capabilities|scope))\\b',
      "\\bI (?:don't|do not) have (?:access|permission|the ability)\\b",
      '\\brequires? (?:a )?(?:manual )?(?:approval|review)\\b',
    ),
  },
];
