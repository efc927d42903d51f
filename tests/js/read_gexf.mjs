// Read a GEXF file as Gephi Lite does (graphology-gexf, default options) and print it as JSON.
//
// Usage: node tests/js/read_gexf.mjs PREFIX FILE.gexf
// PREFIX is the npm folder where graphology and graphology-gexf are installed (.cache/npm, as
// `npm install --prefix .cache/npm graphology graphology-gexf` makes it).
// Prints {type, nodes: [{key, attributes}], edges: [{key, source, target, undirected,
// attributes}], types: {node: {name: [typeof, ...]}, edge: {...}}}; a parse error goes to
// stderr with exit code 1.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const [prefix, file] = process.argv.slice(2);
const require = createRequire(resolve(prefix, "package.json"));
const Graph = require("graphology");
const gexf = require("graphology-gexf");

function typesOf(items) {
  const types = {};
  for (const { attributes } of items) {
    for (const [name, value] of Object.entries(attributes)) {
      const kinds = (types[name] ??= []);
      if (!kinds.includes(typeof value)) kinds.push(typeof value);
    }
  }
  return types;
}

try {
  const graph = gexf.parse(Graph, readFileSync(file, "utf8"));
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes }));
  const edges = graph.mapEdges((key, attributes, source, target, _s, _t, undirected) => ({
    key,
    source,
    target,
    undirected,
    attributes,
  }));
  const types = { node: typesOf(nodes), edge: typesOf(edges) };
  process.stdout.write(JSON.stringify({ type: graph.type, nodes, edges, types }) + "\n");
} catch (error) {
  process.stderr.write(String(error && error.message ? error.message : error) + "\n");
  process.exit(1);
}
