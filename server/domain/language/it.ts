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
      `${B}(?:qualcuno (?:mi |può |puo )?(?:richiam|chiam|contatt)[\\wà-ÿ]*)${E}|${B}(?:parlare|parlo) con (?:un |il |la )?(?:responsabile|supervisore|direttore)${E}`,
    ],
    accept: [`^\\W*(?:sì|si|certo|va bene|volentieri)${E}[^?]{0,25}$`],
    rejection: [`${B}non (?:mi )?(?:aiuta|ha aiutato|funziona|ha funzionato|serve)${E}`],
    acceptance: [`${B}(?:ha funzionato|problema risolto)${E}`],
    refund_request: [
      `${B}(?:rimborso|rimborsare|rimborsatemi)${E}`,
      `${B}(?:rivoglio|voglio indietro|ridatemi|restituitemi) (?:i miei |il mio |i )?(?:soldi|denaro|importo)${E}|${B}(?:i )?soldi indietro${E}|${B}(?:restituzione|restituire) (?:dei soldi|del denaro|dell'importo|l'importo)${E}`,
    ],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:arrivat[oaie]|consegnat[oaie]|ricevut[oaie]|è|sono)(?: [\\wà-ÿ]+)? (?:rott[oaie]|danneggiat[oaie]|difettos[oaie]|ammaccat[oaie]|rovinat[oaie])${E}`,
      `${B}(?:taglia|colore|articolo|prodotto|modello) sbagliat[oa]${E}`,
      `${B}(?:arrivat[oaie]|consegnat[oaie])(?: [\\wà-ÿ']+){0,2} con (?:il |la |lo |l'|un |una )?(?:[\\wà-ÿ']+ ){0,2}(?:rott[oaie]|danneggiat[oaie]|ammaccat[oaie]|graffiat[oaie]|crepat[oaie])${E}|${B}(?:ammuffit[oaie]|avariat[oaie])${E}`,
    ],
    billing_dispute: [
      `${B}(?:(?:addebitat[oaie]|pagat[oaie]) due volte|doppio addebito)${E}`,
      `${B}(?:addebitat[oaie]|addebitato|addebito|pagamento|rinnovo)(?: [\\wà-ÿ']+){0,4} (?:anche se|dopo (?:la|aver)|nonostante) (?:avevo |ho )?(?:disdetto|disdetta|cancellato|annullato|la disdetta)${E}`,
      `${B}(?:addebit[oi]|pagament[oi]|transazion[ei]|movimento|acquisto)(?: [\\wà-ÿ0-9,.€']+){0,4} che non (?:riconosco|ho fatto|ho autorizzato)${E}|${B}non riconosco (?:questo|l'|quest'|il|un) ?(?:addebito|pagamento|movimento)${E}`,
      `${B}(?:contestazione con la banca|contestare (?:l'addebito|il pagamento)|chargeback|storno)${E}`,
    ],
    account_security: [
      `${B}(?:rubat[oaie]|rubato|hanno rubato|hackerat[oaie]|violat[oaie]|clonat[oaie])${E}|${B}qualcuno (?:è|e) entrato nel mio (?:account|conto|profilo)${E}|${B}non sono stat[oa] io${E}|${B}che non (?:riconosco|ho fatto)${E}`,
    ],
    legal_compliance: [
      `${B}(?:avvocat[oaie]|GDPR|dati personali|Garante|AGCOM|Codacons|associazione (?:dei )?consumatori|denuncia|vie legali|diffida)${E}`,
    ],
    cancellation: [
      `${B}(?:disdire|disdetta|disdico|recedere|recesso)${E}|${B}(?:cambio|cambierò|passo a(?:d)?) (?:operatore|gestore|fornitore|un altro (?:operatore|gestore|fornitore))${E}|${B}(?:chiudere|cancellare|eliminare) (?:il mio|il|l'|la mia) ?(?:account|conto|abbonamento|contratto)${E}`,
    ],
    // Codes the English tables alone used to carry (CONTRACT §3), in this language's own words.
    safety: [
      `${B}(?:suicid(?:io|armi|arsi)|uccidermi|ammazzarmi|togliermi la vita|farla finita|farmi del male|non voglio più vivere|non voglio piu vivere)${E}`,
      `${B}(?:ti|vi|lo|la|li) (?:ammazzo|uccido|spacco la faccia)${E}|${B}(?:vengo|veniamo) a (?:prenderti|cercarti|prendervi)${E}`,
      `${B}(?:odore|puzza|puzzo) di gas${E}|${B}(?:fuga|perdita) di gas${E}`,
      `${B}(?:(?:ha |è |e )?preso fuoco|prende fuoco|in fiamme|(?:è |e )?esplos[oa]|ha fatto (?:le )?scintille)${E}`,
      `${B}(?:esce|usciva|è uscito|e uscito|uscito) (?:del )?fumo${E}`,
      `${B}(?:scossa elettrica|(?:preso|presa|prende) (?:la |una )?scossa|folgorat[oa])${E}`,
      `${B}(?:intossicazione|intossicat[oa]|reazione allergica|ustion(?:e|i)|mi sono (?:bruciat[oa]|ustionat[oa]|ferit[oa]|tagliat[oa]))${E}`,
      `${B}(?:aggredit[oaie]|aggressione|armat[oaie]|c'è sangue|sanguina)${E}|${B}mi sono rott[oa] (?:il|la|un|una)${E}`,
    ],
    complaint: [
      `${B}(?:pessim[oa]|vergognos[oa]|una vergogna|vergogna|inaccettabile|scandalos[oa]|uno scandalo|ridicol[oa]|indecente|un disastro|una truffa|una presa in giro|penos[oa])${E}`,
      `${B}(?:il peggior(?:e)?|la peggiore|peggior) (?:servizio|assistenza|azienda|esperienza|acquisto|negozio|compagnia|operatore)${E}`,
      `${B}(?:molto |davvero |profondamente |estremamente )?(?:delus[oa]|deluse|delusi|insoddisfatt[oa]|insoddisfatti|insoddisfatte)${E}`,
      `${B}(?:fare|presentare|sporgere|inviare) (?:un )?(?:reclamo|lamentela)${E}|${B}(?:voglio|vorrei) lamentarmi${E}`,
      `${B}(?:che schifo|vergognatevi|vergognoso|schifo di servizio|servizio clienti inesistente)${E}`,
    ],
    custom_pricing: [
      `${B}(?:prezzo|prezzi|preventivo|sconto|tariff[ae]|offerta)s? (?:special[ei]|per quantità|per quantita|per aziende|aziendal[ei]|all'ingrosso|corporate|dedicat[oa])${E}`,
      `${B}(?:prezzo|prezzi|preventivo|sconto|quanto costa|quanto costano|offerta)${E}[^.!?]{0,60}${B}(?:\\d{2,}|centinaia|migliaia) (?:pezzi|unità|unita|utenti|licenze|dipendenti|persone|postazioni|sedi|negozi)${E}`,
    ],
    account_change: [
      `${B}(?:cambiare|modificare|aggiornare|correggere)(?: [\\wà-ÿ]+)? (?:il |la |lo |l'|i |le |mio |mia |miei |mie )?(?:indirizzo(?: email| e-mail| di spedizione| di consegna| di fatturazione)?|e-?mail|numero di (?:telefono|cellulare)|telefono|cellulare|nome|cognome|carta(?: di credito)?|metodo di pagamento|dati(?: personali| bancari)?|iban|intestatario)${E}`,
    ],
    bug_report: [
      `${B}(?:non (?:mi )?funziona(?: più| piu)?|(?:ha )?smesso di funzionare|non (?:si )?(?:apre|carica|connette|avvia)|non va più|non va piu)${E}`,
      `${B}(?:si (?:blocca|è bloccat[oa]|e bloccat[oa]|pianta|chiude da sol[oa]|riavvia da sol[oa])|crasha|crashato|(?:rimane|resta) bloccat[oa])${E}`,
      `${B}(?:(?:mi )?(?:dà|da|esce|compare|appare|viene fuori) (?:un |l')?errore|messaggio di errore|codice (?:di )?errore)${E}`,
      `${B}(?:si disconnette|si scollega|cade la (?:linea|connessione)|non prende)${E}`,
    ],
    unresolved_previous_contact: [
      `${B}(?:seconda|terza|quarta|quinta|ennesima) volta che (?:vi |ti |la )?(?:scrivo|chiamo|contatto|segnalo|chiedo|sollecito)${E}|${B}(?:scrivo|chiamo|contatto|segnalo|chiedo)(?: [\\wà-ÿ']+){0,3} per (?:la )?(?:seconda|terza|quarta|quinta|ennesima) volta${E}`,
      `${B}(?:ho|abbiamo) già (?:chiamato|scritto|contattato|segnalato|inviato)(?: [\\wà-ÿ']+){0,3} (?:più|piu|diverse|varie|molte|due|tre|quattro|\\d+) volte${E}`,
      `${B}(?:nessuno|nessuna) (?:mi |ci )?(?:ha )?(?:risposto|richiamato|ricontattato|risolto)${E}|${B}(?:ancora |sempre )?(?:senza|nessuna) risposta${E}`,
      `${B}(?:mi |ci )?(?:avevano|hanno|avete) (?:detto|promesso|assicurato) che${E}[^.!?]{0,80}${B}(?:ma|e) (?:niente|nessuno|nulla|ancora)${E}`,
      `${B}(?:sollecito|solleciti)${E}`,
      `${B}(?:(?:è|e) la (?:seconda|terza|quarta|quinta|ennesima) volta che)${E}`,
    ],
    urgency: [`${B}(?:urgente|urgenza|subito|il prima possibile|al più presto)${E}`],
    'cat:order_status': [`${B}(?:ordine|pacco|spedizione|consegna)${E}`],
    'cat:returns_refunds': [`${B}(?:cambiarlo|cambiarla|cambi(?:o|are) (?:la |il |di )?(?:taglia|numero|colore)|sostituzione|reso|resi|rimborso|restituire)${E}`],
    'cat:billing': [
      `${B}(?:fattura|fatture|bolletta|bollette|addebito|pagamento|rata|canone)${E}`,
    ],
    'cat:account_access': [
      `${B}(?:credenziali|accedere|codice di verifica|account bloccato|non riesco (?:ad|a) entrare)${E}`,
    ],
    'cat:technical': [
      `${B}(?:errore|guasto|connessione|aggiornamento|non funziona)${E}`,
    ],
    'cat:sales': [
      `${B}(?:preventivo|offerta aziendale|abbonamenti aziendali|listino)${E}`,
    ],
    'cat:product_question': [
      `${B}(?:taglia|taglie|colore|colori|misure|disponibile|compatibile|garanzia|avete)${E}`,
    ],
    'cat:feedback': [
      `${B}(?:complimenti|ottimo servizio|molto soddisfatt[oa]|bravissimi)${E}`,
    ],
  },
  refusals: ['\\bnon (?:voglio|vorrei|ho bisogno|mi serve|serve|è necessario)\\b', '(?:^|\\s)non\\s*$'],
  refundSettled: [`${B}(?:rimborso|soldi|accredito)(?: [\\wà-ÿ']+){0,3} (?:è |e )?(?:ricevut[oi]|arrivat[oi]|accreditat[oi])${E}|${B}(?:ho )?ricevuto (?:il |i )?(?:rimborso|soldi)${E}|${B}politica (?:di|dei|sui) (?:rimbors[oi]|res[oi])${E}`],
  generalAsks: [
    '\\b(?:solo )?per curiosit[àa]',
    '\\bin generale\\b',
  ],
  negations: ['\\b(?:non|nessun[oa]?)\\b'],
  clauseBreaks: ['ma', 'però'],
  futureCues: [`${B}(?:entro|prima del|arriverà|arrivera|prossim[oa]|scade)${E}`],
  weekModifiers: [`${B}(?:prossim[oa]|scors[oa]|questo|questa)${E}`],
  dateWords: `${B}(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|ieri|oggi|domani|l'altro ieri)${E}`,
  commonWords: [
    'sì', 'si', 'certo', 'volentieri', 'bene', 'il', 'la', 'che', 'una', 'uno', 'mio', 'mia',
    'miei', 'mie', 'sono', 'della', 'del', 'dello', 'delle', 'degli', 'ho', 'hai', 'abbiamo', 'è',
    'anche', 'ancora', 'già', 'gia', 'grazie', 'buongiorno', 'salve', 'ciao', 'vorrei', 'voglio',
    'posso', 'potete', 'questo', 'questa', 'quando', 'perché', 'perche', 'nessuno', 'niente', 'più',
    'piu', 'molto', 'sempre', 'mai', 'gli', 'nel', 'nella', 'sul', 'sulla', 'alla', 'dal', 'dalla',
    'di', 'da', 'mi', 'ci', 'vi', 'ieri', 'oggi', 'domani', 'ora', 'dopo', 'senza', 'solo', "l'",
    "all'", "dell'", "nell'", "un'",
  ],
  parseDates: (text, reference) => chrono.it.parse(text, reference),
};
