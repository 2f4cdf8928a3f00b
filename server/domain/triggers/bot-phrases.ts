import { anyOf } from './phrase-rules';
import type { PhraseRule } from './scan';

/**
 * What the bot's own turns tell us: whether a turn is an answer at all (greetings, clarifying
 * questions and "connecting you now" notices are not, so they cannot count as an answer without a
 * KB article), whether it offered a person, and whether it said it did not understand.
 */
export const BOT_RULES: PhraseRule[] = [
  {
    key: 'bot:offer',
    role: 'bot',
    re: anyOf(
      '\\b(?:would you like|do you want|shall I|should I|want me to|can I|may I)\\b[^.!?]{0,30}\\b(?:connect|transfer|put you through|hand you over|escalate|get you|pass you)\\b[^.!?]{0,40}\\b(?:agent|human|person|someone|team|specialist|representative|colleague|support)\\b',
      '\\b(?:would you like|do you want) (?:to )?(?:talk|speak|chat) (?:to|with) (?:a|an|one of our) (?:agent|human|person|specialist|representative|team member)\\b',
    ),
  },
  {
    key: 'bot:handoff',
    role: 'bot',
    re: anyOf(
      "\\b(?:I'm|I am|I'll|I will|let me|now|we're|we are) (?:connecting|transferring|passing|handing|escalating|connect|transfer|pass|hand|escalate)\\b[^.!?]{0,40}\\b(?:agent|human|person|someone|team|specialist|representative|colleague)\\b",
      '\\b(?:an?|our|one of our) (?:agent|human|specialist|team member|representative|colleague) will (?:be with you|join|take over|reach out|get back)\\b',
      '\\bplease (?:hold|wait) (?:on|while)\\b',
    ),
  },
  {
    key: 'bot:greeting',
    role: 'bot',
    re: anyOf(
      '^\\W*(?:hi|hello|hey|welcome|good (?:morning|afternoon|evening))\\b[^.?!]{0,60}[.!,]?\\s*(?:I\'m [^.?!]{0,30}[.!]\\s*)?(?:how (?:can|may) I (?:help|assist)|what can I (?:do|help))[^.?!]*\\??\\s*$',
      "^\\W*(?:you're welcome|glad (?:I could|to) help|is there anything else)[^.?!]*[.!?]?\\s*$",
    ),
  },
  {
    key: 'bot:not_understood',
    role: 'bot',
    re: anyOf(
      "\\bI (?:didn't|did not|don't|do not) (?:quite )?(?:understand|get|follow)\\b",
      "\\bI(?:'m| am) not sure (?:I understand|what you mean)\\b",
      '\\bcould you (?:please )?(?:rephrase|clarify|say that again)\\b',
      "\\bsorry, I (?:didn't|did not) (?:catch|get) that\\b",
    ),
  },
];

/** A bot turn that only asks the customer for something (order number, email) is not an answer. */
export const CLARIFYING_QUESTION_RE = /^[^.!?]{0,140}\?\s*$/u;
