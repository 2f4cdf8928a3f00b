import { UpstreamError, ValidationError } from '../../server/errors';
import { gatherContext } from '../../server/connectors/fan-out';
import type { ConnectorContext, ContextConnector } from '../../server/connectors/types';

const context: ConnectorContext = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  conversation: { messages: [{ role: 'customer', text: 'where is my order' }] },
  facts: { order_ids: [], emails: [], phones: [], tracking_numbers: [], amounts: [], dates: [] },
};

function connector(kind: string, fetch: ContextConnector['fetch']): ContextConnector {
  return { kind, fetch };
}

describe('gatherContext', () => {
  it('asks all connectors at once: each waits until every one has started, which only a parallel fan-out allows', async () => {
    const started: string[] = [];
    let release!: () => void;
    const allStarted = new Promise<void>((resolve) => (release = resolve));
    const waiting = (kind: string) =>
      connector(kind, async () => {
        started.push(kind);
        if (started.length === 3) release();
        await allStarted;
        return { from: kind };
      });
    const result = await gatherContext([waiting('zendesk'), waiting('shopify'), waiting('tracking')], context, { timeoutMs: 1000 });
    expect(result.sources).toEqual([
      { kind: 'zendesk', ok: true },
      { kind: 'shopify', ok: true },
      { kind: 'tracking', ok: true },
    ]);
    expect(result.customerContext).toEqual({ zendesk: { from: 'zendesk' }, shopify: { from: 'shopify' }, tracking: { from: 'tracking' } });
  });

  it('marks a connector that outlasts its timeout and keeps the others, even when it ignores its signal', async () => {
    const slow = connector('shopify', () => new Promise(() => undefined));
    const fast = connector('zendesk', async () => ({ requester: 'Ana' }));
    const result = await gatherContext([slow, fast], context, { timeoutMs: 50 });
    expect(result.sources).toEqual([
      { kind: 'shopify', ok: false, error: 'timeout' },
      { kind: 'zendesk', ok: true },
    ]);
    expect(result.customerContext).toEqual({ zendesk: { requester: 'Ana' } });
  });

  it('aborts the signal it gave the connector when the time is up', async () => {
    let seen: AbortSignal | undefined;
    const slow = connector('tracking', (_ctx, signal) => {
      seen = signal;
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    });
    const result = await gatherContext([slow], context, { timeoutMs: 30 });
    expect(seen?.aborted).toBe(true);
    expect(result.sources[0]).toEqual({ kind: 'tracking', ok: false, error: 'timeout' });
  });

  it('tries a connector once more after a passing failure, and only once', async () => {
    let calls = 0;
    const flaky = connector('zendesk', async () => {
      calls += 1;
      if (calls === 1) throw new UpstreamError('unavailable (HTTP 503)');
      return { ok: 1 };
    });
    const failures: string[] = [];
    const result = await gatherContext([flaky], context, { onFailure: (kind, attempt, error) => failures.push(`${kind}#${attempt}: ${error}`) });
    expect(calls).toBe(2);
    expect(result.sources).toEqual([{ kind: 'zendesk', ok: true }]);
    expect(failures).toEqual(['zendesk#1: unavailable (HTTP 503)']);

    let always = 0;
    const down = connector('zendesk', async () => {
      always += 1;
      throw new UpstreamError('unavailable (HTTP 503)');
    });
    const second = await gatherContext([down], context);
    expect(always).toBe(2);
    expect(second.sources).toEqual([{ kind: 'zendesk', ok: false, error: 'unavailable (HTTP 503)' }]);
  });

  it('does not retry a failure that would fail the same way, and never shows the raw error text', async () => {
    let calls = 0;
    const broken = connector('shopify', async () => {
      calls += 1;
      throw new ValidationError('secret token abc123 in the message');
    });
    const result = await gatherContext([broken], context);
    expect(calls).toBe(1);
    expect(result.sources).toEqual([{ kind: 'shopify', ok: false, error: 'failed' }]);
    expect(JSON.stringify(result)).not.toContain('abc123');
  });

  it('leaves a connector with nothing to say out of customer_context but reports it ok', async () => {
    const nothing = connector('tracking', async () => undefined);
    const result = await gatherContext([nothing], context);
    expect(result).toEqual({ customerContext: {}, sources: [{ kind: 'tracking', ok: true }] });
  });

  it('gives an empty context when the tenant has no connectors', async () => {
    expect(await gatherContext([], context)).toEqual({ customerContext: {}, sources: [] });
  });

  describe('a vendor that is down', () => {
    afterEach(() => jest.restoreAllMocks());

    /** A connector that fails as a vendor outage does (a 503) until told otherwise, counting its calls. */
    function vendor(kind = 'tracking') {
      const state = { calls: 0, down: true };
      const c = connector(kind, async () => {
        state.calls += 1;
        if (state.down) throw new UpstreamError('unavailable (HTTP 503)');
        return { parcel: 'moving' };
      });
      return { c, state };
    }

    it('is not asked for a while after five briefs in a row found it down, and is asked again after the pause', async () => {
      const { c, state } = vendor();
      for (let i = 0; i < 5; i++) await gatherContext([c], context);
      expect(state.calls).toBe(10); // each brief tried it twice

      const skipped = await gatherContext([c], context);
      expect(state.calls).toBe(10);
      expect(skipped.sources).toEqual([{ kind: 'tracking', ok: false, error: 'unavailable (HTTP 503); not asked after 5 failures in a row' }]);

      const later = Date.now() + 31_000;
      jest.spyOn(Date, 'now').mockReturnValue(later);
      state.down = false;
      const back = await gatherContext([c], context);
      expect(state.calls).toBe(11);
      expect(back.sources).toEqual([{ kind: 'tracking', ok: true }]);
      expect(back.customerContext).toEqual({ tracking: { parcel: 'moving' } });
    });

    it('needs the failures in a row: a success in between starts the count again', async () => {
      const { c, state } = vendor();
      for (let i = 0; i < 4; i++) await gatherContext([c], context);
      state.down = false;
      await gatherContext([c], context);
      state.down = true;
      for (let i = 0; i < 4; i++) await gatherContext([c], context);
      const calls = state.calls;
      await gatherContext([c], context);
      expect(state.calls).toBe(calls + 2);
    });

    it('is told apart from a vendor that answers: refusals never pause a connector', async () => {
      let calls = 0;
      const refusing = connector('shopify', async () => {
        calls += 1;
        throw new ValidationError('order not found');
      });
      for (let i = 0; i < 8; i++) await gatherContext([refusing], context);
      expect(calls).toBe(8);
    });
  });
});
