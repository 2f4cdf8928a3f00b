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
    // Codes the English tables alone used to carry (CONTRACT §3), in this language's own words.
    safety: [
      `${B}(?:suicid(?:arme|arse|io)|quitarme la vida|matarme|hacerme daño|no quiero (?:seguir )?vivir)${E}`,
      `${B}(?:te|lo|la|los|las|les) (?:voy|vamos) a (?:matar|partir la cara|reventar|buscar)${E}`,
      `${B}(?:huele|olor|olía) a gas${E}|${B}(?:fuga|escape) de gas${E}`,
      `${B}(?:se )?(?:prendió fuego|prendio fuego|incendió|incendio|empezó a arder|empezo a arder|explotó|exploto)${E}|${B}en llamas${E}`,
      `${B}(?:salía|salia|sale|salió|salio|echa|echaba|echó|echo) humo${E}`,
      `${B}(?:descarga eléctrica|descarga electrica|(?:me|le|nos) (?:dio|dió) (?:una )?(?:descarga|corriente|calambre))${E}`,
      `${B}(?:intoxicación|intoxicacion|intoxicad[oa]s?|reacción alérgica|reaccion alergica)${E}`,
    ],
    complaint: [
      `${B}(?:pésim[oa]|pesim[oa]|malísim[oa]|malisim[oa]|vergonzos[oa]|lamentable|una vergüenza|una verguenza|un desastre|una estafa|una burla|penos[oa])${E}`,
      `${B}(?:el peor|la peor|los peores|las peores) (?:servicio|atención|atencion|empresa|compañía|compania|experiencia|compra|tienda)${E}`,
      `${B}(?:muy |super |totalmente )?(?:decepcionad[oa]s?|insatisfech[oa]s?)${E}`,
      `${B}(?:poner|presentar|hacer|dejar) (?:una )?(?:queja|reclamación|reclamacion|hoja de reclamaciones)${E}|${B}(?:quiero|voy a) quejarme${E}`,
    ],
    custom_pricing: [
      `${B}(?:precio|precios|presupuesto|cotización|cotizacion|descuento|tarifa)s? (?:especial(?:es)?|por volumen|para empresas|corporativ[oa]s?|mayorista|al por mayor)${E}`,
      `${B}(?:precio|precios|presupuesto|cotización|cotizacion|descuento|cuánto|cuanto)${E}[^.!?]{0,60}${B}(?:\\d{2,}|cientos|miles) (?:unidades|usuarios|licencias|empleados|personas|equipos|sedes|tiendas)${E}`,
    ],
    account_change: [
      `${B}(?:cambiar|actualizar|modificar|corregir)(?:me)? (?:mi |el |la |los |mis )?(?:dirección|direccion|correo(?: electrónico| electronico)?|e-?mail|número de (?:teléfono|telefono|celular|móvil|movil)|teléfono|telefono|celular|nombre|apellido|tarjeta|método de pago|metodo de pago|forma de pago|datos(?: personales| bancarios)?|cuenta bancaria)${E}`,
    ],
    bug_report: [
      `${B}(?:no (?:me )?funciona|ya no funciona|dejó de funcionar|dejo de funcionar|no (?:me )?(?:deja entrar|carga|abre|conecta)|no se (?:abre|carga|conecta))${E}`,
      `${B}(?:se (?:cuelga|colgó|colgo|traba|trabó|trabo|congela|congeló|congelo|cierra sola|cerró sola|cerro sola|reinicia sol[oa])|se queda (?:colgad[oa]|pegad[oa]|cargando))${E}`,
      `${B}(?:(?:me )?(?:sale|aparece|da|salta) (?:un |el )?error|mensaje de error|código de error|codigo de error)${E}`,
    ],
    unresolved_previous_contact: [
      `${B}(?:segunda|tercera|cuarta|quinta|enésima|enesima) vez que (?:les |os |te |le |lo |la )?(?:escribo|llamo|contacto|reclamo|pregunto|pido|aviso|mando|envío|envio|me comunico|me pongo en contacto|reporto|solicito)${E}`,
      `${B}(?:ya )?(?:he|hemos) (?:llamado|escrito|reclamado|contactado)(?: [\\wà-ÿ]+){0,3} (?:varias|muchas|dos|tres|cuatro|cinco|\\d+) veces${E}`,
      `${B}(?:nadie|ninguno) (?:me |nos )?(?:ha |han )?(?:respondido|contestado|llamado|devuelto la llamada|solucionado)${E}`,
      `${B}(?:sigo|seguimos|llevo|llevamos)(?: [\\wà-ÿ]+){0,3} sin (?:respuesta|solución|solucion)${E}|${B}(?:todavía|todavia|aún|aun) sin respuesta${E}`,
      `${B}(?:me |nos )?(?:dijeron|prometieron|aseguraron) que${E}[^.!?]{0,80}${B}(?:pero|y) (?:nada|nadie|no)${E}`,
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
