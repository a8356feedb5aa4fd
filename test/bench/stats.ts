export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export const ms = (value: number) => (value < 1 ? value.toFixed(3) : value.toFixed(1)).padStart(8);

/** "p50 / p95 / max" of samples, in ms. */
export function summary(samples: readonly number[]): string {
  return `p50 ${ms(percentile(samples, 50))}  p95 ${ms(percentile(samples, 95))}  max ${ms(Math.max(...samples))}  (n=${samples.length})`;
}
