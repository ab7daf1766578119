/** Jira's two body formats and the Markdown the extension shows and the user writes. */
export type { AdfDocument } from './adfNode';
export { adfToMarkdown } from './adfToMarkdown';
export { markdownToAdf } from './markdownToAdf';
export { wikiToMarkdown } from './wikiToMarkdown';
export { markdownToWiki } from './markdownToWiki';
