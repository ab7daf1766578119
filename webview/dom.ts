/**
 * Builds elements with text set through `textContent`: customer data never passes through an
 * HTML parser here. Attributes are only the fixed names the panel chooses.
 */
export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: readonly Node[] = []): HTMLElementTagNameMap[K] {
  return create(tag, options, children) as HTMLElementTagNameMap[K];
}

/** The same for custom elements (VS Code Elements), which the tag map does not know. */
export function custom(tag: string, options: ElementOptions = {}, children: readonly Node[] = []): HTMLElement {
  return create(tag, options, children);
}

function create(tag: string, options: ElementOptions, children: readonly Node[]): HTMLElement {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
