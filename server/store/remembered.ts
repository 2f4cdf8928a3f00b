/**
 * Values remembered for a fixed time, in a map bounded by `maxEntries`: past it, it starts again
 * empty (a cost of one lookup per entry, never a leak). What the store keeps for a moment to spare
 * the database a statement (a key that authenticated, a tenant found to have follow-up work).
 */
export class Remembered<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry && entry.until > Date.now() ? entry.value : undefined;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
