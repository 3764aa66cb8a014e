// `npm run layers`: the folders of the code and what each imports, then the rules the layers
// hold to (no two lib/ folders importing each other, sealed modules entered by their entries, the
// sandbox never statically imported by the site, client components free of server code). Exit code
// 1 when a rule is broken.
import { clientImportsOfServerCode, folderGraph, importEdges, mutualPairs, sealBreaches, staticSandboxImports } from './lib/import-graph';

const root = process.cwd();
const edges = importEdges(root);
const graph = folderGraph(edges);
for (const folder of [...graph.keys()].sort()) {
  console.log(`${folder.padEnd(22)} → ${[...graph.get(folder)!].sort().join(', ')}`);
}
const problems = [
  ...mutualPairs(graph).map((pair) => `folders importing each other: ${pair}`),
  ...sealBreaches(edges).map((edge) => `import past a sealed module's entry: ${edge}`),
  ...clientImportsOfServerCode(root, edges).map((edge) => `client component importing server code: ${edge}`),
  ...staticSandboxImports(edges).map((edge) => `static import of the sandbox (use the dynamic one in lib/livestorm/from-config.ts): ${edge}`),
];
console.log(problems.length === 0 ? '\nLayers hold: no mutual folder pairs, sealed modules entered by their entries.' : `\n${problems.join('\n')}`);
process.exitCode = problems.length === 0 ? 0 : 1;
