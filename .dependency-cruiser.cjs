// The import graph's rules (checked by test/unit/import-graph.test.ts): no cycles anywhere, and in the client,
// features sit over a small core that never imports them (the store root composing their slices is the one exception).
const FEATURES = '(lounge|hall|arcade|passport|wallet|account|console)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes load order matter and hides which module owns what; move the shared piece down.',
      from: { path: '^(client|server|shared)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      severity: 'warn',
      comment:
        'A cycle through `import type` costs nothing at run time but still tangles ownership; untangle it.',
      from: { path: '^(client|server|shared)/' },
      to: { circular: true },
    },
    {
      name: 'core-not-to-features',
      severity: 'error',
      comment: 'client/core is beneath every feature; only the store root may compose the features slices.',
      from: { path: '^client/core/', pathNot: '^client/core/store\\.ts$' },
      to: { path: `^client/${FEATURES}/` },
    },
    {
      name: 'store-root-takes-only-slices',
      severity: 'error',
      comment: 'The store root imports a feature only for its slice file.',
      from: { path: '^client/core/store\\.ts$' },
      to: { path: `^client/${FEATURES}/`, pathNot: `^client/${FEATURES}/[A-Za-z]+Slice\\.ts$` },
    },
    {
      name: 'slices-stay-small',
      severity: 'error',
      comment: 'A slice imports only core, shared and its own feature, so composing it pulls in no screen.',
      from: { path: `^client/${FEATURES}/[A-Za-z]+Slice\\.ts$` },
      to: { path: `^client/${FEATURES}/[^/]+/`, pathNot: `^client/${FEATURES}/[A-Za-z]+Slice\\.ts$` },
    },
    {
      name: 'no-feature-internals',
      severity: 'error',
      comment: 'A feature uses another only through the files at its top level; its subfolders are its own.',
      from: { path: `^client/${FEATURES}/` },
      to: { path: `^client/${FEATURES}/[^/]+/.+`, pathNot: '^client/$1/' },
    },
    {
      name: 'nothing-imports-the-app-shell',
      severity: 'error',
      comment: 'main.tsx and App.tsx compose the lounge page; nothing below them imports them back.',
      from: { path: '^client/.+/' },
      to: { path: '^client/[^/]+\\.tsx?$' },
    },
    {
      name: 'server-and-shared-not-to-client',
      severity: 'error',
      comment: 'The browser code depends on shared, never the other way, and the server never loads it.',
      from: { path: '^(server|shared)/' },
      to: { path: '^client/' },
    },
    {
      name: 'shared-not-to-server',
      severity: 'error',
      comment: 'shared/ is what both sides agree on; it cannot lean on the server.',
      from: { path: '^shared/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|contracts/out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
