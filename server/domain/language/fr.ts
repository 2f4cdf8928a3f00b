import * as chrono from 'chrono-node';
import { B, E } from '../triggers/phrase-rules';
import type { LanguagePack } from './types';

/** French. */
export const FR: LanguagePack = {
  code: 'fr',
  phrases: {
    human_requested: [
      `${B}parler (?:à|a|avec) (?:quelqu'un|(?:un |une )(?:vrai |vraie )?(?:humain|personne|conseill(?:er|ère)|agent|opérat(?:eur|rice)|operateur|responsable|interlocut(?:eur|rice)))${E}`,
      `${B}(?:un|une) (?:vrai|vraie) (?:personne|humain|conseiller)${E}`,
      `${B}(?:je veux|je voudrais|je souhaite) (?:un |une )?(?:humain|conseill(?:er|ère)|agent|opérateur)${E}`,
    ],
    accept: [`^\\W*(?:oui|d'accord|volontiers)${E}[^?]{0,25}$`],
    rejection: [
      `${B}(?:ça|cela|ce) (?:ne )?(?:m'aide|m'a aidé|aide|marche|fonctionne|répond) (?:pas|plus)${E}`,
      `${B}ce n'est pas ce que (?:j'ai demandé|je demande|je veux)${E}`,
    ],
    acceptance: [`${B}(?:ça (?:a )?(?:marché|fonctionné)|problème résolu)${E}`],
    refund_request: [`${B}rembours(?:ement|er|ez|ée?s?|e)${E}`],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:arrivée?s?|reçue?s?|livrée?s?)(?: [\\wà-ÿ]+){0,2} (?:cassée?s?|abîmée?s?|endommagée?s?|écrasée?s?|défectueu(?:x|ses?)|déchirée?s?)${E}`,
      `${B}(?:mauvaise (?:taille|couleur|pointure|commande)|mauvais (?:article|produit|modèle|colis))${E}`,
    ],
    billing_dispute: [`${B}(?:débité|prélevé|facturé)e?s? deux fois${E}`],
    account_security: [`${B}volée?s?${E}`],
    legal_compliance: [`${B}(?:avocat|poursuites? judiciaires?)${E}`],
    cancellation: [`${B}(?:résilier|resilier|(?:annuler|fermer) (?:mon|ma|notre) (?:abonnement|compte|adhésion))${E}`],
    urgency: [`${B}(?:imm[ée]diatement|le plus (?:vite|rapidement) possible|au plus vite)${E}`],
    profanity: [`${B}(?:merde|putain)${E}`],
    'cat:order_status': [`${B}(?:commande|colis|livraison)${E}`],
    'cat:returns_refunds': [`${B}(?:échanger|echanger|remboursement|retour)${E}`],
    'cat:billing': [`${B}(?:facture|prélèvement)${E}`],
    'cat:account_access': [`${B}(?:mot de passe|connexion)${E}`],
  },
  refusals: ["\\bn(?:e\\s+|')(?:veux|voudrais|souhaite|dois|ai)\\s+(?:pas|plus)(?:\\s+besoin)?\\b", '\\bpas besoin\\b'],
  generalAsks: [
    '\\bpar (?:pure )?curiosit[ée]',
    '\\ben g[ée]n[ée]ral\\b',
  ],
  negations: ['\\bpas\\b'],
  clauseBreaks: ['mais'],
  futureCues: [`${B}(?:jusqu'(?:au|à)|avant le|d'ici|arrivera|prochaine?|prévue?|prevue?)${E}`],
  weekModifiers: [`${B}(?:prochaine?|derni(?:er|ère)|ce|cette)${E}`],
  dateWords: `${B}(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|demain|avant-hier)${E}`,
  parseDates: (text, reference) => chrono.fr.parse(text, reference),
};
