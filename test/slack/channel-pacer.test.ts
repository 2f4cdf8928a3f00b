import { webApi } from '@slack/bolt';
import { ChannelPacer, SLACK_RATE_LIMITED_CODE } from '../../integrations/slack/delivery';

describe('ChannelPacer', () => {
  it('spaces posts to one channel by the interval, and leaves other channels alone', async () => {
    const waits: Array<[string, number]> = [];
    let current = '';
    const pacer = new ChannelPacer(1000, async (ms) => {
      waits.push([current, ms]);
    });
    const post = async (channel: string) => {
      current = channel;
      await pacer.wait(channel);
    };
    await post('C1');
    await post('C2');
    await post('C1');
    await post('C1');
    // The first post of each channel goes at once; the second and third to C1 wait about 1 s and 2 s.
    expect(waits.map(([channel]) => channel)).toEqual(['C1', 'C1']);
    expect(waits[0]![1]).toBeGreaterThan(900);
    expect(waits[1]![1]).toBeGreaterThan(1900);
    expect(waits[1]![1]).toBeLessThanOrEqual(2000);
  });
});

describe('Slack rate-limit code', () => {
  it('is the code Bolt gives a rate-limited Web API call', () => {
    // delivery.ts spells it out so that it need not load Bolt; a Bolt upgrade that renames it fails here.
    expect(SLACK_RATE_LIMITED_CODE).toBe(webApi.ErrorCode.RateLimitedError);
  });
});
