import { listOf } from '../fact-phrases';
import type { WarmIntroTexts } from './types';

/** Spanish, addressing the customer with tú. */

const greeting = (name: string | undefined) => (name ? `¡Hola, ${name}!` : '¡Hola!');
/** "pedido #1", "pedidos #1 y #2". */
const pedido = (ids: string[]) => (ids.length === 1 ? `pedido ${ids[0]}` : `pedidos ${listOf(ids, 'es')}`);
/** "tu pedido #1", "tus pedidos #1 y #2". */
const tuPedido = (ids: string[]) => `${ids.length === 1 ? 'tu' : 'tus'} ${pedido(ids)}`;
/** " del pedido #1", " de los pedidos #1 y #2"; "" for none. */
const delPedido = (ids: string[]) => (ids.length === 0 ? '' : ` ${ids.length === 1 ? 'del' : 'de los'} ${pedido(ids)}`);
const REQUEST = 'Tengo tu solicitud delante.';

export const ES: WarmIntroTexts = {
  greeting,
  opening: (name, botSpoke) =>
    `${greeting(name)} ${
      botSpoke ? 'A partir de ahora te atiendo yo en lugar de nuestro asistente' : 'Gracias por escribirnos'
    }, y he leído todo lo que nos has contado.`,
  apology: {
    security: 'Entiendo que es algo preocupante y lo siento mucho.',
    frustrated: 'Siento mucho que todo esto te esté resultando tan frustrante.',
    trouble: 'Lamento las molestias.',
  },
  issue: {
    multi_issue: ({ orders }) =>
      `Veo que nos escribes por varias cuestiones${orders.length > 0 ? ` relacionadas con ${tuPedido(orders)}` : ''}.`,
    account_security: () => 'Veo que se trata de la seguridad de tu cuenta.',
    billing_dispute: ({ money }) => `Veo que se trata del cargo${money ? ` de ${money}` : ''} que estás reclamando.`,
    damaged_order: ({ orders }) =>
      orders.length > 0
        ? `Veo que en ${tuPedido(orders)} te ha llegado un producto dañado o equivocado.`
        : 'Veo que te ha llegado un producto dañado o que no es el que pediste.',
    refund_request: ({ orders, money }) => `Veo que se trata de tu reembolso${delPedido(orders)}${money ? ` (${money})` : ''}.`,
    order_status: ({ orders }) =>
      orders.length > 1 ? `Veo que quieres saber dónde están ${tuPedido(orders)}.` : `Veo que quieres saber dónde está ${orders.length === 1 ? tuPedido(orders) : 'tu pedido'}.`,
    returns_refunds: ({ orders }) => `Veo que se trata de tu devolución${delPedido(orders)}.`,
    billing: ({ money }) => `Veo que se trata de un cargo${money ? ` de ${money}` : ''} en tu cuenta.`,
    account_access: () => 'Veo que necesitas recuperar el acceso a tu cuenta.',
    cancellation: () => 'Veo que quieres cancelar tu suscripción.',
    technical: () => 'Veo que te has encontrado con un error.',
    product_question: () => 'Veo que tienes una pregunta sobre nuestros productos.',
    sales: () => 'Veo que quieres información sobre precios para tu pedido.',
    legal: () => REQUEST,
    feedback: () => 'Veo que quieres contarnos cómo ha sido tu experiencia con nosotros.',
    other: ({ orders }) => (orders.length > 0 ? `Veo que se trata de ${tuPedido(orders)}.` : REQUEST),
  },
  article: (title) => (title ? `el artículo "${title}"` : 'un artículo de ayuda'),
  tried: {
    failedArticles: (list, count) =>
      `Sé que nuestro asistente ya te envió ${list} y ${count === 1 ? 'no te sirvió' : 'no te sirvieron'}, así que no te haré perder el tiempo con lo mismo.`,
    failedAnswers: 'Sé que las respuestas de nuestro asistente no te han servido, así que voy a enfocarlo de otra manera.',
    sentArticles: (list) => `Sé que nuestro asistente ya te envió ${list}.`,
  },
  known: {
    orders: (ids) => (ids.length === 1 ? `tu número de pedido (${ids[0]})` : `tus números de pedido (${listOf(ids, 'es')})`),
    tracking: 'el número de seguimiento',
    email: 'tu correo electrónico',
    phone: 'tu número de teléfono',
    amount: (money) => `el importe (${money})`,
    sentence: (list) => `Ya tengo ${list}, así que no hace falta que repitas nada.`,
  },
  next: {
    safety: 'Lo primero es tu seguridad: si ahora mismo estás en peligro, ponte en contacto con los servicios de emergencia de tu zona.',
    securingAccount: 'Lo primero que voy a hacer es proteger tu cuenta para que nadie pueda cambiar nada más, y después resolveremos lo demás.',
    askOrderNumber: '¿Me puedes indicar tu número de pedido para localizarlo? Así me pongo con ello enseguida.',
    checkingCarrier: 'Estoy revisando ahora mismo la última actualización del transportista y te escribo por aquí en breve.',
    lookingIntoIt: 'Me pongo con ello ahora mismo y te escribo por aquí en breve.',
  },
};
