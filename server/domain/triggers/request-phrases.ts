import { anyOf, B, E } from './phrase-rules';
import type { PhraseRule } from './scan';

/**
 * Requests for a person (CONTRACT.md §3 customer_request) in the languages we support, and the
 * customer's side of the conversation with the bot: accepting its offer of a person, rejecting its
 * answer. Negation uses the narrow `want` scope so "why can't I talk to a person?" still counts.
 */

const PERSON_EN =
  '(?:a |an |some |the |your |one of your )?(?:real |actual |live |human |actual human |real live )?(?:human(?: being)?|person|people|agent|representative|rep|someone|somebody|anyone|anybody|representitive|represenative|manager|supervisor|operator|staff(?: member)?|employee|team member|customer (?:service|support)(?: agent| rep| representative)?|support (?:agent|person|team)|specialist)';

export const HUMAN_REQUEST_RULES: PhraseRule[] = [
  {
    key: 'human_requested',
    neg: 'want',
    re: anyOf(
      // English
      `\\b(?:talk|speak|chat|get through)\\s+(?:to|with)\\s+${PERSON_EN}\\b`,
      '\\b(?:real|actual|live) (?:human|person|agent|people)\\b',
      `\\b(?:transfer|connect|put|pass|escalate|forward) (?:me|this|us|my (?:case|call|chat|ticket))(?: through)? (?:to|with)\\s+${PERSON_EN}\\b`,
      "\\b(?:want|need|get me|give me|request|requesting|i'd like|i would like|prefer)\\s+(?:to have )?(?:a |an )?(?:human|person|agent|representative|representitive|operator|supervisor|manager)\\b",
      '\\bget me (?:someone|somebody|a person|a human)\\b',
      '\\bcall me back\\b',
      '\\b(?:someone|somebody|a person|an agent|a human|a representative|a rep|a member of (?:your )?(?:staff|team)|(?:one of )?your (?:staff|team)) (?:could |can |would |will |to |please )*(?:call|phone|telephone|ring|contact) me\\b',
      '\\bon the phone with (?:someone|somebody|a person|an agent|a human)\\b',
      '\\b(?:escalate (?:this|my (?:issue|case|ticket))|speak to your (?:manager|supervisor))\\b',
      "\\b(?:stop|enough with|no more|done with|don't want|do not want|tired of) (?:talking to |chatting with )?(?:the |this |a |you )?(?:stupid |useless )?(?:bot|robot|chatbot|machine|ai|automated (?:system|assistant))s?\\b",
      '^\\W*(?:human|agent|representative|operator|real person|live agent|person|customer service)(?:[,!.\\s]+(?:please|pls|plz|now|asap))?\\W*$',
      // Spanish
      `${B}(?:hablar|comunicarme|contactar|chatear|platicar) con (?:una |un |alguna |algún |algun )?(?:persona(?: real)?|humano|ser humano|agente|alguien|representante|asesor(?:a)?|operador(?:a)?|encargad[oa]|supervisor(?:a)?)${E}`,
      `${B}(?:quiero|necesito|pasame|pásame|pásenme|paseme) (?:con )?(?:una |un )?(?:persona(?: real)?|humano|agente|representante|asesor(?:a)?|operador(?:a)?)${E}`,
      `${B}(?:persona real|agente humano)${E}`,
      // French
      `${B}parler (?:à|a|avec) (?:quelqu'un|(?:un |une )(?:vrai |vraie )?(?:humain|personne|conseill(?:er|ère)|agent|opérat(?:eur|rice)|operateur|responsable|interlocut(?:eur|rice)))${E}`,
      `${B}(?:un|une) (?:vrai|vraie) (?:personne|humain|conseiller)${E}`,
      `${B}(?:je veux|je voudrais|je souhaite) (?:un |une )?(?:humain|conseill(?:er|ère)|agent|opérateur)${E}`,
      // German
      `${B}(?:mit|an) (?:jemandem|jemanden|(?:einem|einer|einen)(?: echten| menschlichen)? (?:menschen|mensch|mitarbeiter(?:in)?|berater(?:in)?|agenten|person|kundenberater(?:in)?|ansprechpartner(?:in)?))${E}[^.!?]{0,30}${B}(?:sprechen|besprechen|reden|verbunden|verbinden|chatten|telefonieren)${E}`,
      `${B}(?:mich (?:bitte )?zurückrufen|rufen sie mich (?:bitte )?(?:zurück|an))${E}`,
      `${B}(?:echten|echter|menschlichen) (?:menschen|mensch|mitarbeiter|ansprechpartner)${E}`,
      // Portuguese
      `${B}falar com (?:um |uma |algum |alguma )?(?:atendente|humano|ser humano|pessoa(?: real)?|agente|representante|alguém|alguem|operador(?:a)?|consultor(?:a)?)${E}`,
      `${B}(?:quero|preciso de|preciso) (?:um |uma )?(?:atendente|humano|atendimento humano|pessoa real)${E}`,
      `${B}(?:passar|transferir|encaminhar|pasar|transferir)(?:-me| me)? (?:para|con|a) (?:um |uma |un |una )?(?:atendente|humano|pessoa|persona|agente|operador(?:a)?|asesor(?:a)?)${E}`,
      // Italian
      `${B}(?:parlare|comunicare|chattare|essere messo in contatto|mettermi in contatto) con (?:un |una |un'|qualche |l')?(?:operat(?:ore|rice)(?: umano)?|persona(?: reale| vera)?|essere umano|umano|agente|consulente|assistente|addett[oa]|qualcuno|responsabile|impiegat[oa])${E}`,
      `${B}(?:vorrei|voglio|mi serve|ho bisogno di|passami|passatemi|mi passi) (?:un |una |un'|con )?(?:operat(?:ore|rice)|persona reale|persona vera|essere umano|umano|agente|consulente)${E}`,
      `${B}(?:operatore umano|persona (?:reale|vera)|mi (?:richiami|richiamate)|richiamatemi)${E}`,
      // Dutch
      `${B}(?:met|tot) (?:een |de |iemand van )?(?:echte |echt )?(?:medewerker|mens|persoon|iemand|agent|adviseur|operator|klantenservice(?:medewerker)?|supervisor|manager)${E}[^.!?]{0,25}${B}(?:spreken|praten|chatten|bellen|verbonden|doorverbonden)${E}`,
      `${B}(?:ik wil|ik zou graag|graag|kan ik|mag ik) (?:een |met een )?(?:echte |echt )?(?:medewerker|mens|persoon|adviseur)${E}`,
      `${B}(?:echte (?:medewerker|mens|persoon)|echt persoon|bel me (?:terug|op)|terugbellen)${E}`,
    ),
  },
];

