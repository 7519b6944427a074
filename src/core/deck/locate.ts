import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

export type Position = { line: number; column: number };

/** Lists and mappings inside each other past this are refused before anything recurses into them. */
export const MAX_DEPTH = 100;

/** Where `path` (keys and indexes below `base`) starts, or where its nearest existing parent does. */
export function locateNode(
  base: Node,
  path: readonly (string | number)[],
  at: 'key' | 'value',
  pos: (offset: number) => Position,
): Position {
  let node: unknown = base;
  let keyNode: unknown;
  for (const step of path) {
    if (isMap(node)) {
      const pair = pairOf(node, step);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      keyNode = undefined;
      node = node.items[step];
    } else break;
  }
  const target = (at === 'key' && keyNode) || node;
  const range = (target as Node | undefined)?.range;
  return range ? pos(range[0]) : { line: 1, column: 1 };
}

// Each mapping's pairs by key, built on the first lookup: a card with 100k unknown keys asks
// for each of them, and a search of the pairs per key made that quadratic.
const pairIndex = new WeakMap<YAMLMap, Map<unknown, Pair>>();

function pairOf(map: YAMLMap, key: string | number): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const k = keyValue(pair.key);
      if (!index.has(k)) index.set(k, pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

function keyValue(key: unknown): unknown {
  return isScalar(key) ? key.value : key;
}

/** The key nodes that repeat an earlier key of the same mapping, anywhere below `root`. */
export function duplicateKeys(root: unknown): Node[] {
  const found: Node[] = [];
  walk(root, (node) => {
    if (!isMap(node)) return;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      // Only scalar keys can be equal (yaml compares other keys by identity).
      if (!isScalar(pair.key)) continue;
      if (seen.has(pair.key.value)) found.push(pair.key);
      else seen.add(pair.key.value);
    }
  });
  return found;
}

/** The first list or mapping nested more than MAX_DEPTH levels deep below `root`, if any. */
export function deepestNode(root: unknown, max = MAX_DEPTH): Node | undefined {
  let deep: Node | undefined;
  walk(root, (node, depth) => {
    if (!deep && depth > max) deep = node;
  });
  return deep;
}

/** Visits every list and mapping below `root` with its depth, without recursion (nesting can be deep). */
function walk(root: unknown, visit: (node: Node, depth: number) => void): void {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
    } else if (isMap(node) || isSeq(node)) {
      visit(node, depth);
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i], depth + 1]);
    }
  }
}

/** A position worked out only when it is read: problems past the per-file cap are never located. */
export function lazyPosition(find: () => Position): Position {
  let found: Position | undefined;
  return {
    get line() {
      return (found ??= find()).line;
    },
    get column() {
      return (found ??= find()).column;
    },
  };
}

/**
 * Offset to line and column, counting lines the way yaml's LineCounter does while parsing
 * (a line starts after every "\n"), but built only when the first position is asked for:
 * a valid deck never pays for it.
 */
export function lazyPositions(source: string): (offset: number) => Position {
  let counter: LineCounter | undefined;
  return (offset) => {
    if (!counter) {
      counter = new LineCounter();
      counter.addNewLine(0);
      for (let nl = source.indexOf('\n'); nl !== -1; nl = source.indexOf('\n', nl + 1)) counter.addNewLine(nl + 1);
    }
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
}
