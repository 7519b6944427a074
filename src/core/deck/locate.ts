import { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';

export type Position = { line: number; column: number };

/** Where `path` (keys and indexes below `base`) starts, or where its nearest existing parent does. */
export function locateNode(base: Node, path: readonly (string | number)[], at: 'key' | 'value', pos: (offset: number) => Position): Position {
  let node: unknown = base;
  let keyNode: unknown;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
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
