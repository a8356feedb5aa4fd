/**
 * `run` at once, then at most once per `ms`: the calls within an interval are folded into one at
 * its end. For changes a page may make on every frame (`replaceState`, mutations) that we only
 * need to look at now and then; a quiet page sets no timer at all.
 */
export function throttled(run: () => void, ms: number): (() => void) & { cancel(): void } {
  let last = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    last = performance.now();
    run();
  };
  const call = () => {
    if (trailing !== undefined) return;
    const wait = last + ms - performance.now();
    if (wait <= 0) fire();
    else
      trailing = setTimeout(() => {
        trailing = undefined;
        fire();
      }, wait);
  };
  return Object.assign(call, {
    cancel() {
      clearTimeout(trailing);
      trailing = undefined;
    },
  });
}
