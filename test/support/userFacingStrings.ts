/**
 * Finds English text that reaches the user without `l10n.t`: string literals and template
 * texts given to VS Code's message, pick, input, progress and status bar functions, or set as a
 * label, description, detail, tooltip, title, prompt, placeholder or message. Icons (`$(check)`),
 * punctuation and placeholders are not text; `vscode.l10n.t(...)` and anything computed are
 * trusted, since their own literals are checked where they are written.
 */
import * as ts from 'typescript';

export interface UnlocalisedText {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

const USER_FACING_CALLS = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'setStatusBarMessage',
  'showQuickPick',
  'showInputBox',
  'appendText',
  'appendMarkdown',
  'TreeItem',
]);

const USER_FACING_PROPERTIES = new Set(['label', 'description', 'detail', 'tooltip', 'title', 'prompt', 'placeHolder', 'message', 'name']);

/** What the ticket panel's page shows: element text (the `el` helper's `text`), and the attributes people read or hear. */
export const WEBVIEW_PROPERTIES: ReadonlySet<string> = new Set(['text', 'textContent', 'placeholder', 'aria-label', 'alt']);

/** Letters outside icons and placeholders: a word someone reads. */
function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replace(/\$\([\w~-]+\)/g, '').replace(/\{\w+\}/g, ''));
}

function isL10nCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText());
}

/** The literal pieces of an expression that would be shown as they are. */
function literalTexts(node: ts.Expression): ts.Node[] {
  if (isL10nCall(node)) return [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text) ? [node] : [];
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    return parts.some(hasWords) ? [node] : [];
  }
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalTexts(node.expression);
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => (ts.isSpreadElement(e) ? [] : literalTexts(e)));
  return [];
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function propertyName(name: ts.PropertyName | ts.MemberName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

export function unlocalisedTexts(file: string, source: string, extraProperties: ReadonlySet<string> = new Set()): UnlocalisedText[] {
  const properties = new Set([...USER_FACING_PROPERTIES, ...extraProperties]);
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && USER_FACING_CALLS.has(calleeName(node) ?? '')) {
      for (const argument of node.arguments ?? []) found.push(...literalTexts(argument));
    } else if (ts.isPropertyAssignment(node) && properties.has(propertyName(node.name) ?? '')) {
      found.push(...literalTexts(node.initializer));
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      properties.has(node.left.name.text)
    ) {
      found.push(...literalTexts(node.right));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found.map((node) => ({
    file,
    line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    text: node.getText(),
  }));
}
