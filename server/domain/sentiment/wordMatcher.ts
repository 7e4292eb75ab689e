// A trie over a fixed word list. A global regex alternation of hundreds of Thai words (the words ICU
// must not cut) tries each alternative at each position of a message; the trie follows one path.

interface TrieNode {
  next: Map<number, TrieNode>;
  /** A listed word ends here. */
  end: boolean;
}

const node = (): TrieNode => ({ next: new Map(), end: false });

/**
 * Finds listed words in a text exactly as `new RegExp(words longest first, joined by '|', 'gu')` with
 * matchAll would: scanning left to right, at each position the longest listed word that starts there,
 * resuming after it. Words must be non-empty and free of surrogates.
 */
export class WordMatcher {
  private readonly root = node();

  constructor(words: readonly string[]) {
    for (const w of words) {
      let n = this.root;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let child = n.next.get(c);
        if (!child) n.next.set(c, (child = node()));
        n = child;
      }
      n.end = true;
    }
  }

  /** Start and end offsets of each match, flat: [start0, end0, start1, end1, …]. */
  matches(text: string): number[] {
    const out: number[] = [];
    let p = 0;
    while (p < text.length) {
      let n: TrieNode | undefined = this.root;
      let end = -1;
      for (let i = p; i < text.length; i++) {
        n = n.next.get(text.charCodeAt(i));
        if (!n) break;
        if (n.end) end = i + 1;
      }
      if (end < 0) p++;
      else {
        out.push(p, end);
        p = end;
      }
    }
    return out;
  }
}
