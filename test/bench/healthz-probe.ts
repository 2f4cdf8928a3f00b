import { performance } from 'node:perf_hooks';

/** What other requests wait while a benchmark's work runs: /healthz asked again as soon as it answers. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** /healthz answer times (ms) while `during` runs, asking again as soon as each answer arrives. */
export async function healthzWhile<T>(url: string, during: Promise<T>): Promise<{ result: T; times: number[] }> {
  const times: number[] = [];
  let done = false;
  const finished = during.finally(() => {
    done = true;
  });
  while (!done) {
    const t0 = performance.now();
    await fetch(`${url}/healthz`).then((r) => r.text());
    times.push(performance.now() - t0);
  }
  return { result: await finished, times };
}
