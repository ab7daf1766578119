/**
 * File paths and stack frames in the sanitised Markdown become links, for the references the
 * extension resolved to a workspace file. The text nodes are split with DOM APIs and the
 * reference's own text moved into the link, so no customer text is parsed as HTML; the link
 * carries only the id the extension gave it, and the extension opens what that id stands for.
 */
import * as l10n from '@vscode/l10n';
import { referenceKey } from '../src/core/references/referenceTargets';
import { referenceSpans } from '../src/core/references/ticketReferences';

// NodeFilter.SHOW_TEXT, written out so that this also runs on a jsdom tree in plain Node.
const SHOW_TEXT = 0x4;

/** `ids` maps a reference's key to its id. Text already inside a link stays as it is. */
export function linkCodeReferences(root: Element, ids: ReadonlyMap<string, string>): void {
  if (ids.size === 0) return;
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('a')) texts.push(node as Text);
  }
  for (const text of texts) linkWithin(text, ids);
}

function linkWithin(text: Text, ids: ReadonlyMap<string, string>): void {
  const spans = referenceSpans(text.data, '')
    .flatMap((span) => {
      const id = ids.get(referenceKey(span.reference));
      return id ? [{ ...span, id }] : [];
    })
    // From the last to the first, so that splitting leaves the earlier offsets where they were.
    .sort((a, b) => b.start - a.start);
  for (const span of spans) {
    text.splitText(span.end);
    const named = text.splitText(span.start);
    const link = text.ownerDocument.createElement('a');
    link.className = 'code-reference';
    link.href = '#';
    link.dataset.reference = span.id;
    link.title = l10n.t('Open {0} in the editor', referenceKey(span.reference));
    named.replaceWith(link);
    link.append(named);
  }
}
