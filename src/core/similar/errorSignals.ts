/**
 * The parts of a ticket that name a fault rather than describe it: exception names, error codes,
 * messages in quotes, the families runtimes give one fault under different names, and the
 * functions and files of stack frames. Each comes as an index term and as the text a person
 * recognises, so a match can say why.
 *
 * Frames are read in the shapes Java, Kotlin, .NET, Node, Python, Go, Ruby and PHP print, and
 * names are normalised across them: `PlaceOrder`, `placeOrder` and `place_order` are one function,
 * `OrderService.java`, `order_service.py` and `orderService.ts` one file.
 */
import { errorTextsIn } from '../references/errorTexts';
import { LIBRARY, referencesIn } from '../references/ticketReferences';
import { wordTerms } from './textTerms';

export type SignalKind = 'error' | 'file' | 'function';

export interface Signal {
  readonly kind: SignalKind;
  /** The index term: no spaces, lower case. */
  readonly term: string;
  /** What the ticket says: `NullPointerException`, `OrderService.java`, `placeOrder`. */
  readonly display: string;
}

const EXCEPTION = /\b((?:[A-Za-z_][\w]*\.)*([A-Z][A-Za-z0-9]*(?:Exception|Error|Fault|Panic|Failure)))\b/g;
/** errno names (ECONNREFUSED), vendor codes (ORA-00060, SQLSTATE 40P01), HTTP statuses said as such, Windows HRESULTs. */
const CODES: readonly RegExp[] = [
  /\b(E[A-Z]{4,14})\b/g,
  /\b([A-Z]{2,5}-\d{3,6})\b/g,
  /\bSQLSTATE[\s[:=]*([0-9A-Z]{5})\b/gi,
  /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?: code)?|error code)[\s:=]*([45]\d\d)\b/gi,
  /\b([45]\d\d) (?:Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Gone|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/gi,
  /\b(0x8[0-9A-F]{7})\b/gi,
];

/**
 * One fault, many names: what a Java, .NET, Python, Node or Go service prints for it, and what a
 * customer calls it. Matched on the whole text; the family's name is the term.
 */
