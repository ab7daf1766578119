/**
 * Ordinary words of a ticket as index terms: lower case, stop words out, a light suffix stemmer so
 * that "timeouts", "timed" and "timing" meet, since customers describe one fault in other words.
 * The same function prepares documents and queries, so both sides always agree.
 */

/** English function words and the phrases every support ticket carries, which say nothing about the fault. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are aren as at be because been before being below between both but by can ' +
    'cannot could couldn did didn do does doesn doing don down during each even ever every few for from further get gets getting got had ' +
    'has hasn have haven having he her here hers herself him himself his how however i if in into is isn it its itself just let like ' +
    'me more most much must my myself no nor not now of off on once only or other our ours ourselves out over own same she should so ' +
    'some such than that the their theirs them themselves then there these they this those through to too under until up upon us very ' +
    'was wasn we were weren what when where which while who whom why will with within without won would wouldn you your yours yourself ' +
    'yourselves one two three since still again already yet today yesterday tomorrow morning afternoon evening week weeks day days hour ' +
    'hours minute minutes time times please thanks thank hi hello hey dear regards team customer customers client clients ticket issue ' +
    'issues problem problems help asap urgent quickly anyone someone something anything nothing everything see seeing seen saw look ' +
    'looks looking seems seem seemed happen happens happening happened try tried trying able unable need needs needed want wants ' +
    'make makes made use used using work works working worked know known think thought way around back sure really many lot lots ' +
    'via per etc e g ie eg ok okay hmm'
  ).split(' '),
);

const MIN_LENGTH = 3;
const MAX_LENGTH = 40;

/** The words of `text` as terms, in order, repeats kept (term frequency matters to the ranking). */
export function wordTerms(text: string): string[] {
  const found: string[] = [];
  eachWord(text, (term) => found.push(term));
  return found;
}

/** Each word's term with the word as written, for saying which words two tickets share. */
export function words(text: string): { readonly term: string; readonly display: string }[] {
  const found: { term: string; display: string }[] = [];
  eachWord(text, (term, display) => found.push({ term, display }));
  return found;
}

function eachWord(text: string, visit: (term: string, display: string) => void): void {
  for (const display of text.split(/[^\p{L}\p{N}]+/u)) {
    const raw = display.toLowerCase();
    if (raw.length < MIN_LENGTH || raw.length > MAX_LENGTH || STOP_WORDS.has(raw) || /\d{3,}|^\d+$/.test(raw)) continue;
    const term = stem(raw);
    if (term.length >= MIN_LENGTH && !STOP_WORDS.has(term)) visit(term, display);
  }
}

/** Plural, past and progressive endings off, then a final "e": enough for matching, not a linguist's stem. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** "stopped" → "stopp" → "stop": the consonant a suffix doubled goes with it. */
function undouble(word: string): string {
  return /([bdfgmnprt])\1$/.test(word) ? word.slice(0, -1) : word;
}
