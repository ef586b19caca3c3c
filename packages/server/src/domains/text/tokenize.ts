/**
 * Splits feedback into sentences and clauses and each into lower-cased word and emoji tokens. Offsets point into
 * the original text so spans (PII, sentences) can be shown and redacted exactly.
 */

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Letters (incl. umlauts, ß), digits, apostrophes and hyphens inside words ("don't", "rip-off"), emoticons,
 * pictographic emoji, "!" (emphasis) and "," / ";" (they end the reach of a negation).
 */
const tokenPattern = /[:;]-?[()DPp]|<3|\p{Extended_Pictographic}|[\p{L}\p{N}]+(?:['’-][\p{L}]+)*|[!,;]/gu;

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const t = match[0];
    // Emoticons keep their case (":D"); words are compared lower-case, with the typographic apostrophe unified.
    out.push(t[0] === ':' || t[0] === ';' ? t : t.toLowerCase().replace('’', "'"));
  }
  return out;
}

/** Sentence ends: . ! ? … and line breaks, when followed by white space or the end (so "3.5" and "z.B." hold). */
const sentenceEnd = /[.!?…]+(?=\s|$)|\n+/g;

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  };
  for (const match of text.matchAll(sentenceEnd)) {
    const end = (match.index ?? 0) + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}

/**
 * Segments of a sentence: "," and ";" end one (and are dropped), a contrast word ("aber", "but") starts one, so
 * "fast delivery but rude staff" gives the delivery and the staff their own sentiment.
 */
export function clauses(tokenList: readonly string[], contrast: ReadonlySet<string>): string[][] {
  const out: string[][] = [[]];
  for (const t of tokenList) {
    const current = out[out.length - 1] as string[];
    if (t === ',' || t === ';') {
      if (current.length > 0) out.push([]);
      continue;
    }
    if (contrast.has(t) && current.length > 0) out.push([t]);
    else current.push(t);
  }
  if ((out[out.length - 1] as string[]).length === 0 && out.length > 1) out.pop();
  return out;
}
