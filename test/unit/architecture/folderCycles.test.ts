import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// docs/ARCHITECTURE.md: the folders of a layer depend on each other in one direction only. A cycle between two
// feature folders means neither can be read or changed alone; this finds one from the import statements.

const SRC = resolve(__dirname, '..', '..', '..', 'src');

/**
 * The one allowed back edge: the schema chunk. platform/payloadSchemas.ts gathers every feature's zod schemas into
 * dist/schemas.js, and loadPayloadSchemas.ts (which the features use) names its type and requires it on first use,
 * so the schemas stay out of the activation bundle (esbuild.mjs). Nothing imports the chunk's entry at run time.
 */
const LAZY_CHUNK_EDGES = new Set([join('platform', 'payloadSchemas.ts'), join('platform', 'loadPayloadSchemas.ts')]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** folder → folders it imports from, for the direct subfolders of `layer` ("." is the layer's own files). */
function folderGraph(layer: string): Map<string, Set<string>> {
  const folderOf = (file: string): string => {
    const parts = relative(layer, file).split(sep);
    return parts.length > 1 ? parts[0] : '.';
  };
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(layer)) {
    const from = folderOf(file);
    if (LAZY_CHUNK_EDGES.has(relative(SRC, file))) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/g,
    )) {
      const target = resolve(dirname(file), match[1]);
      if (!target.startsWith(layer + sep)) continue;
      const to = folderOf(`${target}.ts`);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** One cycle as a path `a → b → … → a`, or undefined. */
export function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return undefined;
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('architecture: no import cycle between folders', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    assert.deepEqual(
      findCycle(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
        ]),
      ),
      ['a', 'b', 'c', 'a'],
    );
    assert.equal(
      findCycle(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
        ]),
      ),
      undefined,
    );
  });

  for (const layer of ['vscode', 'platform', 'sandbox']) {
    it(`src/${layer}: its folders import each other in one direction only`, () => {
      const graph = folderGraph(join(SRC, layer));
      assert.ok(graph.size > 2, 'imports between folders were found');
      const cycle = findCycle(graph);
      assert.equal(cycle, undefined, `folder cycle: ${cycle?.join(' → ')}`);
    });
  }
});
