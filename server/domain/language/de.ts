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
      `${B}(?:kann|könnte|koennte) (?:mich )?(?:bitte )?(?:jemand|einer)(?: [\\wà-ÿ]+){0,2} (?:zurückrufen|anrufen|melden)${E}|${B}(?:mit|einen) (?:vorgesetzten|supervisor|teamleiter|verantwortlichen)${E}`,
    ],
    accept: [`^\\W*(?:ja|gerne|bitte)${E}[^?]{0,25}$`],
    rejection: [
      `${B}(?:das|es) (?:hilft|half|funktioniert|klappt) (?:mir )?(?:nicht|immer noch nicht)${E}`,
      `${B}das ist (?:falsch|nicht (?:richtig|das,? was ich))${E}`,
    ],
    acceptance: [`${B}(?:das|es) hat (?:geklappt|funktioniert|geholfen)${E}`],
    refund_request: [
      `${B}(?:rückerstattung|rueckerstattung|geld zurück|erstatten)${E}`,
      `${B}(?:mein geld|das geld) (?:zurück|wieder)${E}|${B}(?:zurücküberweisen|zurueckueberweisen|zurückzahlen|zurueckzahlen|erstattung|gutschreiben)${E}`,
    ],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:beschädigt|kaputt|defekt|zerbrochen|zerkratzt|gerissen) (?:angekommen|geliefert|erhalten|an)${E}`,
      `${B}(?:ist|sind|kam|kamen|war|waren)(?: [\\wà-ÿ]+){0,2} (?:beschädigt|kaputt|defekt|zerbrochen|gerissen)${E}`,
      `${B}(?:falschen?|falsche[rs]?) (?:artikel|größe|farbe|produkt|ware|modell)${E}`,
      `${B}(?:kam|kamen|ist|sind)(?: [\\wà-ÿ]+){0,6} (?:mit (?:einem |einer )?(?:kratzer|riss|delle|bruch|loch))${E}|${B}(?:abgebrochen|verschimmelt|schimmlig|verdorben)${E}`,
    ],
    billing_dispute: [
      `${B}(?:zweimal|doppelt)[^.!?]{0,40}(?:abgebucht|belastet|berechnet|abgezogen)${E}`,
      `${B}(?:nach|trotz) (?:meiner |der )?(?:kündigung|kuendigung)(?: [\\wà-ÿ]+){0,5} (?:abgebucht|abbuchen|abgezogen|berechnet|belastet|eingezogen|weiter)${E}`,
      `${B}(?:abbuchung|belastung|zahlung|lastschrift|buchung)(?: [\\wà-ÿ0-9,.€]+){0,4} (?:nicht erkenne|nicht kenne|nicht autorisiert)${E}|${B}(?:erkenne|kenne) (?:die|diese|eine) (?:abbuchung|zahlung|belastung|lastschrift)(?: [\\wà-ÿ0-9,.€]+){0,4} nicht${E}`,
      `${B}(?:zurückbuchen|zurueckbuchen|rückbuchung|rueckbuchung|lastschrift zurückgeben|chargeback)${E}`,
    ],
    account_security: [
      `${B}gestohlen${E}`,
      `${B}(?:gehackt|gekapert)${E}|${B}(?:jemand|fremde) (?:hat sich |haben sich )?(?:in mein(?:em)? (?:konto|account)|mit meinen daten) (?:eingeloggt|angemeldet|zugegriffen)${E}|${B}(?:das war ich nicht|nicht von mir)${E}|${B}(?:erkenne|kenne)(?: [\\wà-ÿ0-9,.€]+){1,5} nicht${E}`,
    ],
    legal_compliance: [
      `${B}(?:anwalt|klage)${E}`,
      `${B}(?:DSGVO|datenschutz|personenbezogenen daten|verbraucherzentrale|schlichtungsstelle|schlichtung|bundesnetzagentur|rechtliche schritte|vor gericht|gerichtlich)${E}`,
    ],
    cancellation: [
      `${B}(?:kündigen|kuendigen|kündigung|kuendigung)${E}`,
      `${B}(?:mitgliedschaft|vertrag|abo|abonnement|konto|account)(?: [\\wà-ÿ]+){0,4} (?:beenden|auflösen|aufloesen|löschen|loeschen)${E}|${B}(?:wechsle|wechseln) (?:zur|zu einem anderen|zum) (?:konkurrenz|anbieter)${E}`,
    ],
    // Codes the English tables alone used to carry (CONTRACT §3), in this language's own words.
    safety: [
      `${B}(?:selbstmord|suizid|mich umbringen|mir das leben nehmen|mir etwas antun|mir was antun|nicht mehr leben)${E}`,
      `${B}(?:ich|wir) (?:bringe|bringen) (?:dich|euch|ihn)(?: [\\wà-ÿ]+){0,2} um(?=\\s*(?:[.!?,]|$))|${B}(?:ich|wir) (?:schlage|schlagen|mache|machen) (?:dich|euch|ihn) (?:tot|kalt|fertig)${E}`,
      `${B}(?:riecht|roch|stinkt|geruch) nach gas${E}|${B}(?:gasgeruch|gasleck|gasaustritt)${E}`,
      `${B}(?:feuer gefangen|fing feuer|fängt feuer|in flammen|in brand geraten|explodiert|brannte|hat gebrannt)${E}`,
      `${B}(?:rauch (?:kam|kommt|steigt)|qualmt|qualmte)${E}`,
      `${B}(?:stromschlag|elektrischen schlag|einen schlag bekommen|einen gewischt bekommen)${E}`,
      `${B}(?:vergiftung|allergische reaktion|verbrannt|verbrüht)${E}`,
      `${B}(?:bewaffnet|angegriffen)${E}|${B}(?:will|möchte) nicht mehr leben${E}`,
    ],
    complaint: [
      `${B}(?:unverschämt|unverschaemt|frechheit|eine zumutung|zumutung|skandal|skandalös|katastrophal|eine katastrophe|miserabel|inakzeptabel|unterirdisch|armselig|eine schande|abzocke)${E}`,
      `${B}(?:schlechteste[nrs]?|schlimmste[nrs]?) (?:service|kundenservice|firma|unternehmen|erfahrung|kauf|anbieter|shop)${E}`,
      `${B}(?:sehr |total |extrem |zutiefst |maßlos )?(?:enttäuscht|enttaeuscht|unzufrieden|verärgert|veraergert)${E}`,
      `${B}(?:beschwerde|beschweren)${E}`,
      `${B}(?:qualität|qualitaet) (?:ist|war|wird)(?: [\\wà-ÿ]+){0,2} (?:schlecht|schlechter|mies|miserabel|unterirdisch)${E}`,
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
      `${B}(?:stürzt|stuerzt)(?: [\\wà-ÿ]+){2,8} ab${E}|${B}(?:ausfall|störung|stoerung)${E}`,
    ],
    unresolved_previous_contact: [
      `${B}(?:schreibe|melde|rufe|frage|wende|kontaktiere)(?: [\\wà-ÿ]+){0,3} (?:zum|bereits zum|schon zum) (?:zweiten|dritten|vierten|fünften|x-ten|wiederholten|\\d+\\.) mal${E}`,
      `${B}(?:schon|bereits)(?: [\\wà-ÿ]+){0,2} (?:mehrfach|mehrmals|zweimal|dreimal|viermal|x-mal|\\d+ ?mal|öfter|oft)(?: [\\wà-ÿ]+){0,3} (?:angerufen|geschrieben|gemeldet|kontaktiert|nachgefragt|reklamiert)${E}`,
      `${B}(?:keine|noch keine|nie eine|immer noch keine|bis heute keine) (?:antwort|rückmeldung|rueckmeldung|reaktion|lösung|loesung)${E}`,
      `${B}(?:niemand|keiner) hat (?:sich )?(?:gemeldet|zurückgerufen|zurueckgerufen|geantwortet|reagiert)${E}`,
      `${B}(?:versprochen|zugesagt|hieß es|hiess es)${E}[^.!?]{0,80}${B}(?:aber|doch|passiert ist) (?:nichts|niemand|nie|nix)${E}`,
      `${B}(?:warte|warten)(?: [\\wà-ÿ0-9.]+){0,6} (?:auf (?:eine )?(?:antwort|rückmeldung|rueckmeldung|rückruf|rueckruf))${E}`,
    ],
    urgency: [`${B}(?:dringend|sofort|so schnell wie möglich|schnellstmöglich)${E}`],
    profanity: [`${B}(?:scheiße|scheisse|verdammt)${E}`],
    'cat:order_status': [`${B}(?:bestellung|paket|lieferung|sendung)${E}`],
    'cat:returns_refunds': [`${B}(?:umtauschen|umtausch|rückerstattung|rücksendung)${E}`],
    'cat:billing': [
      `${B}(?:rechnung|abbuchung)${E}`,
      `${B}(?:lastschrift|zahlung|beitrag|bankverbindung|nachzahlung|abrechnung|jahresabrechnung|mahnung)${E}`,
    ],
    'cat:account_access': [
      `${B}(?:passwort|anmelden|konto gesperrt)${E}`,
      `${B}(?:anmeldung|einloggen|zwei-faktor|bestätigungscode|bestaetigungscode|zugangsdaten|komme nicht (?:mehr )?(?:rein|in mein konto))${E}`,
    ],
    'cat:technical': [
      `${B}(?:fehler|störung|stoerung|wlan|verbindung|funktioniert nicht)${E}`,
    ],
    'cat:sales': [
      `${B}(?:angebot|firmenkunden|geschäftskunden|geschaeftskunden|mengenrabatt|firmenkonditionen)${E}`,
    ],
    'cat:product_question': [
      `${B}(?:größe|groesse|farbe|maße|masse|verfügbar|verfuegbar|lieferbar|kompatibel|garantie|haben sie)${E}`,
    ],
    'cat:feedback': [
      `${B}(?:großes lob|grosses lob|lob an|super service|sehr zufrieden|top service)${E}`,
    ],
  },
  refusals: ['\\b(?:nicht|kein(?:e|en|er)?)\\b'],
  refundSettled: [`${B}(?:erstattung|rückerstattung|rueckerstattung|geld|gutschrift)(?: [\\wà-ÿ]+){0,3} (?:ist |wurde |sind )?(?:angekommen|eingegangen|gutgeschrieben|erhalten|da)${E}|${B}(?:habe|hab) (?:die |meine |das )?(?:erstattung|rückerstattung|geld)(?: [\\wà-ÿ]+){0,2} (?:erhalten|bekommen|zurückbekommen)${E}|${B}(?:rückerstattungs|erstattungs|rückgabe)(?:richtlinie|bedingungen|politik)${E}`],
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
  commonWords: [
    'ja', 'nein', 'gerne', 'gern', 'ich', 'und', 'der', 'die', 'den', 'das', 'nicht', 'ist', 'im',
    'zum', 'zur', 'vom', 'beim', 'mein', 'meine', 'meinen', 'meiner', 'meines', 'sie', 'ihr',
    'ihre', 'ihnen', 'ein', 'eine', 'einen', 'einem', 'zu', 'auf', 'für', 'fuer', 'von', 'dem',
    'noch', 'schon', 'aber', 'bitte', 'danke', 'hallo', 'habe', 'wurde', 'wird', 'kann', 'keine',
    'kein', 'mir', 'mich', 'wir', 'uns', 'seit', 'nach', 'wie', 'wann', 'warum', 'sehr', 'auch',
    'nur', 'ob', 'oder', 'gestern', 'heute', 'morgen', 'jetzt', 'immer', 'mehr', 'leider',
    'bereits', 'würde', 'wäre', 'sind', 'bin',
  ],
  parseDates: (text, reference) => chrono.de.parse(text, reference),
};
