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
      `${B}(?:que )?alguien (?:me |nos )?(?:llame|llamen|contacte|atienda)${E}|${B}(?:pueden|podéis|podeis|puede) llamarme${E}|${B}(?:llámenme|llamenme|llamadme)${E}`,
      `${B}(?:hablar|pasar|pasadme|pásame|pasame) con (?:un |el |la )?(?:supervisor(?:a)?|responsable|encargad[oa]|jefe)${E}|${B}persona de verdad${E}`,
    ],
    accept: [`^\\W*(?:sí|si|claro|vale|por favor)${E}[^?]{0,25}$`],
    rejection: [
      `${B}(?:eso |esto )?no (?:me )?(?:ayuda|ayudó|sirve|sirvió|funciona|funcionó|resuelve|resolvió)${E}`,
      `${B}no es lo que (?:pregunté|pedí|necesito)${E}`,
    ],
    acceptance: [`${B}(?:ya )?(?:funcionó|me sirvió|problema resuelto)${E}`],
    refund_request: [
      `${B}(?:reembolso|reembolsar|devolución del dinero|devolver el dinero)${E}`,
      `${B}(?:me |nos )?(?:devuelvan|devolváis|devolvais|devuelvas|devuelva|reintegren|reembolsen) (?:el |mi |lo )?(?:dinero|importe|pago|cobrado|pagado)${E}|${B}(?:quiero|exijo) (?:mi dinero|que me devuelvan)${E}`,
    ],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:lleg(?:ó|o|aron)|vin(?:o|ieron)|recibí)(?: [\\wà-ÿ]+)? (?:rot[oa]s?|dañad[oa]s?|defectuos[oa]s?|estropead[oa]s?|aplastad[oa]s?)${E}`,
      `${B}(?:producto|artículo|talla|color|pedido|modelo) equivocad[oa]${E}`,
      `${B}(?:lleg(?:ó|o|aron)|vin(?:o|ieron)) con (?:el |la |los |las |un |una )?(?:[\\wà-ÿ]+ ){0,2}(?:rot[oa]s?|rajad[oa]s?|despegad[oa]s?|dañad[oa]s?|abollad[oa]s?|agrietad[oa]s?|rayad[oa]s?)${E}|${B}(?:podrid[oa]s?|en mal estado|con moho)${E}`,
    ],
    billing_dispute: [
      `${B}(?:cobrado|cobraron|cobrada)[^.!?]{0,20}dos veces${E}`,
      `${B}(?:seguís|seguis|siguen|sigue|continúan|continuan) cobr(?:ando|ándome|andome)${E}|${B}(?:me )?(?:cobraron|cobrasteis|habéis cobrado|han cobrado|cobran)(?: [\\wà-ÿ]+){0,4} (?:después de|despues de|aunque) (?:cancelar|dar de baja|que cancelé|haberme dado de baja)${E}`,
      `${B}(?:cargo|cobro|compra|pago|transacción|transaccion|movimiento)s?(?: [\\wà-ÿ,.€$]+){0,4} que no (?:reconozco|he hecho|hice|autoricé|autorice)${E}|${B}no reconozco (?:el|este|ese|un|ningún|ningun) (?:cargo|cobro|pago|movimiento)${E}`,
      `${B}(?:contracargo|chargeback|disputa con (?:el|mi) banco|reclamar al banco|anular el cargo)${E}`,
    ],
    account_security: [
      `${B}(?:me (?:robaron|han robado)|robad[oa]s?)${E}`,
      `${B}(?:hackead[oa]s?|hackearon|jaquead[oa]|pirate(?:ad[oa]s?|aron))${E}|${B}(?:alguien|otra persona) (?:ha )?(?:entrado|entró|entro|accedido|accedió|iniciado sesión) (?:en|a) mi cuenta${E}`,
      `${B}(?:no fui yo|yo no (?:he sido|fui|lo hice|he hecho|hice))${E}|${B}que no (?:reconozco|he hecho|hice)${E}|${B}(?:clonaron|clonada|clonado)${E}`,
    ],
    legal_compliance: [
      `${B}(?:abogad[oa]|demandar(?:les|los)?)${E}`,
      `${B}(?:RGPD|LOPD|protección de datos|proteccion de datos|datos personales)${E}|${B}(?:oficina del consumidor|OMIC|Profeco|defensa del consumidor|hoja de reclamaciones|poner una denuncia|denunciaros|denunciarles)${E}`,
    ],
    cancellation: [
      `${B}(?:cancelar|anular) (?:mi|la|nuestra) (?:suscripción|suscripcion|membresía|membresia|cuenta)${E}`,
      `${B}dar(?:me)? de baja${E}`,
      `${B}(?:cancelar|anular|terminar|cerrar|borrar|eliminar) (?:mi|la|el|nuestra|nuestro) (?:cuenta|contrato|plan|línea|linea|póliza|poliza|seguro|fibra|servicio)${E}|${B}(?:me voy|me cambio|nos vamos|nos cambiamos) (?:a|con) (?:otra|la competencia|otro)${E}|${B}cambiarme de (?:compañía|compania|operador(?:a)?|banco)${E}`,
    ],
    // Codes the English tables alone used to carry (CONTRACT §3), in this language's own words.
    safety: [
      `${B}(?:suicid(?:arme|arse|io)|quitarme la vida|matarme|hacerme daño|no quiero (?:seguir )?vivir)${E}`,
      `${B}(?:te|lo|la|los|las|les) (?:voy|vamos) a (?:matar|partir la cara|reventar)${E}`,
      `${B}(?:huele|olor|olía) a gas${E}|${B}(?:fuga|escape) de gas${E}`,
      `${B}(?:se )?(?:prendió fuego|prendio fuego|incendió|incendio|empezó a arder|empezo a arder|explotó|exploto)${E}|${B}en llamas${E}`,
      `${B}(?:salía|salia|sale|salió|salio|echa|echaba|echó|echo) humo${E}`,
      `${B}(?:descarga eléctrica|descarga electrica|(?:me|le|nos) (?:dio|dió) (?:una )?(?:descarga|corriente|calambre))${E}`,
      `${B}(?:intoxicación|intoxicacion|intoxicad[oa]s?|reacción alérgica|reaccion alergica)${E}`,
      `${B}(?:acabar con todo|no puedo más|no puedo mas con (?:mi vida|esto))${E}|${B}(?:armad[oa]|con un arma|con un cuchillo|agredi(?:do|da|ó|o))${E}`,
    ],
    complaint: [
      `${B}(?:pésim[oa]|pesim[oa]|malísim[oa]|malisim[oa]|vergonzos[oa]|lamentable|una vergüenza|una verguenza|un desastre|una estafa|una burla|penos[oa])${E}`,
      `${B}(?:el peor|la peor|los peores|las peores) (?:servicio|atención|atencion|empresa|compañía|compania|experiencia|compra|tienda)${E}`,
      `${B}(?:muy |super |totalmente )?(?:decepcionad[oa]s?|insatisfech[oa]s?)${E}`,
      `${B}(?:poner|presentar|hacer|dejar) (?:una )?(?:queja|reclamación|reclamacion|hoja de reclamaciones)${E}|${B}(?:quiero|voy a) quejarme${E}`,
      `${B}(?:qué|que) (?:vergüenza|verguenza|asco|desastre)${E}|${B}la calidad (?:ha bajado|es (?:pésima|pesima|malísima|malisima))${E}`,
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
      `${B}sigue sin funcionar${E}|${B}(?:se cae|se corta|se desconecta) (?:la conexión|la conexion|el internet|internet|la app|la web|todo el rato|cada)${E}`,
    ],
    unresolved_previous_contact: [
      `${B}(?:segunda|tercera|cuarta|quinta|enésima|enesima) vez que (?:les |os |te |le |lo |la )?(?:escribo|llamo|contacto|reclamo|pregunto|pido|aviso|mando|envío|envio|me comunico|me pongo en contacto|reporto|solicito)${E}`,
      `${B}(?:ya )?(?:he|hemos) (?:llamado|escrito|reclamado|contactado)(?: [\\wà-ÿ]+){0,3} (?:varias|muchas|dos|tres|cuatro|cinco|\\d+) veces${E}`,
      `${B}(?:nadie|ninguno) (?:me |nos )?(?:ha |han )?(?:respondido|contestado|llamado|devuelto la llamada|solucionado)${E}`,
      `${B}(?:sigo|seguimos|llevo|llevamos)(?: [\\wà-ÿ]+){0,3} sin (?:respuesta|solución|solucion)${E}|${B}(?:todavía|todavia|aún|aun) sin respuesta${E}`,
      `${B}(?:me |nos )?(?:dijeron|prometieron|aseguraron) que${E}[^.!?]{0,80}${B}(?:pero|y) (?:nada|nadie|no)${E}`,
      `${B}(?:me |nos )?(?:dijisteis|dijeron|dijo|prometisteis|prometieron|quedaron en) que (?:me |nos )?(?:llamar|devolver|contestar|responder|arreglar|solucionar)[\\wà-ÿ]*${E}`,
    ],
    urgency: [`${B}(?:urgente|urgencia|cuanto antes|lo antes posible|lo más pronto posible)${E}`],
    profanity: [`${B}(?:mierda|joder|carajo)${E}`],
    'cat:order_status': [`${B}(?:pedido|entrega|envío|envio)${E}`],
    'cat:returns_refunds': [`${B}(?:cambiarlo|cambiarla|cambi(?:o|ar) (?:la |el |de |por )?(?:talla|número|numero|color|otr[oa])|reembolso|devolución|devolucion|devolver)${E}`],
    'cat:billing': [
      `${B}(?:factura|cobro)${E}`,
      `${B}(?:facturas?|cobros?|cargos?|recibos?|cuota|domiciliación|domiciliacion)${E}`,
    ],
    'cat:account_access': [
      `${B}(?:contraseña|iniciar sesión)${E}`,
      `${B}(?:inicio de sesión|inicio de sesion|no puedo (?:entrar|acceder)|acceder a mi cuenta|código de verificación|codigo de verificacion|cuenta bloqueada)${E}`,
    ],
    'cat:technical': [
      `${B}(?:fallo|falla|conexión|conexion|señal|senal|sin internet|actualización|actualizacion|la aplicación|la aplicacion)${E}`,
    ],
    'cat:sales': [
      `${B}(?:presupuesto|cotización|cotizacion|plan (?:empresa|business|para empresas)|precio para empresas)${E}`,
    ],
    'cat:product_question': [
      `${B}(?:talla|tallas|colores|medidas|disponible|en stock|garantía|garantia|tienen|tenéis|teneis)${E}`,
    ],
    'cat:feedback': [
      `${B}(?:felicidades|enhorabuena|felicitaciones|excelente (?:servicio|atención|atencion)|muy content[oa]|encantad[oa])${E}`,
    ],
  },
  refusals: ['\\bno (?:quiero|necesito|hace falta|deseo|es necesario)\\b', '(?:^|\\s)no\\s*$'],
  refundSettled: [`${B}(?:reembolso|dinero|devolución|devolucion)(?: [\\wà-ÿ]+){0,3} (?:ya )?(?:me |nos )?(?:ha llegado|han llegado|llegó|llego|entró|entro|recibido)${E}|${B}(?:ya )?(?:me |nos )?(?:ha llegado|llegó|llego|recibí|recibi|he recibido)(?: [\\wà-ÿ]+){0,2} (?:el|mi) (?:reembolso|dinero|devolución|devolucion)${E}|${B}pol[ií]ticas? de (?:reembolsos?|devoluci[oó]n(?:es)?)${E}`],
  generalAsks: [
    '\\b(?:solo |sólo )?por curiosidad\\b',
    '\\ben general\\b',
  ],
  negations: ['\\b(?:sin|ningun[oa]?)\\b'],
  clauseBreaks: ['pero', 'sino'],
  futureCues: [`${B}(?:hasta|antes del?|para el|vence|llegará|llegara|próxim[oa]|proxim[oa])${E}`],
  weekModifiers: [`${B}(?:próxim[oa]|proxim[oa]|pasad[oa]|últim[oa]|ultim[oa]|este|esta)${E}`],
  dateWords: `${B}(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|ayer|hoy|mañana|anteayer)${E}`,
  commonWords: [
    'sí', 'si', 'claro', 'vale', 'el', 'la', 'los', 'las', 'de', 'del', 'en', 'que', 'por', 'para',
    'una', 'muy', 'pero', 'está', 'esta', 'estoy', 'tengo', 'quiero', 'necesito', 'hola', 'gracias',
    'mi', 'mis', 'también', 'tambien', 'cuando', 'porque', 'desde', 'hasta', 'nada', 'nadie',
    'todavía', 'todavia', 'aún', 'usted', 'ustedes', 'vuestro', 'vuestra', 'os', 'se', 'lo', 'les',
    'han', 'hemos', 'fue', 'como', 'dónde', 'donde', 'qué', 'cómo', 'cuánto', 'cuanto', 'favor',
    'día', 'días', 'dias', 'semana', 'mañana', 'ayer', 'hoy', 'sin', 'ni', 'yo', 'su', 'sus', 'eso',
    'esto',
  ],
  parseDates: (text, reference) => chrono.es.parse(text, reference),
};
