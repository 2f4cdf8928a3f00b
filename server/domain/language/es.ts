import * as chrono from 'chrono-node';
import { B, E } from '../triggers/phrase-rules';
import type { LanguagePack } from './types';

/** Spanish. */
export const ES: LanguagePack = {
  code: 'es',
  phrases: {
    human_requested: [
      `${B}(?:hablar|comunicarme|contactar|chatear|platicar) con (?:una |un |alguna |algún |algun )?(?:persona(?: real)?|humano|ser humano|agente|alguien|representante|asesor(?:a)?|operador(?:a)?|encargad[oa]|supervisor(?:a)?)${E}`,
      `${B}(?:quiero|necesito|pasame|pásame|pásenme|paseme) (?:con )?(?:una |un )?(?:persona(?: real)?|humano|agente|representante|asesor(?:a)?|operador(?:a)?)${E}`,
      `${B}(?:pasar|transferir)(?:me| me)? (?:con|a) (?:un |una )?(?:persona|humano|agente|operador(?:a)?|asesor(?:a)?)${E}`,
      `${B}(?:persona real|agente humano)${E}`,
    ],
    accept: [`^\\W*(?:sí|si|claro|vale|por favor)${E}[^?]{0,25}$`],
    rejection: [
      `${B}(?:eso |esto )?no (?:me )?(?:ayuda|ayudó|sirve|sirvió|funciona|funcionó|resuelve|resolvió)${E}`,
      `${B}no es lo que (?:pregunté|pedí|necesito)${E}`,
    ],
    acceptance: [`${B}(?:ya )?(?:funcionó|me sirvió|problema resuelto)${E}`],
    refund_request: [`${B}(?:reembolso|reembolsar|devolución del dinero|devolver el dinero)${E}`],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:lleg(?:ó|o|aron)|vin(?:o|ieron)|recibí)(?: [\\wà-ÿ]+)? (?:rot[oa]s?|dañad[oa]s?|defectuos[oa]s?|estropead[oa]s?|aplastad[oa]s?)${E}`,
      `${B}(?:producto|artículo|talla|color|pedido|modelo) equivocad[oa]${E}`,
    ],
    billing_dispute: [`${B}(?:cobrado|cobraron|cobrada)[^.!?]{0,20}dos veces${E}`],
    account_security: [`${B}(?:me (?:robaron|han robado)|robad[oa]s?)${E}`],
    legal_compliance: [`${B}(?:abogad[oa]|demandar(?:les|los)?)${E}`],
    cancellation: [
      `${B}(?:cancelar|anular) (?:mi|la|nuestra) (?:suscripción|suscripcion|membresía|membresia|cuenta)${E}`,
      `${B}dar(?:me)? de baja${E}`,
    ],
    urgency: [`${B}(?:urgente|urgencia|cuanto antes|lo antes posible|lo más pronto posible)${E}`],
    profanity: [`${B}(?:mierda|joder|carajo)${E}`],
    'cat:order_status': [`${B}(?:pedido|entrega|envío|envio)${E}`],
    'cat:returns_refunds': [`${B}(?:cambiar|cambio|reembolso|devolución|devolucion)${E}`],
    'cat:billing': [`${B}(?:factura|cobro)${E}`],
    'cat:account_access': [`${B}(?:contraseña|iniciar sesión)${E}`],
  },
  refusals: ['\\bno (?:quiero|necesito|hace falta|deseo|es necesario)\\b', '(?:^|\\s)no\\s*$'],
  generalAsks: [
    '\\b(?:solo |sólo )?por curiosidad\\b',
    '\\ben general\\b',
  ],
  negations: ['\\b(?:sin|ningun[oa]?)\\b'],
  clauseBreaks: ['pero', 'sino'],
  futureCues: [`${B}(?:hasta|antes del?|para el|vence|llegará|llegara|próxim[oa]|proxim[oa])${E}`],
  weekModifiers: [`${B}(?:próxim[oa]|proxim[oa]|pasad[oa]|últim[oa]|ultim[oa]|este|esta)${E}`],
  dateWords: `${B}(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|ayer|hoy|mañana|anteayer)${E}`,
  parseDates: (text, reference) => chrono.es.parse(text, reference),
};
