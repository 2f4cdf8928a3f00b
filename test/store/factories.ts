import type { Conversation } from '../../server/domain/conversation';
import type { Assessment, Brief, Decision } from '../../server/domain/decision';
import type { BriefContext, BriefWriter } from '../../server/brief/writer';

/** Made-up data for store and job tests; overrides change only what a test is about. */
export function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'conv-8812',
    channel: 'chat',
    occurred_at: '2026-11-02T10:15:00Z',
    customer: { id: 'c-19', name: 'Ana Ruiz', email: 'ana@example.com' },
    messages: [
      { role: 'customer', text: 'Where is order #48213? I want to talk to a real person.' },
      { role: 'bot', text: 'It shipped May 2.', helpful: false },
    ],
    ticket: { provider: 'zendesk', id: '12345', url: 'https://acme.zendesk.com/agent/tickets/12345' },
    ...overrides,
  };
}

export function makeDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    escalate: true,
    reasons: ['human_requested'],
    triggers: [
      {
        family: 'customer_request',
        code: 'human_requested',
        detail: 'asked for a person',
        evidence: [{ message: 0, quote: 'I want to talk to a real person' }],
      },
    ],
    priority: 'normal',
    category: 'order_status',
    queue: 'shipping',
    sentiment: { label: 'neutral', score: 0, signals: [] },
    facts: { order_ids: ['48213'], emails: [], phones: [], tracking_numbers: [], amounts: [], dates: [] },
    ...overrides,
  };
}

export function makeBrief(overrides: Partial<Brief> = {}): Brief {
  return {
    summary: 'Ana asks where order 48213 is.',
    attempted: [{ by: 'bot', what: 'gave the ship date', outcome: 'not_helpful' }],
    customer_context: {},
    next_steps: [{ action: 'Check the carrier tracking', why: 'the customer needs a delivery date' }],
    warm_intro: "Hi Ana, I'm taking over from our assistant.",
    customer_message: "I'm connecting you with our shipping team.",
    sources: [],
    writer: 'offline',
    ...overrides,
  };
}

export function makeAssessment(overrides: Partial<Decision> = {}, brief: Partial<Brief> = {}): Assessment {
  return { ...makeDecision(overrides), brief: makeBrief(brief) };
}

/**
 * A test double of the injected BriefWriter interface (not of our own module): it records each call
 * and writes a brief that shows what it was given.
 */
export class RecordingBriefWriter implements BriefWriter {
  readonly name = 'recording';
  readonly calls: Array<{ conversation: Conversation; decision: Decision; context: BriefContext }> = [];

  async write(conversation: Conversation, decision: Decision, context: BriefContext): Promise<Brief> {
    this.calls.push({ conversation, decision, context });
    return makeBrief({
      summary: `assembled for ${conversation.id ?? 'unknown'} in ${decision.queue} at ${context.now.toISOString()}`,
      sources: context.sources ?? [],
      writer: this.name,
    });
  }
}
