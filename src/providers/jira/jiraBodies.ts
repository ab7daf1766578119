/**
 * How a site's bodies (descriptions and comments) become Markdown and back, and which version of the
 * platform API carries them in that form: Cloud's v3 speaks Atlassian Document Format, Data
 * Center's v2 wiki markup. Every body passes through here, so the panel renders one format.
 */
export interface JiraBodies {
  /** The platform API's path whose bodies this format reads and writes. */
  readonly api: '/rest/api/2' | '/rest/api/3';
  toMarkdown(body: unknown): string;
  fromMarkdown(markdown: string): unknown;
}

export const dataCenterBodies: JiraBodies = {
  api: '/rest/api/2',
  toMarkdown: (body) => (typeof body === 'string' ? body : ''),
  fromMarkdown: (markdown) => markdown,
};

export const cloudBodies: JiraBodies = dataCenterBodies;
