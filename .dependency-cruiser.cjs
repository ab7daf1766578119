// The import rules of the architecture (README, "Layout"), checked by dependency-cruiser in `npm run lint`.
// Layers, lowest first: src/core, src/shared, src/providers, src/git, src/ui, src/extension.ts. A layer
// imports only from itself and the layers it lists; the webview bundle only from src/shared and src/core.
// Paths are relative to the folder cruised from, so test/unit/dependencyRules.test.ts checks these same
// rules on small trees of its own.

/** Fails an import from files under `from` of any project file outside `allowed`. */
function layer(name, from, allowed, comment) {
  return { name, comment, severity: 'error', from: { path: from }, to: { path: '^(src|webview)/', pathNot: allowed } };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood, tested or bundled apart.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-vscode-outside-the-editor-layers',
      comment: 'src/core, src/shared, src/providers and the webview run without the editor (in plain Node tests, in the browser).',
      severity: 'error',
      from: { path: '^(src/(core|shared|providers)|webview)/' },
      to: { path: '^vscode$|(^|/)node_modules/@types/vscode/' },
    },
    layer('core-imports-only-core', '^src/core/', '^src/core/', 'The rules of the product depend on nothing else of the project.'),
    layer('shared-imports-core-and-shared', '^src/shared/', '^src/(core|shared)/', 'The panel protocol is used by both bundles.'),
    layer('providers-import-core-shared-providers', '^src/providers/', '^src/(core|shared|providers)/', 'Ticket sources know nothing of git or the UI.'),
    layer('git-imports-core-and-git', '^src/git/', '^src/(core|git)/', 'Git access knows nothing of ticket sources or the UI.'),
    layer('ui-imports-the-layers-below', '^src/ui/', '^src/(core|shared|providers|git|ui)/', 'Only src/extension.ts sits above the UI.'),
    layer('webview-imports-shared-and-core', '^webview/', '^(webview|src/(shared|core))/', 'The browser bundle shares only the protocol and the pure rules.'),
    {
      name: 'ui-common-imports-no-feature',
      comment: 'Feature folders of src/ui (queue, sources, ticket, branch, handoff, experts) build on common, never the other way.',
      severity: 'error',
      from: { path: '^src/ui/common/' },
      to: { path: '^src/ui/', pathNot: '^src/ui/common/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle or a wrong direction through types is still a design error.
    tsPreCompilationDeps: true,
    // No tsConfig: the project has no path aliases, and with one a bare `esbuild` resolves to ./esbuild.mjs.
    exclude: { path: '^(dist|out|\\.vscode-test|test-results|sample)/' },
  },
};
