/** Consistency rules for the translation catalogues, run by catalogue.test.ts (and so by CI). */
type Catalogue = { [key: string]: string | Catalogue };

export function flattenCatalogue(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [nested, text] of flattenCatalogue(value, path)) flat.set(nested, text);
  }
  return flat;
}

const placeholdersOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Every problem as a sentence; an empty list means the catalogues agree. */
export function catalogueProblems(catalogues: Record<string, Catalogue>): string[] {
  const flat = Object.entries(catalogues).map(([language, c]) => [language, flattenCatalogue(c)] as const);
  const problems: string[] = [];
  for (const [language, keys] of flat) {
    for (const [other, otherKeys] of flat) {
      if (other === language) continue;
      for (const key of otherKeys.keys())
        if (!keys.has(key)) problems.push(`${language}: missing key ${key}`);
    }
  }
  for (const [language, keys] of flat) {
    for (const [key, text] of keys)
      if (text.trim() === '') problems.push(`${language}: empty text at ${key}`);
  }
  const [reference, ...others] = flat;
  if (!reference) return problems;
  for (const [language, keys] of others) {
    for (const [key, text] of keys) {
      const expected = reference[1].get(key);
      if (expected === undefined) continue;
      const mine = placeholdersOf(text).join(',');
      const theirs = placeholdersOf(expected).join(',');
      if (mine !== theirs) {
        const show = (list: string) => (list ? list.replace(/(\w+)/g, '{{$1}}') : 'none');
        problems.push(
          `${language}: placeholders of ${key} differ from ${reference[0]} (${show(theirs)} vs ${show(mine)})`,
        );
      }
    }
  }
  return problems;
}
