/**
 * One copy of each repeated string in a worker's answer.
 *
 * A message from a worker arrives as a fresh copy of its data, every string included: in a long
 * article the same speaker id, rule name, category and message ("Lukashenko is also spelled
 * Lukashenka in this article") come back hundreds of times, each its own string in the page's
 * memory. Walking the answer once and pointing every equal string at the first one lets the
 * copies go. The answer is changed in place (it belongs to the receiver) and returned.
 */
export function internStrings<T>(value: T): T {
  const seen = new Map<string, string>();
  const intern = (text: string): string => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return intern(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = walk(node[i]);
      return node;
    }
    if (node !== null && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = walk(record[key]);
    }
    return node;
  };
  return walk(value) as T;
}
