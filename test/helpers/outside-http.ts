import nock from 'nock';
import { BatonError } from '../../server/errors';

/** Outside services only through nock in this file: loopback stays open for local stand-ins. */
export function onlyNockedHttp(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());
}

/** The typed error `fn` throws; fails the test when it throws nothing or something untyped. */
export function refusal(fn: () => unknown): BatonError {
  try {
    fn();
  } catch (err) {
    if (err instanceof BatonError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}
