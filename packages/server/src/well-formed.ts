/**
 * JSON may escape a lone surrogate ("\ud800"): valid JSON, but not valid Unicode, and DuckDB refuses text that holds
 * one. Clients send them when they cut a string in the middle of an emoji. Every JSON body Cairn reads goes through
 * `parseWellFormed`, which turns each lone surrogate into U+FFFD (as a UTF-8 decoder does with broken bytes), in
 * values and in keys. Raw UTF-8 never decodes to a lone surrogate, so only texts that escape one are walked.
 */
const surrogateEscape = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/** Whether parsing `text` may give a string that is not well-formed Unicode. */
export const mayEscapeLoneSurrogate = (text: string): boolean => surrogateEscape.test(text);

/** `JSON.parse`, its strings and keys made well-formed. */
export function parseWellFormed(text: string, parse: (text: string) => unknown = JSON.parse): unknown {
  const value = parse(text);
  return mayEscapeLoneSurrogate(text) ? makeWellFormed(value) : value;
}

/**
 * Replaces lone surrogates in every string and key of a parsed JSON value, in place (strings are immutable, so a
 * top-level string comes back replaced). Iterative: a 32 KB message can nest thousands of levels deep.
 */
export function makeWellFormed(root: unknown): unknown {
  if (typeof root === 'string') return root.toWellFormed();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        if (typeof item === 'string') node[i] = item.toWellFormed();
        else if (typeof item === 'object' && item !== null) pending.push(item);
      });
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        const value = typeof item === 'string' ? item.toWellFormed() : item;
        if (typeof item === 'object' && item !== null) pending.push(item);
        const wellFormedKey = key.toWellFormed();
        if (wellFormedKey === key && value === item) continue;
        if (wellFormedKey !== key) delete record[key];
        // Defined, not assigned: an own "__proto__" key must stay a key, never become the prototype.
        Object.defineProperty(record, wellFormedKey, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return root;
}

type JsonBodyParser = (
  request: never,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) => void;

/** Wraps a Fastify JSON body parser so the bodies it hands on are well-formed (see above). */
export function wellFormedJsonParser<P extends JsonBodyParser>(parse: P): P {
  return ((request: never, body: string, done: (error: Error | null, value?: unknown) => void) =>
    parse(request, body, (error, value) =>
      error ? done(error) : done(null, mayEscapeLoneSurrogate(body) ? makeWellFormed(value) : value),
    )) as P;
}
