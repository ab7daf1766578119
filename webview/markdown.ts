/**
 * Customer Markdown to DOM. markdown-it runs with raw HTML off (tags become text) and its own link
 * validation; DOMPurify (cure53's sanitiser, audited and used by VS Code itself) then keeps only
 * an allow-list of tags and attributes and only http, https and mailto addresses. Either alone
 * would stop the known payloads; together one mistake is not enough.
 */
import type { DOMPurify } from 'dompurify';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'em',
  'strong',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

export function renderMarkdown(source: string, purify: DOMPurify): DocumentFragment {
  const html = markdown.render(source);
  const fragment = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    RETURN_DOM_FRAGMENT: true,
  });
  // Images load only over https (the panel's CSP says the same).
  for (const image of fragment.querySelectorAll('img')) {
    if (!/^https:/i.test(image.getAttribute('src') ?? '')) image.remove();
  }
  for (const link of fragment.querySelectorAll('a')) {
    if (!SAFE_URL.test(link.getAttribute('href') ?? '')) link.removeAttribute('href');
  }
  return fragment;
}
