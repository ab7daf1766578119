/**
 * How a site's bodies (descriptions and comments) become Markdown and back, and which version of the
 * platform API carries them in that form: Cloud's v3 speaks Atlassian Document Format, Data
 * Center's v2 wiki markup. Every body passes through here, so the panel renders one format (through
 * the same sanitiser as every other source) and a note written in Markdown arrives as Jira's own.
 */
import { adfToMarkdown, markdownToAdf, markdownToWiki, wikiToMarkdown, type AdfDocument } from './markup';

export interface JiraBodies {
  /** The platform API's path whose bodies this format reads and writes. */
  readonly api: '/rest/api/2' | '/rest/api/3';
  toMarkdown(body: unknown): string;
  fromMarkdown(markdown: string): string | AdfDocument;
}

export const dataCenterBodies: JiraBodies = {
  api: '/rest/api/2',
  toMarkdown: (body) => (typeof body === 'string' ? wikiToMarkdown(body) : adfToMarkdown(body)),
  fromMarkdown: markdownToWiki,
};

export const cloudBodies: JiraBodies = {
  api: '/rest/api/3',
  // A service desk comment written as text may still come back as text.
  toMarkdown: (body) => (typeof body === 'string' ? wikiToMarkdown(body) : adfToMarkdown(body)),
  fromMarkdown: markdownToAdf,
};
