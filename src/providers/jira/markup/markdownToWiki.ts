import { markdownTokens } from './markdownParser';
import { attribute, type MarkdownToken } from './markdownToken';

/** What Jira's wiki renderer reads as markup in running text, escaped with a backslash. */
function escapeWiki(text: string): string {
  return text.replace(/[\\{}[\]|*_!^~+?-]/g, (char, at: number, whole: string) => (char === '-' && !isBoundaryDash(whole, at) ? char : `\\${char}`));
}

/** A dash opens or closes strike-through only beside a space or an edge: inner dashes (well-known) stay as they are. */
function isBoundaryDash(text: string, at: number): boolean {
  return at === 0 || at === text.length - 1 || /\s/.test(text[at - 1] ?? '') || /\s/.test(text[at + 1] ?? '');
}

/** Markdown (a note the user wrote) to Jira Data Center wiki markup. */
export function markdownToWiki(markdown: string): string {
  return tokensToWiki(markdownTokens(markdown));
}

/** A Markdown document's tokens to wiki markup. */
export function tokensToWiki(tokens: readonly MarkdownToken[]): string {
  const out: string[] = [];
  const lists: string[] = [];
  let quotes = 0;
  let prefix = '';
  let row: string[] = [];
  let header = false;
  let cell = false;
  // A new block starts after a blank line, except list items, which follow each other line by line.
  const startBlock = (): void => {
    if (lists.length === 0 && out.length > 0 && out.at(-1) !== '' && !(quotes > 0 && out.at(-1) === '{quote}')) out.push('');
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        startBlock();
        prefix = `${token.tag}. `;
        break;
      case 'paragraph_open':
        if (prefix === '') startBlock();
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (lists.length === 0) startBlock();
        lists.push(token.type === 'bullet_list_open' ? '*' : '#');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        prefix = `${lists.join('')} `;
        break;
      case 'blockquote_open':
        if (quotes++ === 0) {
          startBlock();
          out.push('{quote}');
        }
        break;
      case 'blockquote_close':
        if (--quotes === 0) out.push('{quote}');
        break;
      case 'th_open':
      case 'td_open':
        cell = true;
        row.push('');
        break;
      case 'th_close':
      case 'td_close':
        cell = false;
        break;
      case 'inline':
        if (cell) {
          row[row.length - 1] = inline(token.children ?? []);
          break;
        }
        out.push(prefix + inline(token.children ?? []));
        prefix = '';
        break;
      case 'fence':
      case 'code_block':
        startBlock();
        if (prefix !== '') out.push(prefix.trimEnd());
        prefix = '';
        out.push(...codeBlock(token));
        break;
      case 'hr':
        startBlock();
        out.push('----');
        break;
      case 'table_open':
        startBlock();
        break;
      case 'thead_open':
        header = true;
        break;
      case 'thead_close':
        header = false;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close': {
        const bar = header ? '||' : '|';
        out.push(`${bar}${row.map((cell) => cell || ' ').join(bar)}${bar}`);
        row = [];
        break;
      }
    }
  }
  return out.join('\n').trim();
}

/**
 * `{code:lang}` for a language, `{noformat}` without: Jira's `{code}` alone would highlight as Java.
 * Wiki markup has no escape inside these blocks, so code holding one block's closing tag takes the other.
 */
function codeBlock(token: MarkdownToken): string[] {
  const language = token.info.trim().split(/\s+/)[0] ?? '';
  const code = /^[\w+#.-]+$/.test(language) && !token.content.includes('{code}') ? `code:${language}` : 'code';
  const macro = code === 'code' && !token.content.includes('{noformat}') ? 'noformat' : code;
  const close = macro === 'noformat' ? '{noformat}' : '{code}';
  return [`{${macro}}`, `${token.content}${close}`];
}

function inline(tokens: readonly MarkdownToken[]): string {
  const stack: { text: string; href?: string }[] = [{ text: '' }];
  const append = (text: string): void => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'strong_open':
      case 'strong_close':
        append('*');
        break;
      case 'em_open':
      case 'em_close':
        append('_');
        break;
      case 's_open':
      case 's_close':
        append('-');
        break;
      case 'code_inline':
        append(`{{${token.content.replace(/[{}]/g, '\\$&')}}}`);
        break;
      case 'link_open':
        stack.push({ text: '', href: attribute(token, 'href') });
        break;
      case 'link_close': {
        const link = stack.length > 1 ? stack.pop() : undefined;
        if (link) append(link.text === escapeWiki(link.href ?? '') ? `[${link.href ?? ''}]` : `[${link.text}|${link.href ?? ''}]`);
        break;
      }
      case 'image':
        append(`!${attribute(token, 'src')}!`);
        break;
      // The ticket panel renders a single newline as a break (markdown-it's `breaks`), so Jira shows it as one too.
      case 'softbreak':
      case 'hardbreak':
        append('\\\\ ');
        break;
      default:
        append(escapeWiki(token.content));
    }
  }
  return stack.map((part) => part.text).join('');
}
