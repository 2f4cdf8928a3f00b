import { ChannelPacer } from '../../integrations/slack/delivery';

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
