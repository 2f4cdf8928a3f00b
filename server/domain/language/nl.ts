import * as chrono from 'chrono-node';
import { B, E } from '../triggers/phrase-rules';
import type { LanguagePack } from './types';

/** Dutch. */
export const NL: LanguagePack = {
  code: 'nl',
  phrases: {
    human_requested: [
      `${B}(?:met|tot) (?:een |de |iemand van )?(?:echte |echt )?(?:medewerker|mens|persoon|iemand|agent|adviseur|operator|klantenservice(?:medewerker)?|supervisor|manager)${E}[^.!?]{0,25}${B}(?:spreken|praten|chatten|bellen|verbonden|doorverbonden)${E}`,
      `${B}(?:ik wil|ik zou graag|graag|kan ik|mag ik) (?:een |met een )?(?:echte |echt )?(?:medewerker|mens|persoon|adviseur)${E}`,
      `${B}(?:echte (?:medewerker|mens|persoon)|echt persoon|bel me (?:terug|op)|terugbellen)${E}`,
      `${B}(?:kan|kunnen|wil) (?:er )?(?:iemand|jullie|u)(?: [\\wà-ÿ]+){0,3} (?:mij|me) (?:bellen|terugbellen|opbellen)${E}|${B}iemand aan de (?:telefoon|lijn)${E}`,
    ],
    accept: [`^\\W*(?:ja|graag|prima|goed)${E}[^?]{0,25}$`],
    rejection: [`${B}(?:dat|het|dit) (?:helpt|hielp|werkt|werkte) (?:nog steeds )?niet${E}`],
    acceptance: [`${B}(?:dat|het) (?:werkt|werkte|heeft geholpen)${E}(?! niet)`],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:kwam|kwamen|is|zijn|werd|werden)(?: [\\wà-ÿ]+){0,2} (?:kapot|beschadigd|gebroken|gescheurd|defect)${E}`,
      `${B}verkeerde (?:maat|kleur|artikel|product|bestelling|model)${E}`,
      `${B}(?:kapotte|beschadigde|gebroken|gescheurde|geplette|verrotte|beschimmelde|bedorven)${E}|${B}beschimmeld${E}`,
    ],
    billing_dispute: [
      `${B}(?:dubbel|twee keer) (?:afgeschreven|betaald|gefactureerd|in rekening gebracht)${E}`,
      `${B}(?:na|ondanks) (?:mijn |de )?(?:opzegging|annulering)(?: [\\wà-ÿ]+){0,5} (?:afgeschreven|geïncasseerd|geincasseerd|incasso|gefactureerd|betaald)${E}`,
      `${B}(?:betaling|afschrijving|incasso|transactie|aankoop)(?: [\\wà-ÿ0-9,.€]+){0,6} (?:die ik niet (?:ken|herken|heb gedaan)|niet door mij)${E}|${B}(?:herken|ken) (?:deze|die|een) (?:betaling|afschrijving|incasso)(?: [\\wà-ÿ0-9,.€]+){0,3} niet${E}`,
      `${B}(?:storneren|stornering|terugboeken|chargeback)${E}`,
    ],
    refund_request: [
      `${B}(?:mijn )?geld terug${E}|${B}(?:terugbetalen|terugbetaling|terugstorten|teruggestort|restitutie|vergoeding)${E}`,
    ],
    account_security: [
      `${B}(?:gehackt|gestolen|gekaapt)${E}|${B}iemand (?:is|heeft) (?:ingelogd|toegang)(?: [\\wà-ÿ]+){0,3} (?:in|op|tot) mijn (?:account|rekening|profiel)${E}|${B}(?:niet door mij|dat was ik niet|die ik niet (?:heb gedaan|ken|herken))${E}`,
    ],
    legal_compliance: [
      `${B}(?:advocaat|AVG|GDPR|persoonsgegevens|ACM|Consumentenbond|geschillencommissie|rechter|rechtszaak|juridische stappen)${E}`,
    ],
    cancellation: [
      `${B}(?:wil|willen|graag|gaan|ga)(?: (?!niet|geen)[\\wà-ÿ]+){0,5} (?:opzeggen|beëindigen|beeindigen)${E}|${B}(?:zeg|zeggen) (?:mijn|ons|het|de) (?:[\\wà-ÿ]+ )?(?:abonnement|lidmaatschap|contract) op${E}|${B}(?:account|abonnement|lidmaatschap)(?: [\\wà-ÿ]+){0,2} (?:laten )?(?:verwijderen|opheffen)${E}|${B}(?:stap|stappen) over naar${E}`,
    ],
    // Codes the English tables alone used to carry (CONTRACT §3), in this language's own words.
    safety: [
      `${B}(?:zelfmoord|mezelf (?:van kant maken|iets aandoen|pijn doen)|een einde aan mijn leven|niet meer (?:willen )?leven)${E}`,
      `${B}(?:ik|wij|we) (?:maak|maken|sla|slaan) (?:je|jou|jullie|u|hem|haar)(?: [\\wà-ÿ]+){0,2} (?:dood|kapot|in elkaar)${E}`,
      `${B}(?:ruikt|rook|stinkt|stonk|geur) naar gas${E}|${B}(?:gaslek|gaslucht|gasgeur)${E}`,
      `${B}(?:vlam gevat|in brand gevlogen|staat in brand|in de fik|ontploft|geëxplodeerd|geexplodeerd|ging branden)${E}`,
      `${B}(?:rook (?:kwam|komt|uit)|begon te roken|staat te roken)${E}`,
      `${B}(?:(?:een )?(?:schok|stroomstoot|elektrische schok) gekregen|elektrische schok|geëlektrocuteerd)${E}`,
      `${B}(?:vergiftiging|vergiftigd|allergische reactie|brandwond(?:en)?|mij verbrand|me verbrand)${E}`,
      `${B}(?:ik zie het niet meer zitten|er een einde aan maken)${E}|${B}(?:kreeg|kregen|krijg) (?:een )?(?:schok|stroomstoot)${E}|${B}(?:gewapend|aangevallen|mishandeld)${E}`,
    ],
    complaint: [
      `${B}(?:schandalig|belachelijk|waardeloos|bedroevend|een schande|schande|onacceptabel|onaanvaardbaar|rampzalig|een grap|oplichting|oplichters|bagger)${E}`,
      `${B}(?:slechtste|ergste) (?:service|klantenservice|bedrijf|ervaring|aankoop|winkel|webshop|provider)${E}`,
      `${B}(?:erg |zeer |heel |enorm |diep )?(?:teleurgesteld|ontevreden)${E}`,
      `${B}(?:klacht|klachten|klagen|een klacht indienen)${E}`,
      `${B}(?:slechtste|ergste)(?: [\\wà-ÿ]+){0,2} ooit${E}|${B}(?:kwaliteit)(?: [\\wà-ÿ]+){0,3} (?:achteruitgegaan|slecht|belabberd|bagger)${E}`,
    ],
    custom_pricing: [
      `${B}(?:staffelkorting|volumekorting|kwantumkorting|zakelijke (?:prijs|prijzen|tarieven|korting)|groothandelsprijs(?:zen)?|bedrijfstarief|speciale (?:prijs|prijzen|korting|offerte))${E}`,
      `${B}(?:offerte|prijs|prijzen|korting|wat kost|hoeveel kost)${E}[^.!?]{0,60}${B}(?:\\d{2,}|honderden|duizenden) (?:stuks|eenheden|gebruikers|licenties|medewerkers|werknemers|personen|werkplekken|locaties|vestigingen|winkels)${E}`,
    ],
    account_change: [
      `${B}(?:adres|e-?mail(?:adres)?|mailadres|telefoonnummer|gsm-nummer|nummer|naam|achternaam|betaalmethode|betaalgegevens|rekeningnummer|iban|bankrekening|bezorgadres|factuuradres|gegevens)(?: [\\wà-ÿ]+){0,4} (?:wijzigen|veranderen|aanpassen|updaten)${E}`,
      `${B}(?:wijzig|verander|pas|update) (?:mijn|het|de) (?:adres|e-?mail(?:adres)?|telefoonnummer|naam|betaalmethode|rekeningnummer|iban|bezorgadres|gegevens)${E}`,
    ],
    bug_report: [
      `${B}(?:werkt|werken) (?:al [\\wà-ÿ]+ )?(?:niet|niet meer|nog steeds niet)${E}|${B}doet het niet(?: meer)?${E}`,
      `${B}(?:loopt vast|liep vast|vastgelopen|crasht|crashte|gecrasht|blijft hangen|sluit (?:zichzelf )?af|start niet op|laadt niet|opent niet|bevroren)${E}`,
      `${B}(?:foutmelding|foutcode|(?:krijg|kreeg|geeft|gaf)(?: [\\wà-ÿ]+){0,2} (?:een )?(?:fout|error))${E}`,
      `${B}(?:doet|werkt) het (?:nog steeds|alweer|weer) niet${E}|${B}(?:lukt|lukken) (?:het )?niet${E}|${B}storing${E}`,
    ],
    unresolved_previous_contact: [
      `${B}(?:tweede|derde|vierde|vijfde|zoveelste) keer dat (?:ik|wij|we) (?:bel|mail|schrijf|contact opneem|meld|vraag)${E}|${B}(?:bel|mail|schrijf|meld|vraag)(?: [\\wà-ÿ]+){0,3} voor de (?:tweede|derde|vierde|vijfde|zoveelste) keer${E}`,
      `${B}(?:al |reeds )?(?:meerdere|verschillende|twee|drie|vier|\\d+) keer(?: [\\wà-ÿ]+){0,3} (?:gebeld|gemaild|gemeld|contact opgenomen|geschreven|geklaagd)${E}`,
      `${B}(?:geen|nog steeds geen|nog geen|nooit) (?:antwoord|reactie|respons|terugkoppeling)${E}|${B}(?:niemand heeft (?:me |mij |ons )?(?:teruggebeld|gereageerd|geantwoord)|niemand (?:belt|reageert))${E}`,
      `${B}(?:beloofd|toegezegd|zeiden ze|zei men)${E}[^.!?]{0,80}${B}(?:maar|en) (?:niets|niks|niemand|nooit)${E}`,
      `${B}(?:mijn )?(?:tweede|derde|vierde|vijfde|zoveelste) (?:mail|bericht|klacht)${E}|${B}(?:niks|niets) (?:meer )?(?:gehoord|vernomen|terug gehoord)${E}|${B}zou(?:den)? (?:ik )?(?:teruggebeld|gebeld) worden${E}`,
    ],
    urgency: [`${B}(?:spoed|meteen|dringend|zo snel mogelijk|zo spoedig mogelijk)${E}`],
    'cat:order_status': [`${B}(?:bestelling|pakket|pakketje|levering|zending)${E}`],
    'cat:returns_refunds': [`${B}(?:ruilen|retourneren|terugsturen|retour)${E}`],
    'cat:billing': [
      `${B}(?:factuur|facturen|incasso|betaling|afschrijving|jaarafrekening|rekeningnummer|termijnbedrag)${E}`,
    ],
    'cat:account_access': [
      `${B}(?:wachtwoord|inloggen|inlogcode|verificatiecode|account geblokkeerd|tweestapsverificatie)${E}`,
    ],
    'cat:technical': [
      `${B}(?:foutmelding|storing|verbinding|werkt niet)${E}`,
    ],
    'cat:sales': [
      `${B}(?:offerte|zakelijke (?:klant|klanten|prijs|prijzen|licentie))${E}`,
    ],
    'cat:product_question': [
      `${B}(?:maat|maten|kleur|afmetingen|beschikbaar|op voorraad|compatibel|garantie|hebben jullie)${E}`,
    ],
    'cat:feedback': [
      `${B}(?:complimenten|compliment|top service|super service|heel tevreden|erg tevreden)${E}`,
    ],
  },
  refusals: ['\\b(?:geen|hoef niet|wil niet|niet nodig)\\b'],
  refundSettled: [`${B}(?:geld|terugbetaling|restitutie)(?: [\\wà-ÿ]+){0,3} (?:ontvangen|binnen|teruggekregen|teruggestort)${E}|${B}(?:mijn )?geld terug had${E}|${B}(?:retour|terugbetalings)beleid${E}`],
  generalAsks: [
    '\\b(?:gewoon )?benieuwd\\b',
    '\\bin het algemeen\\b',
  ],
  negations: ['\\b(?:niet|geen|nooit)\\b'],
  clauseBreaks: [],
  futureCues: [`${B}(?:uiterlijk|vóór|volgende|komende|wordt geleverd|komt (?:op|aan))${E}`],
  weekModifiers: [`${B}(?:volgende|vorige|afgelopen|deze|komende)${E}`],
  dateWords: `${B}(?:januari|februari|maart|mei|juni|juli|augustus|oktober|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|gisteren|vandaag|morgen|eergisteren)${E}`,
  commonWords: [
    'goed', 'ja', 'nee', 'prima', 'oké', 'ik', 'het', 'een', 'de', 'en', 'te', 'niet', 'mijn',
    'dat', 'met', 'voor', 'jullie', 'zijn', 'heb', 'heeft', 'wordt', 'werd', 'kunnen', 'wil',
    'graag', 'bedankt', 'dank', 'hallo', 'hoi', 'goedemiddag', 'goedemorgen', 'geen', 'nog', 'maar',
    'ook', 'naar', 'bij', 'uit', 'wat', 'waarom', 'wanneer', 'mij', 'uw', 'wij', 'alstublieft',
    'aub', 'nu', 'dit', 'deze', 'gisteren', 'vandaag', 'morgen', 'al', 'zo', 'kan', 'moet', 'hij',
    'zij', 'ze', 'jij', 'je', 'niks', 'niets', 'weer',
  ],
  parseDates: (text, reference) => chrono.nl.parse(text, reference),
};
