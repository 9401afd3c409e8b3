/**
 * Hierarchical-softmax paths: the Huffman tree of the vocabulary built as
 * word2vec.c's `CreateBinaryTree` builds it (Mikolov et al. 2013, §2.1), so the
 * same counts give the same codes. Word w's path visits inner nodes
 * `points[codeStart[w] + d]` for d < `codeLength[w]`, taking branch
 * `codes[codeStart[w] + d]` (0 or 1) at each; inner node ids run 0..V−2, root V−2.
 */
export interface HuffmanPaths {
  readonly codeStart: Int32Array;
  readonly codeLength: Int32Array;
  readonly points: Int32Array;
  readonly codes: Int32Array;
}

/**
 * The tree of word2vec.c's `CreateBinaryTree` over `counts` (descending): nodes
 * 0..V−1 are the words, V..2V−2 the inner nodes in creation order (the root
 * last); `parent[n]` is node n's parent, `branch[n]` the code bit taken to reach it.
 */
function huffmanTree(counts: ArrayLike<number>): { parent: Int32Array; branch: Uint8Array } {
  const size = counts.length;
  const weight = new Float64Array(2 * size).fill(Number.POSITIVE_INFINITY);
  for (let w = 0; w < size; w++) weight[w] = counts[w];
  const parent = new Int32Array(2 * size);
  const branch = new Uint8Array(2 * size);
  // Two queues, both ascending: the words read from the rarest end backwards,
  // and the inner nodes, created in ascending weight. Each step merges the two lightest.
  let leaf = size - 1;
  let inner = size;
  const lightest = (): number => (leaf >= 0 && weight[leaf] < weight[inner] ? leaf-- : inner++);
  for (let a = 0; a < size - 1; a++) {
    const first = lightest();
    const second = lightest();
    weight[size + a] = weight[first] + weight[second];
    parent[first] = size + a;
    parent[second] = size + a;
    branch[second] = 1;
  }
  return { parent, branch };
}

/**
 * The total length of the Huffman paths of `counts` (descending): the number of
 * entries {@link huffmanPaths} gives `points` and `codes`, computed in O(V)
 * without building them (a parent always has a higher node id than its
 * children, so one downward pass from the root gives every depth). The model's
 * memory plan needs it before the paths are built.
 */
export function huffmanPathLength(counts: ArrayLike<number>): number {
  const size = counts.length;
  if (size < 2) return 0;
  const { parent } = huffmanTree(counts);
  const depth = new Int32Array(2 * size - 1); // the root, 2V−2, has depth 0
  let total = 0;
  for (let node = 2 * size - 3; node >= 0; node--) {
    depth[node] = depth[parent[node]] + 1;
    if (node < size) total += depth[node];
  }
  return total;
}

/** Builds the paths for `counts`, which must be in descending order (vocabulary id order). */
export function huffmanPaths(counts: ArrayLike<number>): HuffmanPaths {
  const size = counts.length;
  const { parent, branch } = huffmanTree(counts);
  // Walk each word up to the root, then store the path root-first.
  const root = 2 * size - 2;
  const codeStart = new Int32Array(size);
  const codeLength = new Int32Array(size);
  const pathNodes: number[] = [];
  const pathCodes: number[] = [];
  const upward: number[] = [];
  for (let w = 0; w < size; w++) {
    upward.length = 0;
    for (let node = w; node !== root && size > 1; node = parent[node]) upward.push(node);
    codeStart[w] = pathCodes.length;
    codeLength[w] = upward.length;
    for (let d = upward.length - 1; d >= 0; d--) {
      // The inner node above upward[d] is where branch[upward[d]] is taken.
      pathNodes.push(parent[upward[d]] - size);
      pathCodes.push(branch[upward[d]]);
    }
  }
  return { codeStart, codeLength, points: Int32Array.from(pathNodes), codes: Int32Array.from(pathCodes) };
}
