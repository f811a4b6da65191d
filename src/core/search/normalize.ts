// Text as search sees it, for the papers and for what the reader types: one function for both,
// so that whatever it folds, a query and a paper fold the same way.

/** Typographic punctuation and its plain form, as the NFKD path below gives it: `Netflix’s` is found by `netflix's`. */
const PLAIN: Readonly<Record<string, string>> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"',
  // NFKD makes a double prime two primes.
  '″': "''",
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-',
  '…': '...',
};
const PUNCTUATION = /[‘’‚‛′“”„‟″‐‑‒–—―…]/g;
/** Text with nothing beyond ASCII but the punctuation above: most newsletter text. */
const ASCII_BUT_PUNCTUATION = /^[\x00-\x7f‘’‚‛′“”„‟″‐‑‒–—―…]*$/;

const plain = (character: string): string => PLAIN[character] ?? character;

/**
 * Lowercase, accents, compatibility forms and typographic punctuation folded (`Über` -> `uber`,
 * `R²R` -> `r2r`, `’` -> `'`). Besides matching more, this keeps most of the index within
 * Latin-1, which V8 stores in one byte a character.
 */
export function normalizeForSearch(text: string): string {
  // Plain ASCII has nothing to fold, and ASCII with curly quotes and dashes only those: both skip
  // the costly Unicode normalisation, which would give the same.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  if (ASCII_BUT_PUNCTUATION.test(text)) return text.replace(PUNCTUATION, plain).toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(PUNCTUATION, plain).toLowerCase();
}

/** The words of a query, normalised; empty when there is nothing to look for. */
export function queryWords(query: string): string[] {
  return normalizeForSearch(query).split(/\s+/).filter((word) => word.length > 0);
}
