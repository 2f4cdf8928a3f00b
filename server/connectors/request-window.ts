/**
 * At most `limit` requests in any `windowMs`: a caller past the limit waits for the oldest request to
 * leave the window. Vendors that publish a fixed limit per account (Gorgias: 40 per 20 s) are kept
 * under it by one window per tenant's account.
 */
export class RequestWindow {
  private readonly sent: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      const now = this.now();
      while (this.sent.length > 0 && this.sent[0]! <= now - this.windowMs) this.sent.shift();
      if (this.sent.length < this.limit) {
        this.sent.push(now);
        return;
      }
      const wait = this.sent[0]! + this.windowMs - now;
      await this.sleep(Math.max(1, wait));
    }
  }
}
