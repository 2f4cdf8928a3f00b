import * as chrono from 'chrono-node';
import { B, E } from '../triggers/phrase-rules';
import type { LanguagePack } from './types';

/** German. */
export const DE: LanguagePack = {
  code: 'de',
  phrases: {
    human_requested: [
      `${B}(?:mit|an) (?:jemandem|jemanden|(?:einem|einer|einen)(?: echten| menschlichen)? (?:menschen|mensch|mitarbeiter(?:in)?|berater(?:in)?|agenten|person|kundenberater(?:in)?|ansprechpartner(?:in)?))${E}[^.!?]{0,30}${B}(?:sprechen|besprechen|reden|verbunden|verbinden|chatten|telefonieren)${E}`,
      `${B}(?:mich (?:bitte )?zurückrufen|rufen sie mich (?:bitte )?(?:zurück|an))${E}`,
      `${B}(?:echten|echter|menschlichen) (?:menschen|mensch|mitarbeiter|ansprechpartner)${E}`,
    ],
    accept: [`^\\W*(?:ja|gerne|bitte)${E}[^?]{0,25}$`],
    rejection: [
      `${B}(?:das|es) (?:hilft|half|funktioniert|klappt) (?:mir )?(?:nicht|immer noch nicht)${E}`,
      `${B}das ist (?:falsch|nicht (?:richtig|das,? was ich))${E}`,
    ],
    acceptance: [`${B}(?:das|es) hat (?:geklappt|funktioniert|geholfen)${E}`],
    refund_request: [`${B}(?:rückerstattung|rueckerstattung|geld zurück|erstatten)${E}`],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:beschädigt|kaputt|defekt|zerbrochen|zerkratzt|gerissen) (?:angekommen|geliefert|erhalten|an)${E}`,
      `${B}(?:ist|sind|kam|kamen|war|waren)(?: [\\wà-ÿ]+){0,2} (?:beschädigt|kaputt|defekt|zerbrochen|gerissen)${E}`,
      `${B}(?:falschen?|falsche[rs]?) (?:artikel|größe|farbe|produkt|ware|modell)${E}`,
    ],
    billing_dispute: [`${B}(?:zweimal|doppelt)[^.!?]{0,40}(?:abgebucht|belastet|berechnet|abgezogen)${E}`],
    account_security: [`${B}gestohlen${E}`],
    legal_compliance: [`${B}(?:anwalt|klage)${E}`],
    cancellation: [`${B}(?:kündigen|kuendigen|kündigung|kuendigung)${E}`],
    urgency: [`${B}(?:dringend|sofort|so schnell wie möglich|schnellstmöglich)${E}`],
    profanity: [`${B}(?:scheiße|scheisse|verdammt)${E}`],
    'cat:order_status': [`${B}(?:bestellung|paket|lieferung|sendung)${E}`],
    'cat:returns_refunds': [`${B}(?:umtauschen|umtausch|rückerstattung|rücksendung)${E}`],
    'cat:billing': [`${B}(?:rechnung|abbuchung)${E}`],
    'cat:account_access': [`${B}(?:passwort|anmelden|konto gesperrt)${E}`],
  },
  refusals: ['\\b(?:nicht|kein(?:e|en|er)?)\\b'],
  generalAsks: [
    '\\b(?:nur )?aus (?:reiner )?neugier\\b',
    '\\bim allgemeinen\\b',
  ],
  negations: ['\\b(?:nicht|kein\\w*)\\b'],
  clauseBreaks: ['aber', 'sondern'],
  // Month names spelt as in English (April, August, September, November) are read by the English
  // parser; "am 3. November", the day with a full stop, is how German writes a date.
  futureCues: [`${B}(?:bis(?: zum)?|fällig|faellig|nächste[nmrs]?|naechste[nmrs]?|kommt am|soll am|wird am|kommende[nmrs]?)${E}`],
  weekModifiers: [`${B}(?:nächste[nmrs]?|naechste[nmrs]?|letzte[nmrs]?|diese[nmrs]?|kommende[nmrs]?|vergangene[nmrs]?)${E}`],
  dateWords: `${B}(?:januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|gestern|heute|morgen|vorgestern|übermorgen)${E}|\\b\\d{1,2}\\.\\s?(?:jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez)`,
  parseDates: (text, reference) => chrono.de.parse(text, reference),
};
