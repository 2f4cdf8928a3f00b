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
    ],
    accept: [`^\\W*(?:ja|graag|prima|goed)${E}[^?]{0,25}$`],
    rejection: [`${B}(?:dat|het|dit) (?:helpt|hielp|werkt|werkte) (?:nog steeds )?niet${E}`],
    acceptance: [`${B}(?:dat|het) (?:werkt|werkte|heeft geholpen)${E}(?! niet)`],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:kwam|kwamen|is|zijn|werd|werden)(?: [\\wà-ÿ]+){0,2} (?:kapot|beschadigd|gebroken|gescheurd|defect)${E}`,
      `${B}verkeerde (?:maat|kleur|artikel|product|bestelling|model)${E}`,
    ],
    billing_dispute: [`${B}(?:dubbel|twee keer) (?:afgeschreven|betaald|gefactureerd|in rekening gebracht)${E}`],
    urgency: [`${B}(?:spoed|meteen|dringend|zo snel mogelijk|zo spoedig mogelijk)${E}`],
    'cat:order_status': [`${B}(?:bestelling|pakket|pakketje|levering|zending)${E}`],
    'cat:returns_refunds': [`${B}(?:ruilen|retourneren|terugsturen|retour)${E}`],
  },
  refusals: ['\\b(?:geen|hoef niet|wil niet|niet nodig)\\b'],
  generalAsks: [
    '\\b(?:gewoon )?benieuwd\\b',
    '\\bin het algemeen\\b',
  ],
  negations: [],
  clauseBreaks: [],
  futureCues: [`${B}(?:uiterlijk|vóór|volgende|komende|wordt geleverd|komt (?:op|aan))${E}`],
  weekModifiers: [`${B}(?:volgende|vorige|afgelopen|deze|komende)${E}`],
  dateWords: `${B}(?:januari|februari|maart|mei|juni|juli|augustus|oktober|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|gisteren|vandaag|morgen|eergisteren)${E}`,
  parseDates: (text, reference) => chrono.nl.parse(text, reference),
};