const FAMILIES: readonly { readonly family: string; readonly pattern: RegExp }[] = [
  {
    family: 'null-reference',
    pattern:
      /NullPointerException|NullReferenceException|cannot read propert(?:y|ies) of (?:null|undefined)|of undefined \(reading|'NoneType' object|nil pointer dereference|invalid memory address|undefined is not an object|is null or undefined|object reference not set/i,
  },
  { family: 'timeout', pattern: /time[sd]? ?out|TimeoutException|ETIMEDOUT|deadline exceeded|context deadline|\b504\b|took too long/i },
  { family: 'connection-refused', pattern: /ECONNREFUSED|connection refused|ConnectException|actively refused|connect: connection refused/i },
  { family: 'connection-reset', pattern: /ECONNRESET|connection reset|broken pipe|EPIPE|connection (?:was )?closed|socket hang up|unexpected EOF/i },
  { family: 'out-of-memory', pattern: /OutOfMemory|out of memory|MemoryError|heap limit|OOMKilled|exit code 137|memory leak|runs? out of RAM/i },
  {
    family: 'permission',
    pattern: /EACCES|EPERM|permission denied|access (?:is )?denied|AccessDenied|UnauthorizedAccessException|PermissionError|\b403\b|forbidden/i,
  },
  { family: 'not-found', pattern: /ENOENT|FileNotFound|no such file|NoSuchKey|NoSuchFile|\b404\b|does not exist/i },
  {
    family: 'duplicate-key',
    pattern: /duplicate key|unique constraint|UniqueViolation|IntegrityError|ORA-00001|\b23505\b|DuplicateKey|already exists|Duplicate entry|ER_DUP_ENTRY/i,
  },
  { family: 'deadlock', pattern: /deadlock|ORA-00060|40P01|lock wait timeout|ER_LOCK_WAIT|could not serialize/i },
  {
    family: 'tls-certificate',
    pattern:
      /certificate|x509|PKIX|SSLHandshake|handshake_failure|SSL routines|AuthenticationException: The remote certificate|CERT_HAS_EXPIRED|self[- ]signed/i,
  },
  {
    family: 'parse',
    pattern:
      /JSONDecodeError|Unexpected token|JsonException|JsonParseException|JsonReaderException|invalid character .{1,12} looking for|SyntaxError: JSON|Unexpected end of JSON|malformed JSON|MismatchedInputException|XmlException/i,
  },
  { family: 'index-range', pattern: /IndexOutOfBounds|IndexError|ArgumentOutOfRange|index out of range|out of bounds|ArrayIndexOutOfBounds/i },
  {
    family: 'unauthenticated',
    pattern: /\b401\b|Unauthorized|invalid[_ ]token|token (?:has )?expired|ExpiredJwt|jwt expired|TokenExpired|invalid_grant|session expired/i,
  },
  { family: 'rate-limit', pattern: /\b429\b|Too Many Requests|rate[- ]limit|throttl/i },
  { family: 'encoding', pattern: /UnicodeDecodeError|UnicodeEncodeError|MalformedInput|charset|encoding|mojibake|garbled|invalid byte sequence|UTF-?8/i },
  { family: 'dns', pattern: /ENOTFOUND|EAI_AGAIN|getaddrinfo|UnknownHostException|no such host|Name or service not known|could not resolve host/i },
  { family: 'disk-full', pattern: /ENOSPC|no space left|disk (?:is )?full|DiskFull|quota exceeded|insufficient (?:disk )?space/i },
  {
    family: 'stale-write',
    pattern: /ConcurrentModification|OptimisticLock|StaleObjectState|DbUpdateConcurrency|StaleDataError|race condition|lost update|version conflict/i,
  },
  { family: 'stack-overflow', pattern: /StackOverflow|RecursionError|maximum call stack|stack overflow|maximum recursion depth|goroutine stack exceeds/i },
  { family: 'divide-by-zero', pattern: /ArithmeticException|ZeroDivisionError|DivideByZeroException|divide by zero|division by zero|integer divide by zero/i },
  {
    family: 'pool-exhausted',
    pattern:
      /pool (?:is )?exhausted|too many connections|remaining connection slots|connection from (?:the )?pool|HikariPool|max_connections|QueuePool limit|ConnectionPoolTimeout/i,
  },
  {
    family: 'type-cast',
    pattern: /ClassCastException|InvalidCastException|cannot be cast|interface conversion|TypeError: .* is not a function|is not a function/i,
  },
  {
    family: 'date-time',
    pattern: /DateTimeParseException|timezone|time zone|daylight saving|\bDST\b|UTC offset|FormatException: String .* not recognized as a valid DateTime/i,
  },
];

/** Function names in stack frames; Go writes a frame's file on the line after its function. */
const FRAME_FUNCTIONS: readonly { readonly pattern: RegExp; readonly fileOnNextLine?: true }[] = [
  // Java, Kotlin, .NET, Node: `at pkg.Class.method(` and `at Class.method (`
  { pattern: /\bat (?:async )?((?:[\w$<>`]+\.)*[\w$<>`]+)\s?\(/g },
  // Node's bare `at method (file:line)` and `at file:line` are covered above or have no function.
  // Python: `File "x.py", line 3, in method`
  { pattern: /File "[^"\n]+", line \d+, in ([\w<>]+)/g },
  // Go: `pkg.(*Type).Method(0xc…)` or `pkg.Function(…)` on its own line
  { pattern: /^\s*(?:[\w.-]+\/)*([\w-]+\.(?:\(\*?\w+\)\.)?\w+)\([^\n]*\)\s*$/gm, fileOnNextLine: true },
  // Ruby: `from app/x.rb:12:in 'method'`
  { pattern: /:in [`']((?:[\w:]+[#.])?[\w?!]+)'/g },
  // PHP: `#0 /app/src/Order.php(42): App\Order->place()`
  { pattern: /#\d+ [^\n]*?: ([\w\\]+(?:->|::)\w+)\(/g },
];

const GENERIC_FUNCTIONS: ReadonlySet<string> = new Set(['anonymous', 'main', 'run', 'invoke', 'call', 'apply', 'module', 'lambda', 'init', 'new', 'object']);
const GENERIC_ERRORS: ReadonlySet<string> = new Set(['error', 'exception', 'failure', 'fault', 'panic', 'runtimeerror', 'systemexception']);
const MAX_SIGNALS = 60;

export function errorSignals(title: string, text: string): Signal[] {
  const whole = `${title}\n${text}`;
  const found = new Map<string, Signal>();
  const add = (signal: Signal): void => {
    if (signal.term.length >= 3 && !GENERIC_ERRORS.has(signal.term) && !found.has(`${signal.kind}:${signal.term}`) && found.size < MAX_SIGNALS)
      found.set(`${signal.kind}:${signal.term}`, signal);
  };
  for (const match of whole.matchAll(EXCEPTION)) add({ kind: 'error', term: normaliseName(match[2] ?? ''), display: match[2] ?? '' });
  for (const regex of CODES) for (const match of whole.matchAll(regex)) add({ kind: 'error', term: normaliseName(match[1] ?? ''), display: match[1] ?? '' });
  for (const { family, pattern } of FAMILIES) if (pattern.test(whole)) add({ kind: 'error', term: `family-${family}`, display: family.replace(/-/g, ' ') });
  for (const signal of frameFunctions(whole)) add(signal);
  for (const signal of fileSignals(whole)) add(signal);
  // Last, so that names and frames are never crowded out by the words of a long message.
  for (const message of errorTextsIn({ title, description: text, comments: [] }).filter((m) => /\s/.test(m)))
    for (const word of new Set(wordTerms(message))) add({ kind: 'error', term: `said-${word}`, display: message });
  return [...found.values()];
}

/** A frame of the runtime or of a dependency (Node's `node:internal/…`, Ruby's `<internal:…>`): its names are not the project's code. */
const RUNTIME_FRAME = /\bnode:internal\/|<internal:/;

/** The line a match starts on, with the next one too when that is where the frame's file is. */
function frameLines(text: string, index: number, withNext: boolean): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const lineEnd = text.indexOf('\n', index);
  const end = lineEnd === -1 || !withNext ? lineEnd : text.indexOf('\n', lineEnd + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

/**
 * `Acme.Orders.OrderService.PlaceOrder` gives `OrderService` and `PlaceOrder`, both as functions of
 * the code. Frames inside dependencies and the runtime are left out: every ticket through the same
 * library shares them, and a reader takes "Same code: listOnTimeout" for noise.
 */
function frameFunctions(text: string): Signal[] {
  const signals: Signal[] = [];
  for (const { pattern, fileOnNextLine } of FRAME_FUNCTIONS) {
    for (const match of text.matchAll(pattern)) {
      const lines = frameLines(text, match.index, fileOnNextLine === true);
      if (LIBRARY.test(lines) || RUNTIME_FRAME.test(lines)) continue;
      const parts = (match[1] ?? '').split(/\.|->|::|#|\\|\(\*?|\)/).filter((part) => part !== '');
      for (const part of parts.slice(-2)) {
        const term = normaliseName(part);
        if (term.length >= 4 && !GENERIC_FUNCTIONS.has(term) && /[a-z]/i.test(part)) signals.push({ kind: 'function', term, display: part });
      }
    }
  }
  return signals;
}

/**
 * A path ends in `.ext` and never crosses a line, so only the lines holding one are handed to the
 * reference patterns, which are slow on prose: indexing reads tens of thousands of tickets.
 */
const PATH_END = /\.[a-z]{1,7}(?!\w)/;

function fileSignals(text: string): Signal[] {
  const lines = text.split('\n').filter((line) => PATH_END.test(line));
  return referencesIn(lines.join('\n'), 'text')
    .filter((reference) => !reference.library)
    .map((reference) => {
      const name = reference.path.slice(reference.path.lastIndexOf('/') + 1);
      return { kind: 'file' as const, term: normaliseName(name.replace(/\.[^.]+$/, '')), display: name };
    });
}

/** One spelling for every language's naming: `PlaceOrder`, `placeOrder`, `place_order`, `place-order` → `placeorder`. */
function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
