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
      `${B}(?:alguém|alguem) (?:pode|poderia) me (?:ligar|atender|retornar)${E}|${B}(?:me liguem|liguem para mim|me ligue)${E}|${B}falar com (?:o |um |uma )?(?:supervisor(?:a)?|gerente|responsável|responsavel)${E}`,
    ],
    accept: [`^\\W*(?:sim|claro|pode ser|por favor)${E}[^?]{0,25}$`],
    rejection: [`${B}(?:isso )?n[ãa]o (?:me )?(?:ajuda|ajudou|funciona|funcionou|resolve|resolveu)${E}`],
    acceptance: [`${B}(?:funcionou|resolveu|problema resolvido)${E}`],
    refund_request: [
      `${B}(?:reembolso|estorno|meu dinheiro de volta)${E}`,
      `${B}(?:quero|exijo|preciso) (?:o |meu )?dinheiro de volta${E}|${B}(?:devolvam|devolver|estornem|estornar|reembolsem|reembolsar) (?:o |meu )?(?:dinheiro|valor|pagamento)?${E}`,
    ],
    // A delivery that arrived broken or was the wrong thing (CONTRACT §3 damaged_order).
    damaged_order: [
      `${B}(?:chegou|chegaram|veio|vieram|recebi)(?: [\\wà-ÿ]+)? (?:quebrad[oa]s?|danificad[oa]s?|estragad[oa]s?|partid[oa]s?|amassad[oa]s?|com defeito)${E}`,
      `${B}(?:produto|item|tamanho|cor|pedido|modelo) errad[oa]${E}`,
      `${B}(?:chegou|chegaram|veio|vieram) com (?:a |o |as |os |um |uma )?(?:[\\wà-ÿ]+ ){0,2}(?:trincad[oa]s?|quebrad[oa]s?|rachad[oa]s?|rasgad[oa]s?|amassad[oa]s?|riscad[oa]s?|furad[oa]s?)${E}|${B}(?:chegou|chegaram|veio|vieram) (?:trincad[oa]s?|rasgad[oa]s?|rachad[oa]s?|podre)${E}|${B}(?:mofad[oa]s?|podres?)${E}`,
    ],
    billing_dispute: [
      `${B}(?:cobrado|cobrou|cobraram|cobrada)[^.!?]{0,20}duas vezes${E}`,
      `${B}(?:cobraram|cobrou|cobrando|continuam cobrando|continua cobrando|debitaram)(?: [\\wà-ÿ]+){0,4} (?:depois|após|apos|mesmo) (?:que |de )?(?:cancelei|cancelar|ter cancelado|o cancelamento)${E}`,
      `${B}(?:compra|cobrança|cobranca|débito|debito|transação|transacao|pagamento)s?(?: [\\wà-ÿ0-9,.$€]+){0,4} que (?:eu )?não (?:fiz|reconheço|reconheco|autorizei)${E}|${B}não reconheço (?:essa|esta|a) (?:cobrança|compra|transação)${E}`,
      `${B}(?:contestar (?:no|com o) (?:cartão|cartao|banco)|chargeback)${E}`,
    ],
    account_security: [
      `${B}(?:roubad[oa]s?|roubaram)${E}`,
      `${B}(?:hackearam|hackeada|hackeado|invadiram|invadida|invadido|clonaram|clonado|clonada)${E}|${B}(?:alguém|alguem) (?:entrou|acessou) (?:na|a) minha conta${E}|${B}(?:não|nao) fui eu${E}|${B}que (?:eu )?(?:não|nao) fiz${E}`,
    ],
    legal_compliance: [
      `${B}advogad[oa]${E}`,
      `${B}(?:LGPD|RGPD|dados pessoais|Procon|Reclame Aqui|Anatel|ANAC|juizado|vou processar|processar vocês|processar voces|processar a empresa|processo judicial|CNPD|DECO)${E}`,
    ],
    cancellation: [
      `${B}cancelar (?:minha|a|nossa) (?:assinatura|conta|associação)${E}`,
      `${B}cancelar (?:o |meu |minha |a )?(?:plano|contrato|serviço|servico|linha|seguro|apólice|apolice|conta)${E}|${B}(?:trocar|mudar) de (?:operadora|banco|empresa|fornecedor)${E}|${B}(?:vou|vamos) (?:para|pra) (?:a )?concorr[eê]ncia${E}`,
    ],
    // Codes the English tables alone used to carry (CONTRACT §3), in this language's own words.
    safety: [
      `${B}(?:me matar|suicid(?:ar|io|ar-me)|tirar (?:a )?minha (?:própria )?vida|acabar com (?:a )?minha vida|me machucar|não quero mais viver|nao quero mais viver)${E}`,
      `${B}(?:eu )?(?:vou|vamos) (?:te|lhe|vos) (?:matar|bater|quebrar|espancar)${E}|${B}(?:te|vos) (?:mato|quebro)${E}`,
      `${B}(?:cheiro de gás|cheiro de gas|vazamento de gás|vazamento de gas|fuga de gás|fuga de gas)${E}`,
      `${B}(?:pegou fogo|pega fogo|começou a pegar fogo|em chamas|explodiu|incendiou)${E}`,
      `${B}(?:saiu|sai|saindo|soltou|solta|soltando) (?:muita )?(?:fumaça|fumaca|fumo)${E}`,
      `${B}(?:choque elétrico|choque eletrico|levei (?:um )?choque|tomei (?:um )?choque|deu (?:um )?choque)${E}`,
      `${B}(?:intoxicação|intoxicacao|intoxicad[oa]s?|reação alérgica|reacao alergica|me queimei|se queimou|queimadura)${E}`,
      `${B}(?:cheiro|cheirinho) (?:forte |muito forte )?de (?:gás|gas)${E}|${B}(?:armad[oa]|agrediu|agredid[oa])${E}|${B}(?:cortei|machuquei|queimei|quebrei) (?:a |o |minha |meu )?(?:mão|mao|braço|braco|perna|pé|pe|dedo|pulso|cabeça|cabeca)${E}`,
    ],
    complaint: [
      `${B}(?:péssim[oa]|pessim[oa]|horrível|horrivel|vergonhos[oa]|uma vergonha|lamentável|lamentavel|um absurdo|absurdo|descaso|um lixo|uma porcaria|palhaçada|palhacada|desrespeito)${E}`,
      `${B}(?:o pior|a pior) (?:serviço|servico|atendimento|empresa|experiência|experiencia|compra|loja|operadora)${E}`,
      `${B}(?:muito |super |totalmente )?(?:decepcionad[oa]s?|insatisfeit[oa]s?)${E}`,
      `${B}(?:fazer|registrar|abrir|deixar) (?:uma )?(?:reclamação|reclamacao|queixa)${E}|${B}(?:quero|vou) reclamar${E}`,
      `${B}(?:que vergonha|que absurdo|que descaso|um desrespeito)${E}|${B}(?:desligou na minha cara|me tratou mal|atendimento (?:péssimo|pessimo|horrível|horrivel|ruim))${E}`,
    ],
    custom_pricing: [
      `${B}(?:preço|preco|preços|precos|orçamento|orcamento|desconto|tarifa|cotação|cotacao)s? (?:especial|especiais|por volume|para empresas|corporativ[oa]s?|de atacado|no atacado|empresarial)${E}`,
      `${B}(?:preço|preco|orçamento|orcamento|desconto|cotação|cotacao|quanto)${E}[^.!?]{0,60}${B}(?:\\d{2,}|centenas|milhares) (?:unidades|usuários|usuarios|licenças|licencas|funcionários|funcionarios|pessoas|colaboradores|lojas|filiais)${E}`,
    ],
    account_change: [
      `${B}(?:mudar|alterar|trocar|atualizar|corrigir)(?: [\\wà-ÿ]+)? (?:o |a |os |as |meu |minha |meus |minhas )?(?:endereço|endereco|e-?mail|número de (?:telefone|celular)|numero de (?:telefone|celular)|telefone|celular|nome|sobrenome|cartão|cartao|forma de pagamento|método de pagamento|metodo de pagamento|dados(?: cadastrais| bancários| bancarios)?|conta bancária|conta bancaria)${E}`,
    ],
    bug_report: [
      `${B}(?:não|nao|n) (?:está |esta |tá |ta )?(?:funciona|funcionando|abre|abrindo|carrega|carregando|conecta|conectando)${E}|${B}parou de funcionar${E}`,
      `${B}(?:trava|travou|travando|travado|crasha|crashou|fecha sozinh[oa]|fechou sozinh[oa]|reinicia sozinh[oa]|congelou|congela)${E}`,
      `${B}(?:(?:dá|da|deu|aparece|apareceu|aparecendo) (?:um |o )?erro|mensagem de erro|código de erro|codigo de erro)${E}`,
      `${B}(?:a internet|o sinal|a conexão|a conexao|o app|o aplicativo|o site)(?: [\\wà-ÿ]+){0,2} (?:cai|caiu|caindo|não funciona|nao funciona)${E}`,
    ],
    unresolved_previous_contact: [
      `${B}(?:segunda|terceira|quarta|quinta|enésima|enesima) vez que (?:eu )?(?:ligo|escrevo|mando|envio|entro em contato|reclamo|peço|peco|pergunto|falo|solicito|abro)${E}`,
      `${B}(?:já |ja )?(?:liguei|mandei|enviei|escrevi|reclamei|entrei em contato|abri (?:um )?chamado)(?: [\\wà-ÿ]+){0,3} (?:várias|varias|muitas|duas|três|tres|quatro|\\d+) vezes${E}`,
      `${B}(?:ninguém|ninguem) (?:me |nos )?(?:respondeu|retornou|ligou|resolveu|deu retorno)${E}|${B}(?:continuo|sigo|estou|fiquei) sem (?:resposta|retorno|solução|solucao)${E}|${B}até agora nada${E}`,
      `${B}(?:\\d+|vários|varios|dois|três|tres) protocolos${E}`,
      `${B}(?:me )?(?:disseram|prometeram|falaram) que${E}[^.!?]{0,80}${B}(?:mas|e) (?:nada|ninguém|ninguem|não|nao)${E}`,
      `${B}(?:já |ja )(?:é|e) a (?:segunda|terceira|quarta|quinta) vez${E}|${B}reclamo aqui sem resposta${E}|${B}(?:sem resposta|sem retorno) (?:até|ate) (?:agora|hoje)${E}`,
    ],
    urgency: [`${B}(?:urgente|o mais rápido possível|o quanto antes)${E}`],
    profanity: [`${B}(?:porra|caralho)${E}`],
    'cat:order_status': [`${B}(?:pedido|encomenda|entrega|envio)${E}`],
    'cat:returns_refunds': [`${B}(?:troca(?:r)? (?:o |a |de |por )?(?:tamanho|produto|número|numero|cor|outr[oa])|reembolso|devolução|devolucao|devolver)${E}`],
    'cat:billing': [
      `${B}(?:fatura|cobrança|cobranca)${E}`,
      `${B}(?:boleto|mensalidade|pagamento|conta de luz|segunda via|débito|debito)${E}`,
    ],
    'cat:account_access': [
      `${B}senha${E}`,
      `${B}(?:acessar (?:a |minha )?conta|entrar na (?:minha )?conta|código de verificação|codigo de verificacao|conta bloqueada)${E}`,
    ],
    'cat:technical': [
      `${B}(?:erro|falha|roteador|sinal|atualização|atualizacao|o aplicativo|o app)${E}`,
    ],
    'cat:sales': [
      `${B}(?:orçamento|orcamento|cotação|cotacao|plano empresarial|preço de atacado|preco de atacado)${E}`,
    ],
    'cat:product_question': [
      `${B}(?:tamanho|tamanhos|medidas|disponível|disponivel|em estoque|compatível|compativel|garantia|vocês têm|voces tem|tem (?:em|no|na))${E}`,
    ],
    'cat:feedback': [
      `${B}(?:parabéns|parabens|excelente atendimento|muito satisfeit[oa]|adorei)${E}`,
    ],
  },
  refusals: ['\\bn[ãa]o\\s+(?:quero|preciso|precisa|desejo)\\b', '(?:^|\\s)n[ãa]o\\s*$'],
  refundSettled: [`${B}(?:reembolso|estorno|dinheiro)(?: [\\wà-ÿ]+){0,3} (?:já |ja )?(?:caiu|entrou|chegou|foi (?:creditado|feito))${E}|${B}(?:recebi|já recebi|ja recebi) (?:o |meu )?(?:reembolso|estorno|dinheiro)${E}|${B}pol[ií]tica de (?:reembolso|devolu[çc][ãa]o|troca)s?${E}`],
  generalAsks: [
    '\\b(?:s[óo] )?por curiosidade\\b',
    '\\bem geral\\b',
  ],
  negations: ['\\bn[ãa]o\\b'],
  clauseBreaks: ['mas', 'porém', 'porem'],
  futureCues: [`${B}(?:até|ate|antes de|chegará|chegara|próxim[oa]|proxim[oa]|vence)${E}`],
  weekModifiers: [`${B}(?:próxim[oa]|proxim[oa]|passad[oa]|últim[oa]|ultim[oa]|este|esta|nesta|neste)${E}`],
  dateWords: `${B}(?:janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|ontem|hoje|amanhã|anteontem)${E}`,
  commonWords: [
    'pode', 'sim', 'claro', 'beleza', 'o', 'de', 'não', 'nao', 'que', 'para', 'uma', 'meu', 'minha',
    'meus', 'minhas', 'você', 'voce', 'vc', 'vocês', 'voces', 'obrigado', 'obrigada', 'olá', 'ola',
    'está', 'esta', 'estou', 'tenho', 'quero', 'preciso', 'já', 'ainda', 'mas', 'também', 'tambem',
    'pelo', 'pela', 'pra', 'pro', 'isso', 'esse', 'essa', 'foi', 'muito', 'nada', 'ninguém',
    'ninguem', 'dia', 'dias', 'dos', 'das', 'nos', 'nas', 'em', 'ontem', 'hoje', 'amanhã', 'amanha',
    'sem', 'seu', 'sua', 'ele', 'ela', 'eu', 'né', 'tá', 'ta',
  ],
  parseDates: (text, reference) => chrono.pt.parse(text, reference),
};
