// Shared by every bench part (docs/PERFORMANCE.md): samples, percentiles and the figure shapes that
// `npm run bench -- --json` prints. Each figure is measured against its raw statement in the same run.

/** A repeated operation: p95 of the app's path and of the best raw statement for the same answer. */
export interface Figure {
  p95Ms: number;
  rawP95Ms: number;
}
/** A one-off operation (an import, a start): the app's time and the raw baseline's. */
export interface Timed {
  ms: number;
  rawMs: number;
}

export const p95 = (samples: number[]): number => {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};
export const median = (samples: number[]): number => {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Times `fn` over `inputs` (cycled) for `runs` samples after `warmup` unmeasured calls. */
export async function samples<T>(inputs: readonly T[], fn: (input: T) => unknown, runs = 200, warmup = 20, start = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(inputs[i % inputs.length]);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = inputs[(start + i) % inputs.length];
    const t = performance.now();
    await fn(input);
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * App path and raw statement over the same inputs, interleaved in blocks so load spikes hit both alike.
 * `block: 'pairs'` runs them call by call, in a random order per pair: for writes, whose slow calls are
 * the periodic work the database does every few commits (a WAL checkpoint, FTS5 merging its segments
 * every 4th commit): in a fixed order (or blocks of a fixed size) that work lands on one side.
 */
export async function figure<T>(
  inputs: readonly T[],
  app: (input: T) => unknown,
  raw: (input: T) => unknown,
  runs = 200,
  block: number | 'pairs' = Math.max(10, Math.floor(runs / 10)),
): Promise<Figure> {
  const a: number[] = [];
  const r: number[] = [];
  if (block === 'pairs') {
    for (let i = 0; i < 20; i++) {
      await app(inputs[i % inputs.length]);
      await raw(inputs[i % inputs.length]);
    }
    let seed = 2026;
    for (let i = 0; i < runs; i++) {
      const input = inputs[i % inputs.length];
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const sides: Array<[(input: T) => unknown, number[]]> =
        seed & 0x4000
          ? [
              [app, a],
              [raw, r],
            ]
          : [
              [raw, r],
              [app, a],
            ];
      for (const [fn, out] of sides) {
        const t = performance.now();
        await fn(input);
        out.push(performance.now() - t);
      }
    }
    return { p95Ms: round(p95(a)), rawP95Ms: round(p95(r)) };
  }
  // both warmed on every input first, so neither side meets a page the other has not read yet
  for (const input of inputs) {
    await app(input);
    await raw(input);
  }
  // each block goes on through the inputs where the last stopped (all inputs are measured, not the
  // first `block`), and the side that goes first alternates
  for (let done = 0, n = 0; done < runs; done += block, n++) {
    const [first, firstOut, second, secondOut] = n % 2 ? [raw, r, app, a] : [app, a, raw, r];
    firstOut.push(...(await samples(inputs, first, block, 2, done)));
    secondOut.push(...(await samples(inputs, second, block, 2, done)));
  }
  return { p95Ms: round(p95(a)), rawP95Ms: round(p95(r)) };
}

export const ratio = (f: Figure | Timed): number => ('p95Ms' in f ? f.p95Ms / f.rawP95Ms : f.ms / f.rawMs);
