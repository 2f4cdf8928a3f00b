import * as chrono from 'chrono-node';
import { B, E } from '../triggers/phrase-rules';
import type { LanguagePack } from './types';

/** Portuguese. */
export const PT: LanguagePack = {
  code: 'pt',
  phrases: {
    human_requested: [
      `${B}falar com (?:um |uma |algum |alguma )?(?:atendente|humano|ser humano|pessoa(?: real)?|agente|representante|alguém|alguem|operador(?:a)?|consultor(?:a)?)${E}`,
      `${B}(?:quero|preciso de|preciso) (?:um |uma )?(?:atendente|humano|atendimento humano|pessoa real)${E}`,
      `${B}(?:passar|transferir|encaminhar)(?:-me| me)? (?:para|a) (?:um |uma )?(?:atendente|humano|pessoa|agente|operador(?:a)?)${E}`,
    ],
    accept: [`^\\W*(?:sim|claro|pode ser|por favor)${E}[^?]{0,25}$`],
    rejection: [`${B}(?:isso )?n[ãa]o (?:me )?(?:ajuda|ajudou|funciona|funcionou|resolve|resolveu)${E}`],
    acceptance: [`${B}(?:funcionou|resolveu|problema resolvido)${E}`],
    refund_request: [`${B}(?:reembolso|estorno|meu dinheiro de volta)${E}`],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:chegou|chegaram|veio|vieram|recebi)(?: [\\wà-ÿ]+)? (?:quebrad[oa]s?|danificad[oa]s?|estragad[oa]s?|partid[oa]s?|amassad[oa]s?|com defeito)${E}`,
      `${B}(?:produto|item|tamanho|cor|pedido|modelo) errad[oa]${E}`,
    ],
    billing_dispute: [`${B}(?:cobrado|cobrou|cobraram|cobrada)[^.!?]{0,20}duas vezes${E}`],
    account_security: [`${B}(?:roubad[oa]s?|roubaram)${E}`],
    legal_compliance: [`${B}advogad[oa]${E}`],
    cancellation: [`${B}cancelar (?:minha|a|nossa) (?:assinatura|conta|associação)${E}`],
    urgency: [`${B}(?:urgente|o mais rápido possível|o quanto antes)${E}`],
    profanity: [`${B}(?:porra|caralho)${E}`],
    'cat:order_status': [`${B}(?:pedido|encomenda|entrega|envio)${E}`],
    'cat:returns_refunds': [`${B}(?:trocar|troca|reembolso|devolução|devolucao)${E}`],
    'cat:billing': [`${B}(?:fatura|cobrança|cobranca)${E}`],
    'cat:account_access': [`${B}senha${E}`],
  },
  refusals: ['\\bn[ãa]o\\s+(?:quero|preciso|precisa|desejo)\\b', '(?:^|\\s)n[ãa]o\\s*$'],
  generalAsks: [
    '\\b(?:s[óo] )?por curiosidade\\b',
    '\\bem geral\\b',
  ],
  negations: ['\\bn[ãa]o\\b'],
  clauseBreaks: ['mas', 'porém', 'porem'],
  futureCues: [`${B}(?:até|ate|antes de|chegará|chegara|próxim[oa]|proxim[oa]|vence)${E}`],
  weekModifiers: [`${B}(?:próxim[oa]|proxim[oa]|passad[oa]|últim[oa]|ultim[oa]|este|esta|nesta|neste)${E}`],
  dateWords: `${B}(?:janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|ontem|hoje|amanhã|anteontem)${E}`,
  parseDates: (text, reference) => chrono.pt.parse(text, reference),
};
