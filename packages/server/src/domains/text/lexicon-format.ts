/** Lexicons are kept as `word:score` lists separated by white space; `_` joins the words of a phrase. */
export function parseLexicon(source: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of source.split(/\s+/)) {
    if (entry === '') continue;
    const colon = entry.lastIndexOf(':');
    out.set(entry.slice(0, colon).replaceAll('_', ' '), Number(entry.slice(colon + 1)));
  }
  return out;
}
