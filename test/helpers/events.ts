/**
 * Events as the browser makes them for the user's input: `isTrusted` is true. (An event a script
 * constructs and dispatches has it false, and the extension ignores it; happy-dom has no
 * `isTrusted` at all, so the unit tests set it.)
 */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
