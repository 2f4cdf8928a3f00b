import { listOf } from '../fact-phrases';
import type { WarmIntroTexts } from './types';

/** Brazilian Portuguese, addressing the customer with você; no word takes the agent's gender ("obrigado/a"). */

const greeting = (name: string | undefined) => (name ? `Olá, ${name}!` : 'Olá!');
/** "pedido #1", "pedidos #1 e #2". */
const pedido = (ids: string[]) => (ids.length === 1 ? `pedido ${ids[0]}` : `pedidos ${listOf(ids, 'pt')}`);
/** "seu pedido #1", "seus pedidos #1 e #2". */
const seuPedido = (ids: string[]) => `${ids.length === 1 ? 'seu' : 'seus'} ${pedido(ids)}`;
/** " do pedido #1", " dos pedidos #1 e #2"; "" for none. */
const doPedido = (ids: string[]) => (ids.length === 0 ? '' : ` ${ids.length === 1 ? 'do' : 'dos'} ${pedido(ids)}`);
const REQUEST = 'Estou com a sua solicitação aqui.';

export const PT: WarmIntroTexts = {
  greeting,
  opening: (name, botSpoke) =>
    botSpoke
      ? `${greeting(name)} A partir de agora, eu continuo o atendimento no lugar do nosso assistente e já li tudo o que você escreveu.`
      : `${greeting(name)} Agradeço por entrar em contato. Já li tudo o que você escreveu.`,
  apology: {
    security: 'Sei que isso é preocupante, e sinto muito.',
    frustrated: 'Sinto muito que tudo isso tenha sido tão frustrante.',
    trouble: 'Peço desculpas pelo transtorno.',
  },
  issue: {
    multi_issue: ({ orders }) => `Vejo que você tem mais de uma questão${orders.length > 0 ? ` sobre ${seuPedido(orders)}` : ''}.`,
    account_security: () => 'Vejo que se trata da segurança da sua conta.',
    billing_dispute: ({ money }) => `Vejo que você está contestando a cobrança${money ? ` de ${money}` : ''}.`,
    damaged_order: ({ orders }) =>
      `Vejo que você recebeu um item danificado ou errado${orders.length === 0 ? '' : ` ${orders.length === 1 ? 'no' : 'nos'} ${seuPedido(orders)}`}.`,
    refund_request: ({ orders, money }) => `Vejo que se trata do seu reembolso${doPedido(orders)}${money ? ` (${money})` : ''}.`,
    order_status: ({ orders }) =>
      orders.length > 1 ? `Vejo que você quer saber onde estão ${seuPedido(orders)}.` : `Vejo que você quer saber onde está ${orders.length === 1 ? seuPedido(orders) : 'seu pedido'}.`,
    returns_refunds: ({ orders }) => `Vejo que se trata da sua devolução${doPedido(orders)}.`,
    billing: ({ money }) => `Vejo que se trata de uma cobrança${money ? ` de ${money}` : ''} na sua conta.`,
    account_access: () => 'Vejo que você precisa recuperar o acesso à sua conta.',
    cancellation: () => 'Vejo que você quer cancelar sua assinatura.',
    technical: () => 'Vejo que você se deparou com um erro.',
    product_question: () => 'Vejo que você tem uma dúvida sobre nossos produtos.',
    sales: () => 'Vejo que você quer saber os preços para o seu pedido.',
    legal: () => REQUEST,
    feedback: () => 'Vejo que você quer nos contar como foi a sua experiência conosco.',
    other: ({ orders }) => (orders.length > 0 ? `Vejo que se trata ${orders.length === 1 ? 'do' : 'dos'} ${seuPedido(orders)}.` : REQUEST),
  },
  article: (title) => (title ? `o artigo "${title}"` : 'um artigo de ajuda'),
  tried: {
    failedArticles: (list) => `Sei que o nosso assistente já enviou ${list} e que isso não resolveu, então não vou repetir a mesma coisa.`,
    failedAnswers: 'Sei que as respostas do nosso assistente não ajudaram, então vou tentar de outra forma.',
    sentArticles: (list) => `Sei que o nosso assistente já enviou ${list}.`,
  },
  known: {
    orders: (ids) => (ids.length === 1 ? `o número do seu pedido (${ids[0]})` : `os números dos seus pedidos (${listOf(ids, 'pt')})`),
    tracking: 'o código de rastreamento',
    email: 'seu e-mail',
    phone: 'seu telefone',
    amount: (money) => `o valor (${money})`,
    sentence: (list) => `Já tenho ${list}, então não precisa repetir nada.`,
  },
  next: {
    safety: 'Sua segurança vem em primeiro lugar: se você estiver em perigo agora, entre em contato com os serviços de emergência da sua região.',
    securingAccount: 'Primeiro vou proteger sua conta para que nada mais possa ser alterado, e depois resolvemos o resto.',
    askOrderNumber: 'Você pode me passar o número do seu pedido para eu localizá-lo? Assim consigo dar andamento.',
    checkingCarrier: 'Estou verificando agora a última atualização da transportadora e volto a falar com você por aqui em breve.',
    lookingIntoIt: 'Vou verificar isso agora e volto a falar com você por aqui em breve.',
  },
};