/** A short yes right after the bot offered a person is a request for one. */
export const ACCEPT_RULES: PhraseRule[] = [
  {
    key: 'accept',
    re: anyOf(
      // Short replies only: "OK, but where is my order?" is not a yes to a person.
      "^\\W*(?:yes|yeah|yep|yup|sure|ok(?:ay)?|please|yes please|please do|do it|go ahead|absolutely|definitely|sí|si|oui|ja|sim|graag|certo|va bene)\\b[^?]{0,25}$",
    ),
  },
];

/**
 * The customer's reply saying the bot's last answer did not help. Read only in the reply to an
 * answer (bot-answers.ts), where it makes that answer a failed one for the decision and the brief alike.
 */
export const REJECTION_RULES: PhraseRule[] = [
  {
    key: 'rejection',
    re: anyOf(
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
    ),
  },
];

/** The customer's reply saying the answer worked; a rejection in the same reply wins ("thanks for nothing"). */
export const ACCEPTANCE_RULES: PhraseRule[] = [
  {
    key: 'acceptance',
    re: anyOf(
      '\\b(?:that|this|it) (?:worked|helped|fixed it|solved it|did the trick)\\b',
      '\\b(?:problem|issue|all) (?:solved|sorted|fixed)\\b',
    ),
  },
];
