import * as chrono from 'chrono-node';
import { B, E } from '../triggers/phrase-rules';
import type { LanguagePack } from './types';

/** Italian. */
export const IT: LanguagePack = {
  code: 'it',
  phrases: {
    human_requested: [
      `${B}(?:parlare|comunicare|chattare|essere messo in contatto|mettermi in contatto) con (?:un |una |un'|qualche |l')?(?:operat(?:ore|rice)(?: umano)?|persona(?: reale| vera)?|essere umano|umano|agente|consulente|assistente|addett[oa]|qualcuno|responsabile|impiegat[oa])${E}`,
      `${B}(?:vorrei|voglio|mi serve|ho bisogno di|passami|passatemi|mi passi) (?:un |una |un'|con )?(?:operat(?:ore|rice)|persona reale|persona vera|essere umano|umano|agente|consulente)${E}`,
      `${B}(?:operatore umano|persona (?:reale|vera)|mi (?:richiami|richiamate)|richiamatemi)${E}`,
    ],
    accept: [`^\\W*(?:sì|si|certo|va bene|volentieri)${E}[^?]{0,25}$`],
    rejection: [`${B}non (?:mi )?(?:aiuta|ha aiutato|funziona|ha funzionato|serve)${E}`],
    acceptance: [`${B}(?:ha funzionato|problema risolto)${E}`],
    refund_request: [`${B}(?:rimborso|rimborsare|rimborsatemi)${E}`],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:arrivat[oaie]|consegnat[oaie]|ricevut[oaie]|è|sono)(?: [\\wà-ÿ]+)? (?:rott[oaie]|danneggiat[oaie]|difettos[oaie]|ammaccat[oaie]|rovinat[oaie])${E}`,
      `${B}(?:taglia|colore|articolo|prodotto|modello) sbagliat[oa]${E}`,
    ],
    billing_dispute: [`${B}(?:(?:addebitat[oaie]|pagat[oaie]) due volte|doppio addebito)${E}`],
    urgency: [`${B}(?:urgente|urgenza|subito|il prima possibile|al più presto)${E}`],
    'cat:order_status': [`${B}(?:ordine|pacco|spedizione|consegna)${E}`],
    'cat:returns_refunds': [`${B}(?:cambiare|reso|rimborso)${E}`],
  },
  refusals: ['\\bnon (?:voglio|vorrei|ho bisogno|mi serve|serve|è necessario)\\b', '(?:^|\\s)non\\s*$'],
  generalAsks: [
    '\\b(?:solo )?per curiosit[àa]',
    '\\bin generale\\b',
  ],
  negations: [],
  clauseBreaks: [],
  futureCues: [`${B}(?:entro|prima del|arriverà|arrivera|prossim[oa]|scade)${E}`],
  weekModifiers: [`${B}(?:prossim[oa]|scors[oa]|questo|questa)${E}`],
  dateWords: `${B}(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|ieri|oggi|domani|l'altro ieri)${E}`,
  parseDates: (text, reference) => chrono.it.parse(text, reference),
};
