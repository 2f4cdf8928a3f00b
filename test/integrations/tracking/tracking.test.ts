import nock from 'nock';
import { carrierTrackingUrl, detectCarrier, isCarrierTrackingUrl, parcelStatus, trackingConnector } from '../../../integrations/tracking';
import type { AftershipTracking } from '../../../integrations/tracking/aftership';
import type { ConnectorContext } from '../../../server/connectors/types';
import { gatherContext } from '../../../server/connectors/fan-out';
import { onlyNockedHttp } from '../../helpers/outside-http';
import { fixture } from '../../helpers/vendor-fixtures';

onlyNockedHttp();

const API = 'https://api.aftership.com';
const NOW = new Date('2026-11-02T10:15:00Z');

function context(numbers: string[], carriers: Record<string, string> = {}): ConnectorContext {
  return {
    tenantId: 't',
    conversation: { messages: [{ role: 'customer', text: 'where is my parcel' }] },
    facts: { order_ids: [], emails: [], phones: [], tracking_numbers: numbers, amounts: [], dates: [], carriers },
  };
}

const tracking = (name: string) => fixture<{ data: { trackings: AftershipTracking[] } }>('tracking', name).data.trackings[0]!;

describe('carriers', () => {
  it('detects the carrier from the number with the same rules as fact extraction', () => {
    expect(detectCarrier('1Z999AA10123456784')).toBe('UPS');
    expect(detectCarrier('9400111899223197428490')).toBe('USPS');
    expect(detectCarrier('JJD0099999999')).toBe('DHL');
    expect(detectCarrier('RR123456785GB')).toBe('Royal Mail');
    expect(detectCarrier('123456789012', 'FedEx')).toBe('FedEx');
    expect(detectCarrier('123456789012')).toBeUndefined();
  });

  it('links only to carriers’ own pages, and tells an allowed link from any other', () => {
    expect(carrierTrackingUrl('UPS', '1Z999AA10123456784')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(carrierTrackingUrl('Unknown Express', 'X1')).toBeUndefined();
    // A shop's own carrier name named like an inherited member of an object is unknown too.
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) expect(carrierTrackingUrl(name, 'X1')).toBeUndefined();
    expect(isCarrierTrackingUrl('https://tools.usps.com/go/TrackConfirmAction?tLabels=1')).toBe(true);
    for (const bad of ['http://www.ups.com/track', 'https://ups.com.evil.example/track', 'https://user:pw@www.ups.com/', 'javascript:alert(1)', '']) {
      expect(isCarrierTrackingUrl(bad)).toBe(false);
    }
  });
});

describe('parcel status from AfterShip shapes', () => {
  it('in transit with no checkpoint for 5 days or more is stuck; the latest checkpoint is the newest one, whatever the order', () => {
    const s = parcelStatus(tracking('aftership-in-transit'), NOW);
    expect(s).toMatchObject({ status: 'InTransit', delivered: false, exception: false, stuck: true, days_since_last_checkpoint: 9, expected_delivery: '2026-10-27' });
    expect(s.latest_checkpoint).toEqual({ at: '2026-10-23T20:15:00-07:00', message: 'Departed from Facility', location: 'Sacramento, CA, USA' });
    expect(parcelStatus(tracking('aftership-in-transit'), NOW, 10).stuck).toBe(false);
  });

  it('delivered is never stuck; an exception is flagged with its sub-status', () => {
    expect(parcelStatus(tracking('aftership-delivered'), new Date('2026-12-30T00:00:00Z'))).toMatchObject({ delivered: true, stuck: false, substatus: 'Delivered_001' });
    expect(parcelStatus(tracking('aftership-exception'), NOW)).toMatchObject({ exception: true, delivered: false, detail: 'Returned to sender', substatus: 'Exception_011' });
  });
});

describe('tracking connector', () => {
  it('looks each parcel up in AfterShip at once and summarises it', async () => {
    const scope = nock(API, { reqheaders: { 'as-api-key': 'as-key-0123456789' } })
      .get('/tracking/2024-04/trackings')
      .query({ tracking_numbers: '1Z999AA10123456784' })
      .reply(200, fixture('tracking', 'aftership-in-transit'))
      .get('/tracking/2024-04/trackings')
      .query({ tracking_numbers: 'JJD0099999999' })
      .reply(200, fixture('tracking', 'aftership-exception'));
    const connector = trackingConnector({ apiKey: 'as-key-0123456789', now: () => NOW });
    const result = await gatherContext([connector], context(['1Z999AA10123456784', 'JJD0099999999'], { '1Z999AA10123456784': 'UPS' }));
    scope.done();
    const section = result.customerContext.tracking as { summary: string; parcels: Record<string, unknown>[] };
    expect(section.summary).toBe('UPS 1Z999AA10123456784: InTransit, no carrier update for 9 days (stuck); DHL JJD0099999999: Exception (Returned to sender)');
    expect(section.parcels[0]).toMatchObject({ carrier: 'UPS', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784', stuck: true });
  });

  it('a number AfterShip does not track still gets its carrier and link', async () => {
    const scope = nock(API).get('/tracking/2024-04/trackings').query(true).reply(200, fixture('tracking', 'aftership-none'));
    const result = await gatherContext([trackingConnector({ apiKey: 'as-key-0123456789', now: () => NOW })], context(['9400111899223197428490']));
    scope.done();
    expect((result.customerContext.tracking as { parcels: unknown[] }).parcels[0]).toEqual({
      number: '9400111899223197428490', carrier: 'USPS', url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490',
      summary: 'USPS 9400111899223197428490: not tracked in AfterShip',
    });
  });

  it('without an AfterShip key it works offline; with no tracking number it has nothing to say', async () => {
    const offline = await gatherContext([trackingConnector({})], context(['1Z999AA10123456784']));
    expect(offline.customerContext.tracking).toMatchObject({ summary: 'UPS 1Z999AA10123456784: status not looked up' });
    expect(await gatherContext([trackingConnector({})], context([]))).toEqual({ customerContext: {}, sources: [{ kind: 'tracking', ok: true }] });
  });

  it('a bad API key marks the source, without the key in it', async () => {
    const scope = nock(API).get('/tracking/2024-04/trackings').query(true).reply(401, { meta: { code: 401, message: 'Invalid API key' } });
    const result = await gatherContext([trackingConnector({ apiKey: 'as-key-0123456789' })], context(['1Z999AA10123456784']));
    scope.done();
    expect(result.sources).toEqual([{ kind: 'tracking', ok: false, error: 'unauthorized (HTTP 401)' }]);
  });
});
