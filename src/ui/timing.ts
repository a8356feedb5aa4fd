/** Waiting, for the surfaces: a time, or the next frame on screen. */

/** Resolves (with nothing) after `ms`: one side of a race against an answer that may be late. */
export const wait = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));

/** Resolves after the next frame is shown: a task queued from the frame's callback runs once it is. */
export const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
