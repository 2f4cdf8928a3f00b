import nock from 'nock';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import type { BriefContext } from '../../server/brief/writer';
import { DEFAULT_KB_DIR } from '../../server/config';
import { decide } from '../../server/domain/decide';
import type { Conversation } from '../../server/domain/conversation';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import type { KnowledgeSearch } from '../../server/kb/types';
import { modelBriefJsonSchema } from '../../integrations/openai/brief-schema';
import { SYSTEM_PROMPT } from '../../integrations/openai/build-request';
import { bot, conversation, customer, NOW } from '../helpers/conversation-factory';
import { COMPLETIONS_PATH, completion, errorBody, makeWriter, modelAnswer, OPENAI_ORIGIN } from './chat-completion';

type ChatBody = {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format: { type: string; json_schema?: { name: string; strict: boolean; schema: unknown } };
  max_tokens: number;
};

let kb: KnowledgeSearch;
beforeAll(async () => {
  kb = await loadKnowledgeBase(DEFAULT_KB_DIR);
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const late = conversation(
  [
    customer('Where is order #48213? It was due last week.'),
    bot('It shipped May 2, here is the tracking page.', { helpful: false }),
    customer('That does not help. Can I talk to a real person please?'),
  ],
  { customer: { name: 'Ana Ruiz', tier: 'standard' } },
);

async function prepared(conv: Conversation = late) {
  const decision = decide(conv, { policy: DEFAULT_POLICY, kb, now: NOW });
  const context: BriefContext = { policy: DEFAULT_POLICY, kb, now: NOW };
  const draft = await new OfflineBriefWriter().write(conv, decision, context);
  return { conv, decision, context, draft };
}

/** Captures the bodies nock matched, in order. */
function recorder() {
  const bodies: ChatBody[] = [];
  return {
    bodies,
    match: (body: ChatBody) => {
      bodies.push(body);
      return true;
    },
  };
}

describe('OpenAI brief writer against the Chat Completions API', () => {
  it('asks once for strict JSON-schema output and lays the prose over the offline brief', async () => {
    const { conv, decision, context, draft } = await prepared();
    const policy = draft.next_steps.find((s) => s.policy)?.policy;
    expect(policy).toBeDefined();
    const seen = recorder();
    const answer = modelAnswer({
      next_steps: [
        { action: 'Open a carrier trace for order #48213.', why: 'It is a week late.', policy_id: policy!.id },
        { action: 'Offer the shipping refund.', why: 'Made-up policy.', policy_id: 'kb-not-offered' },
      ],
      suggested_category: 'returns_refunds',
    });
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH, seen.match)
      .matchHeader('authorization', 'Bearer sk-test-key-for-nock-only')
      .reply(200, completion({ content: JSON.stringify(answer) }, { prompt_tokens: 900, completion_tokens: 120 }));

    const result = await makeWriter().enrich(conv, decision, draft, context);
    scope.done();

    expect(seen.bodies).toHaveLength(1);
    const body = seen.bodies[0]!;
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.max_tokens).toBe(800);
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'handoff_brief', strict: true, schema: modelBriefJsonSchema() },
    });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toBe(SYSTEM_PROMPT);
    // The customer's words travel only as JSON data in the user message.
    const document = JSON.parse(body.messages[1]!.content);
    expect(document.transcript[0]).toEqual({ i: 0, role: 'customer', text: 'Where is order #48213? It was due last week.' });
    expect(document.decision.category).toBe(decision.category);
    // The language the warm intro is to be written in, as the rules read it.
    expect(document.decision.language).toBe('en');
    expect(body.messages[0]!.content).not.toContain('#48213');

    expect(result.outcome).toBe('enriched');
    expect(result.usage).toEqual({ prompt_tokens: 900, completion_tokens: 120 });
    const brief = result.brief!;
    expect(brief.writer).toBe('openai:gpt-4o-mini');
    expect(brief.summary).toBe(answer.summary);
    expect(brief.warm_intro).toBe(answer.warm_intro);
    expect(brief.next_steps).toEqual([
      { action: 'Open a carrier trace for order #48213.', why: 'It is a week late.', policy },
      // A policy the request did not offer is not invented into the brief.
      { action: 'Offer the shipping refund.', why: 'Made-up policy.' },
    ]);
    expect(brief.suggested_category).toBe('returns_refunds');
    // What the model may not write stays the offline writer's.
    expect(brief.customer_message).toBe(draft.customer_message);
    expect(brief.attempted).toEqual(draft.attempted);
  });

  it('retries once after a 429, waiting the Retry-After the server asked for', async () => {
    const { conv, decision, context, draft } = await prepared();
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH)
      .reply(429, errorBody('Rate limit reached for gpt-4o-mini', 'requests', null, 'rate_limit_exceeded'), { 'retry-after-ms': '400' })
      .post(COMPLETIONS_PATH)
      .reply(200, completion({ content: JSON.stringify(modelAnswer()) }));
    const started = Date.now();
    const result = await makeWriter().enrich(conv, decision, draft, context);
    scope.done();
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(result.outcome).toBe('enriched');
  });

  it('does not wait for a Retry-After longer than it may: the offline brief stays, one request made', async () => {
    const { conv, decision, context, draft } = await prepared();
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH)
      .reply(429, errorBody('Rate limit reached', 'requests', null, 'rate_limit_exceeded'), { 'retry-after': '120' });
    const result = await makeWriter().enrich(conv, decision, draft, context);
    scope.done();
    expect(result).toEqual({ brief: null, outcome: 'rate_limited', model: 'gpt-4o-mini', usage: { prompt_tokens: 0, completion_tokens: 0 } });
  });

  it('gives up after a 500 and one retry that also fails, leaving the offline brief', async () => {
    const { conv, decision, context, draft } = await prepared();
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH)
      .times(2)
      .reply(500, errorBody('The server had an error while processing your request.', 'server_error'));
    const result = await makeWriter().enrich(conv, decision, draft, context);
    scope.done();
    // A third request would have met disableNetConnect and been reported as 'error'.
    expect(result.outcome).toBe('server_error');
    expect(result.brief).toBeNull();
    // write() hands back the offline brief itself.
    nock(OPENAI_ORIGIN).post(COMPLETIONS_PATH).times(2).reply(503, errorBody('Service unavailable', 'server_error'));
    expect(await makeWriter().write(conv, decision, context)).toEqual(draft);
  });

  it('stops waiting at the timeout and reports it, before the slow answer arrives', async () => {
    const { conv, decision, context, draft } = await prepared();
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH)
      .delay(1500)
      .reply(200, completion({ content: JSON.stringify(modelAnswer()) }));
    const started = Date.now();
    const result = await makeWriter({ timeoutMs: 300 }).enrich(conv, decision, draft, context);
    const took = Date.now() - started;
    scope.done();
    expect(result.outcome).toBe('timeout');
    expect(result.brief).toBeNull();
    expect(took).toBeLessThan(1500);
  });

  it.each([
    ['text that is not JSON', 'Sure! Here is the brief: Ana wants her parcel.', 'stop'],
    ['JSON cut at max_tokens', '{"summary": "Ana has waited a week', 'length'],
    ['JSON of the wrong shape', JSON.stringify({ summary: 'x', escalate: false }), 'stop'],
    ['a category outside the contract', JSON.stringify(modelAnswer({ suggested_category: 'vip_lane' })), 'stop'],
  ])('falls back on %s, and still reports the tokens it cost', async (_name, content, finish) => {
    const { conv, decision, context, draft } = await prepared();
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH)
      .reply(200, completion({ content }, { prompt_tokens: 700, completion_tokens: 50 }, finish));
    const result = await makeWriter().enrich(conv, decision, draft, context);
    scope.done();
    expect(result).toEqual({ brief: null, outcome: 'invalid_output', model: 'gpt-4o-mini', usage: { prompt_tokens: 700, completion_tokens: 50 } });
  });

  it('falls back when the model refuses', async () => {
    const { conv, decision, context, draft } = await prepared();
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH)
      .reply(200, completion({ content: null, refusal: "I'm sorry, I can't help with that request." }, { prompt_tokens: 640, completion_tokens: 11 }));
    const result = await makeWriter().enrich(conv, decision, draft, context);
    scope.done();
    expect(result.outcome).toBe('refused');
    expect(result.brief).toBeNull();
    expect(result.usage).toEqual({ prompt_tokens: 640, completion_tokens: 11 });
  });

  it('switches to JSON mode with validation when the server has no JSON-schema output, and stays there', async () => {
    const { conv, decision, context, draft } = await prepared();
    const seen = recorder();
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH, seen.match)
      .reply(400, errorBody("Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", 'invalid_request_error', 'response_format'))
      .post(COMPLETIONS_PATH, seen.match)
      .reply(200, completion({ content: JSON.stringify(modelAnswer()) }))
      .post(COMPLETIONS_PATH, seen.match)
      .reply(200, completion({ content: JSON.stringify({ summary: 'no other fields' }) }));
    const writer = makeWriter();
    const first = await writer.enrich(conv, decision, draft, context);
    const second = await writer.enrich(conv, decision, draft, context);
    scope.done();

    expect(seen.bodies.map((b) => b.response_format.type)).toEqual(['json_schema', 'json_object', 'json_object']);
    // JSON mode enforces nothing, so the schema travels in the instructions and the answer is validated.
    expect(seen.bodies[1]!.messages[0]!.content).toContain(JSON.stringify(modelBriefJsonSchema()));
    expect(first.outcome).toBe('enriched');
    expect(second.outcome).toBe('invalid_output');
  });

  it('reports other client errors (a wrong key) without retrying', async () => {
    const { conv, decision, context, draft } = await prepared();
    const scope = nock(OPENAI_ORIGIN)
      .post(COMPLETIONS_PATH)
      .reply(401, errorBody('Incorrect API key provided.', 'invalid_request_error', null, 'invalid_api_key'));
    const result = await makeWriter().enrich(conv, decision, draft, context);
    scope.done();
    expect(result.outcome).toBe('error');
  });

  it('keeps within the token budget: the middle of a long transcript goes, the first and last turns stay', async () => {
    const turns = [customer('My order #55120 never arrived and I was charged twice for it.')];
    for (let n = 0; n < 120; n += 1) {
      turns.push(bot(`Bot answer number ${n} with the same tracking advice again and again and again.`, { helpful: false }));
      turns.push(customer(`Reply ${n}: that is still not what I asked, the parcel is not here.`));
    }
    turns.push(customer('Last message: please get me a person now.'));
    const { conv, decision, context, draft } = await prepared(conversation(turns));
    const seen = recorder();
    const scope = nock(OPENAI_ORIGIN).post(COMPLETIONS_PATH, seen.match).reply(200, completion({ content: JSON.stringify(modelAnswer()) }));
    const budget = 2500;
    await makeWriter().enrich(conv, decision, draft, { ...context, policy: { ...context.policy, model_input_token_budget: budget } });
    scope.done();

    const document = JSON.parse(seen.bodies[0]!.messages[1]!.content);
    const transcript = document.transcript as Array<Record<string, unknown>>;
    expect(transcript[0]).toMatchObject({ i: 0, text: turns[0]!.text });
    expect(transcript[transcript.length - 1]).toMatchObject({ i: turns.length - 1, text: 'Last message: please get me a person now.' });
    const marker = transcript.find((t) => 'omitted_turns' in t)!;
    const kept = transcript.filter((t) => 'i' in t).length;
    expect(marker.omitted_turns).toBe(turns.length - kept);
    expect(kept).toBeGreaterThan(4);
    // Rough size check with the same conservative estimate the writer uses (4 ASCII chars a token).
    const sent = seen.bodies[0]!.messages.map((m) => m.content).join('');
    expect(Math.ceil(sent.length / 4)).toBeLessThanOrEqual(budget);
  });
});
