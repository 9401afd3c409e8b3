/**
 * Words as UTF-8 bytes mapped to dense ids 0, 1, 2, … in order of first
 * insertion, with a count per word: what counting and encoding a corpus need,
 * without a JavaScript string per token. An open-addressing hash table
 * (linear probing, at most half full) over FNV-1a hashes of the bytes; the
 * words' bytes live one after another in one growing byte array.
 */
export class WordTable {
  /** Per slot: id + 1, or 0 when empty. The length is a power of two. */
  private slots: Int32Array;
  private mask: number;
  private hashes: Int32Array;
  private offsets: Float64Array;
  private lengths: Int32Array;
  private tally: Float64Array;
  private arena: Buffer;
  private arenaLength = 0;
  /** Number of words held. */
  size = 0;

  constructor(capacity = 1 << 12) {
    const slots = 1 << Math.max(4, Math.ceil(Math.log2(2 * capacity)));
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.hashes = new Int32Array(capacity);
    this.offsets = new Float64Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.tally = new Float64Array(capacity);
    this.arena = Buffer.alloc(capacity * 8);
  }

  /** A table of `words` with ids 0..n−1 in the given order and counts 0 (for looking tokens up). */
  static fromWords(words: readonly string[]): WordTable {
    const table = new WordTable(Math.max(16, words.length));
    for (const word of words) {
      const bytes = Buffer.from(word, "utf8");
      if (table.find(bytes, 0, bytes.length) >= 0) throw new RangeError(`WordTable: duplicate word "${word}"`);
      table.insert(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
    }
    return table;
  }

  /** Counts one occurrence of the word `bytes[start, end)`, adding it if new; returns its id. */
  add(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const held = this.slots[this.probe(bytes, start, end, hash)];
    if (held !== 0) {
      this.tally[held - 1] += 1;
      return held - 1;
    }
    const id = this.insert(bytes, start, end, hash);
    this.tally[id] = 1;
    return id;
  }

  /** The id of the word `bytes[start, end)`, or −1 when it is not held. */
  find(bytes: Uint8Array, start: number, end: number): number {
    return this.slots[this.probe(bytes, start, end, hashBytes(bytes, start, end))] - 1;
  }

  /** The count of word `id`. */
  count(id: number): number {
    return this.tally[id];
  }

  /** The word of `id` as a string. */
  word(id: number): string {
    const at = this.offsets[id];
    return this.arena.toString("utf8", at, at + this.lengths[id]);
  }

  /**
   * Removes every word counted fewer than `minCount` times, keeping the others
   * in their order (ids are renumbered 0..size−1): gensim's `prune_vocab`.
   */
  prune(minCount: number): void {
    const old = {
      hashes: this.hashes,
      offsets: this.offsets,
      lengths: this.lengths,
      tally: this.tally,
      arena: this.arena,
      size: this.size,
    };
    let kept = 0;
    for (let id = 0; id < old.size; id++) if (old.tally[id] >= minCount) kept++;
    const fresh = new WordTable(Math.max(16, 2 * kept));
    for (let id = 0; id < old.size; id++) {
      if (old.tally[id] < minCount) continue;
      const at = old.offsets[id];
      const copy = fresh.insert(old.arena, at, at + old.lengths[id], old.hashes[id]);
      fresh.tally[copy] = old.tally[id];
    }
    Object.assign(this, fresh); // take over the fresh table's storage
  }

  /** Appends a word known to be absent; returns its id. */
  private insert(bytes: Uint8Array, start: number, end: number, hash: number): number {
    if (this.size === this.hashes.length) this.growEntries();
    if (2 * (this.size + 1) > this.slots.length) this.growSlots();
    const id = this.size++;
    const length = end - start;
    if (this.arenaLength + length > this.arena.length) {
      const bigger = Buffer.alloc(Math.max(2 * this.arena.length, this.arenaLength + length));
      this.arena.copy(bigger, 0, 0, this.arenaLength);
      this.arena = bigger;
    }
    for (let i = 0; i < length; i++) this.arena[this.arenaLength + i] = bytes[start + i];
    this.hashes[id] = hash;
    this.offsets[id] = this.arenaLength;
    this.lengths[id] = length;
    this.arenaLength += length;
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = id + 1;
    return id;
  }

  /** The slot holding the word `bytes[start, end)` (of hash `hash`), or the empty slot where it would go. */
  private probe(bytes: Uint8Array, start: number, end: number, hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const held = this.slots[slot];
      if (held === 0 || (this.hashes[held - 1] === hash && this.equals(held - 1, bytes, start, end))) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private equals(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.lengths[id] !== length) return false;
    const at = this.offsets[id];
    for (let i = 0; i < length; i++) if (this.arena[at + i] !== bytes[start + i]) return false;
    return true;
  }

  private growEntries(): void {
    const capacity = 2 * this.hashes.length;
    const grow = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(capacity);
      bigger.set(array);
      return bigger;
    };
    this.hashes = grow(this.hashes, (n) => new Int32Array(n));
    this.offsets = grow(this.offsets, (n) => new Float64Array(n));
    this.lengths = grow(this.lengths, (n) => new Int32Array(n));
    this.tally = grow(this.tally, (n) => new Float64Array(n));
  }

  private growSlots(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    this.mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }
}

/**
 * 32-bit FNV-1a (Fowler, Noll & Vo) of `bytes[start, end)`, its bits then mixed
 * by MurmurHash3's finaliser so that the low bits that pick a slot depend on every byte.
 */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
