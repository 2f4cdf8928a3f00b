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
    // Codes the English tables alone used to carry (CONTRACT §3), in this language's own words.
    safety: [
      `${B}(?:selbstmord|suizid|mich umbringen|mir das leben nehmen|mir etwas antun|mir was antun|nicht mehr leben)${E}`,
      `${B}(?:ich|wir) (?:bringe|bringen|mache|machen|schlage|schlagen) (?:dich|euch|sie|ihn)(?: [\\wà-ÿ]+){0,2} (?:um|kalt|tot|zusammen)${E}`,
      `${B}(?:riecht|roch|stinkt|geruch) nach gas${E}|${B}(?:gasgeruch|gasleck|gasaustritt)${E}`,
      `${B}(?:feuer gefangen|fing feuer|fängt feuer|in flammen|in brand geraten|explodiert|brannte|hat gebrannt)${E}`,
      `${B}(?:rauch (?:kam|kommt|steigt)|qualmt|qualmte)${E}`,
      `${B}(?:stromschlag|elektrischen schlag|einen schlag bekommen|einen gewischt bekommen)${E}`,
      `${B}(?:vergiftung|allergische reaktion|verbrannt|verbrüht)${E}`,
    ],
    complaint: [
      `${B}(?:unverschämt|unverschaemt|frechheit|eine zumutung|zumutung|skandal|skandalös|katastrophal|eine katastrophe|miserabel|inakzeptabel|unterirdisch|armselig|eine schande|abzocke)${E}`,
      `${B}(?:schlechteste[nrs]?|schlimmste[nrs]?) (?:service|kundenservice|firma|unternehmen|erfahrung|kauf|anbieter|shop)${E}`,
      `${B}(?:sehr |total |extrem |zutiefst |maßlos )?(?:enttäuscht|enttaeuscht|unzufrieden|verärgert|veraergert)${E}`,
      `${B}(?:beschwerde|beschweren)${E}`,
    ],
    custom_pricing: [
      `${B}(?:mengenrabatt|staffelpreis(?:e)?|großkundenpreis(?:e)?|grosskundenpreis(?:e)?|firmenkonditionen|sonderkonditionen|sonderpreis(?:e)?|firmenrabatt|unternehmenstarif|großhandelspreis(?:e)?)${E}`,
      `${B}(?:angebot|preis|preise|rabatt|konditionen|kostenvoranschlag|was kostet|wie viel kostet)${E}[^.!?]{0,60}${B}(?:\\d{2,}|hunderte|tausende) (?:stück|stueck|einheiten|nutzer|lizenzen|mitarbeiter|personen|arbeitsplätze|standorte|filialen|geräte|geraete)${E}`,
    ],
    account_change: [
      `${B}(?:adresse|e-?mail(?:-adresse)?|mailadresse|telefonnummer|handynummer|nummer|namen?|nachnamen?|zahlungsmethode|zahlungsart|bankverbindung|kontonummer|iban|kreditkarte|lieferadresse|rechnungsadresse|anschrift|daten)(?: [\\wà-ÿ]+){0,4} (?:ändern|aendern|aktualisieren|korrigieren|anpassen|umstellen|hinterlegen)${E}`,
      `${B}(?:ändern|aendern|aktualisieren|korrigieren) sie (?:bitte )?(?:meine|die|meinen|den)${E}`,
    ],
    bug_report: [
      `${B}(?:funktioniert|funktionieren|klappt|läuft|laeuft) (?:seit [\\wà-ÿ]+ )?(?:nicht|nicht mehr|gar nicht|überhaupt nicht)${E}`,
      `${B}(?:stürzt|stuerzt) (?:[\\wà-ÿ]+ )?ab${E}|${B}(?:abgestürzt|abgestuerzt|hängt sich auf|haengt sich auf|friert ein|eingefroren|lädt nicht|laedt nicht|startet nicht|öffnet sich nicht|bleibt hängen)${E}`,
      `${B}(?:fehlermeldung|fehlercode|(?:zeigt|kommt|erscheint|bekomme|kriege)(?: [\\wà-ÿ]+){0,2} (?:ein |einen |eine )?fehler)${E}`,
    ],
    unresolved_previous_contact: [
      `${B}(?:schreibe|melde|rufe|frage|wende|kontaktiere)(?: [\\wà-ÿ]+){0,3} (?:zum|bereits zum|schon zum) (?:zweiten|dritten|vierten|fünften|x-ten|wiederholten|\\d+\\.) mal${E}`,
      `${B}(?:schon|bereits)(?: [\\wà-ÿ]+){0,2} (?:mehrfach|mehrmals|zweimal|dreimal|viermal|x-mal|\\d+ ?mal|öfter|oft)(?: [\\wà-ÿ]+){0,3} (?:angerufen|geschrieben|gemeldet|kontaktiert|nachgefragt|reklamiert)${E}`,
      `${B}(?:keine|noch keine|nie eine|immer noch keine|bis heute keine) (?:antwort|rückmeldung|rueckmeldung|reaktion|lösung|loesung)${E}`,
      `${B}(?:niemand|keiner) hat (?:sich )?(?:gemeldet|zurückgerufen|zurueckgerufen|geantwortet|reagiert)${E}`,
      `${B}(?:versprochen|zugesagt|hieß es|hiess es)${E}[^.!?]{0,80}${B}(?:aber|doch|passiert ist) (?:nichts|niemand|nie|nix)${E}`,
    ],
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
