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
      `${B}(?:quelqu'un peut|pouvez-vous|pourriez-vous|merci de) me (?:rappeler|contacter|téléphoner|telephoner)${E}|${B}rappelez-moi${E}|${B}(?:parler (?:à|a|au) (?:un |une |le |la )?(?:responsable|superviseur|chef|manager))${E}`,
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
      `${B}(?:fissuré|fissurée|fêlé|fêlée|cassé|cassée|rayé|rayée|troué|trouée|moisi|moisie|moisis|pourri|pourrie|dénudé|denude)s?${E}`,
      `${B}(?:on m'a livré|j'ai reçu|reçu|livré)(?: [\\wà-ÿ']+){0,4} (?:alors que|au lieu de|au lieu du|à la place de)${E}`,
    ],
    billing_dispute: [
      `${B}(?:débité|prélevé|facturé)e?s? deux fois${E}`,
      `${B}(?:encore |toujours )?(?:facturé|prélevé|débité|preleve|debite)e?s?(?: [\\wà-ÿ']+){0,4} (?:après|apres|malgré|malgre) (?:ma |la |mon )?(?:résiliation|resiliation|désabonnement|annulation)${E}`,
      `${B}(?:prélèvement|prelevement|paiement|débit|debit|achat|transaction|opération|operation)s?(?: [\\wà-ÿ'0-9,.€]+){0,4} que je ne reconnais pas${E}|${B}je ne reconnais pas (?:ce|cet|cette|le|la) (?:prélèvement|prelevement|paiement|débit|achat|opération)${E}`,
      `${B}(?:faire |je fais )?opposition (?:auprès de|à|a|chez) (?:ma |la )?banque${E}|${B}(?:rétrofacturation|chargeback|contester (?:le|ce|la) (?:prélèvement|paiement|débit))${E}`,
    ],
    account_security: [
      `${B}volée?s?${E}`,
      `${B}(?:piraté(?:e|s)?|pirate|hacké(?:e)?)${E}|${B}quelqu'un (?:s'est connecté|a accédé|a eu accès|est entré) (?:à|a|sur|dans) mon compte${E}`,
      `${B}(?:ce n'était pas moi|ce n'est pas moi|ce n'etait pas moi|pas moi qui)${E}|${B}que je ne reconnais pas${E}|${B}(?:on m'a volé|on m'a vole|carte clonée)${E}`,
    ],
    legal_compliance: [
      `${B}(?:avocat|poursuites? judiciaires?)${E}`,
      `${B}(?:RGPD|CNIL|données personnelles|donnees personnelles|DGCCRF|UFC|Que Choisir|médiateur|mediateur|association de consommateurs|porter plainte|tribunal)${E}`,
    ],
    cancellation: [
      `${B}(?:résilier|resilier|(?:annuler|fermer) (?:mon|ma|notre) (?:abonnement|compte|adhésion))${E}`,
      `${B}(?:je pars|je vais|je passe|je file) (?:chez|à|a) (?:la concurrence|un concurrent|un autre)${E}|${B}(?:aller|je vais) voir ailleurs${E}|${B}(?:supprimer|clôturer|cloturer) (?:mon|ma) (?:compte|abonnement|contrat)${E}`,
    ],
    // Codes the English tables alone used to carry (CONTRACT §3), in this language's own words.
    safety: [
      `${B}(?:me suicider|suicide|me tuer|en finir avec (?:la vie|ma vie)|me faire du mal|mettre fin à mes jours)${E}`,
      `${B}(?:je vais|on va) (?:vous|te|le|la|les) (?:tuer|buter|frapper|défoncer)${E}`,
      `${B}(?:odeur de gaz|(?:ça )?sent le gaz|fuite de gaz)${E}`,
      `${B}(?:a pris feu|prend feu|pris feu|en feu|en flammes|a explosé|a explose|explosé)${E}`,
      `${B}(?:de la )?fumée (?:sort|sortait|est sortie|qui sort)${E}`,
      `${B}(?:décharge électrique|decharge electrique|(?:pris|prendre|reçu) (?:une )?(?:décharge|decharge|châtaigne|jus)|électrocuté|electrocute)${E}`,
      `${B}(?:intoxication|intoxiqué(?:e|s|es)?|réaction allergique|reaction allergique)${E}`,
      `${B}(?:armé|armée|agressé|agressée|agression)${E}|${B}(?:je n'en peux plus|j'en peux plus) de vivre${E}`,
    ],
    complaint: [
      `${B}(?:lamentable|inadmissible|scandaleu(?:x|se)|honteu(?:x|se)|inacceptable|déplorable|deplorable|catastrophique|une honte|un scandale|une arnaque)${E}`,
      `${B}(?:le pire|la pire) (?:service|entreprise|expérience|experience|magasin|achat|compagnie)${E}|${B}(?:service|sav|qualité|qualite) (?:est |était |etait )?(?:nul(?:le)?|déplorable|lamentable|catastrophique)${E}`,
      `${B}(?:très |tres |vraiment |super )?(?:déçu(?:e|s|es)?|decu(?:e|s|es)?|mécontent(?:e|s|es)?|mecontent(?:e|s|es)?)${E}`,
      `${B}(?:faire|déposer|deposer|adresser) une réclamation${E}|${B}(?:je veux|je souhaite|je vais) me plaindre${E}`,
      `${B}(?:nul|nulle)(?:\\.|!|,|$)|${B}(?:quelle honte|c'est honteux|une vraie honte)${E}`,
    ],
    custom_pricing: [
      `${B}(?:tarif|tarifs|prix|devis|remise|réduction|reduction)s? (?:spéciaux|speciaux|spécial|special|préférentiels?|preferentiels?|de gros|dégressifs?|degressifs?|entreprise|pour (?:les )?entreprises|sur (?:le )?volume|en volume)${E}`,
      `${B}(?:tarif|tarifs|prix|devis|remise|combien)${E}[^.!?]{0,60}${B}(?:\\d{2,}|des centaines|des milliers) (?:unités|unites|utilisateurs|licences|salariés|salaries|employés|employes|personnes|postes|sites|magasins)${E}`,
    ],
    account_change: [
      `${B}(?:changer|modifier|mettre à jour|mettre a jour|corriger|actualiser) (?:mon |ma |mes |l'|le |la |les )?(?:adresse(?: e-?mail| mail| de livraison| de facturation)?|e-?mail|mail|numéro de (?:téléphone|telephone|portable)|numero de (?:téléphone|telephone|portable)|téléphone|telephone|nom|prénom|prenom|carte(?: bancaire)?|moyen de paiement|coordonnées(?: bancaires)?|coordonnees(?: bancaires)?|rib|iban)${E}`,
    ],
    bug_report: [
      `${B}(?:ne (?:fonctionne|marche) (?:plus|pas)|(?:fonctionne|marche) (?:plus|pas)|ne s'ouvre (?:plus|pas)|ne (?:charge|se charge|se connecte) (?:plus|pas))${E}`,
      `${B}(?:(?:a|ça|ca|qui|il|elle|tout) plant(?:e|é|ée)|bug(?:ue|gue)?|beugue|crash(?:e)?|se fige|figé(?:e)?|reste bloquée? sur|se ferme tout(?:e)? seule?)${E}`,
      `${B}(?:message d'erreur|code d'erreur|(?:m'affiche|affiche|j'ai|il y a) (?:une |un message d')?erreur)${E}`,
      `${B}(?:l'appli|l'application|le site|l'app|le jeu|la box) (?:plante|bug|beug|rame)${E}|${B}(?:ne capte|ne s'allume|ne démarre|ne demarre)(?: toujours)? (?:plus|pas)${E}|${B}(?:ne fait rien|reste bloqué|impossible de (?:me connecter|valider|payer|télécharger))${E}`,
    ],
    unresolved_previous_contact: [
      `${B}(?:deuxième|deuxieme|troisième|troisieme|quatrième|quatrieme|énième|enieme|\\d+e) (?:fois que (?:je|j'|nous) (?:vous )?(?:écris|ecris|appelle|contacte|relance|signale|demande)|relance)${E}|${B}(?:écris|ecris|appelle|contacte|relance|signale)(?: [\\wà-ÿ']+){0,3} pour la (?:deuxième|deuxieme|troisième|troisieme|quatrième|quatrieme|énième|enieme) fois${E}`,
      `${B}(?:j'ai |nous avons )?(?:déjà |deja )?(?:appelé|appele|écrit|ecrit|contacté|contacte|relancé|relance)(?: [\\wà-ÿ']+){0,3} (?:plusieurs|deux|trois|quatre|\\d+) fois${E}`,
      `${B}(?:personne|aucun conseiller) ne (?:m'a|nous a) (?:répondu|repondu|rappelé|rappele|recontacté)${E}|${B}(?:toujours|resté|restée|reste|restés|restées) sans (?:réponse|reponse|nouvelles)${E}|${B}(?:toujours pas de|aucune) (?:réponse|reponse|nouvelles)${E}`,
      `${B}(?:on|vous) (?:m'a|m'avez|nous a|nous avez) (?:dit|promis|assuré|assure) que${E}[^.!?]{0,80}${B}(?:mais|et) (?:rien|personne|toujours)${E}`,
      `${B}(?:\\d+)(?:e|ème|eme) fois que je vous (?:contacte|écris|ecris|appelle|relance)${E}|${B}toujours rien${E}`,
    ],
    urgency: [`${B}(?:imm[ée]diatement|le plus (?:vite|rapidement) possible|au plus vite)${E}`],
    profanity: [`${B}(?:merde|putain)${E}`],
    'cat:order_status': [`${B}(?:commande|colis|livraison)${E}`],
    'cat:returns_refunds': [`${B}(?:échanger|echanger|remboursement|retour)${E}`],
    'cat:billing': [
      `${B}(?:facture|prélèvement)${E}`,
      `${B}(?:paiements?|échéance|echeance|relevé|releve|mensualité|mensualite|rib)${E}`,
    ],
    'cat:account_access': [
      `${B}(?:mot de passe|connexion)${E}`,
      `${B}(?:identifiant|me connecter|double authentification|code de vérification|code de verification|compte bloqué|compte bloque)${E}`,
    ],
    'cat:technical': [
      `${B}(?:erreur|panne|mise à jour|mise a jour|l'appli|l'application|ne fonctionne (?:pas|plus))${E}`,
    ],
    'cat:sales': [
      `${B}(?:devis|tarif pro|offre (?:entreprise|pro|étudiant|etudiant)|tarifs? (?:entreprise|professionnels?))${E}`,
    ],
    'cat:product_question': [
      `${B}(?:taille|pointure|couleur|dimensions|disponible|en stock|garantie|avez-vous|vous avez)${E}`,
    ],
    'cat:feedback': [
      `${B}(?:bravo|félicitations|felicitations|(?:super|excellent) service|très satisfait(?:e)?|tres satisfait(?:e)?|merci à l'équipe|merci a l'equipe)${E}`,
    ],
  },
  refusals: ["\\bn(?:e\\s+|')(?:veux|voudrais|souhaite|dois|ai)\\s+(?:pas|plus)(?:\\s+besoin)?\\b", '\\bpas besoin\\b'],
  refundSettled: [`${B}(?:remboursement|argent)(?: [\\wà-ÿ']+){0,3} (?:bien )?(?:reçu|arrivé|passé|effectué|crédité)${E}|${B}(?:j'ai|on a) (?:bien )?reçu (?:le |mon |votre )?(?:remboursement|virement)${E}|${B}politique de (?:remboursement|retour)s?${E}`],
  generalAsks: [
    '\\bpar (?:pure )?curiosit[ée]',
    '\\ben g[ée]n[ée]ral\\b',
  ],
  negations: ['\\bpas\\b'],
  clauseBreaks: ['mais'],
  futureCues: [`${B}(?:jusqu'(?:au|à)|avant le|d'ici|arrivera|prochaine?|prévue?|prevue?)${E}`],
  weekModifiers: [`${B}(?:prochaine?|derni(?:er|ère)|ce|cette)${E}`],
  dateWords: `${B}(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|demain|avant-hier)${E}`,
  commonWords: [
    'oui', 'non', 'volontiers', 'le', 'la', 'les', 'de', 'des', 'en', 'une', 'est',
    'pas', 'je', "j'", 'vous', 'votre', 'vos', 'mon', 'ma', 'mes', 'avec', 'pour', 'que', 'qui',
    'et', 'du', 'au', 'aux', 'sur', 'dans', 'ce', 'cette', 'mais', 'merci', 'bonjour', 'ai', 'suis',
    'très', 'tres', 'depuis', 'toujours', 'rien', 'ne', "n'", "c'", 'il', 'elle', 'nous',
    'ça', 'ca', 'déjà', 'deja', 'encore', 'plus', 'svp', 'hier', 'demain', "l'",
    "d'", "qu'",
  ],
  parseDates: (text, reference) => chrono.fr.parse(text, reference),
};
