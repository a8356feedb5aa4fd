import { describe, expect, it } from 'vitest';
import { IdleQueue } from '../../src/page/idle';

/** A job of `steps` units, one unit per run() call. */
function job(steps: number, log: string[], name: string) {
  let left = steps;
  return { run: () => (log.push(name), --left === 0) };
}

describe('IdleQueue', () => {
  it('tells each job’s owner when that job is done, even when others are queued behind it', async () => {
    const log: string[] = [];
    const done: string[] = [];
    const queue = new IdleQueue();
    queue.push(job(3, log, 'full'), () => done.push('full'));
    queue.push(job(1, log, 'added'), () => done.push('added'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toEqual(['full', 'added']);
    expect(log.filter((name) => name === 'full')).toHaveLength(3);
  });
});
