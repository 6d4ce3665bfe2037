/**
 * "Use X everywhere": one spelling of a name for the whole article, in one undo step. Only whole
 * words are replaced (Lukashenka’s becomes Lukashenko’s; Lukashenkas stays), and each replacement
 * changes only the characters that differ.
 */
import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word occurrence of any of `words` in the document: positions and the word found. */
export function findWords(doc: Node, words: readonly string[]): { from: number; to: number; word: string }[] {
  if (words.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const found: { from: number; to: number; word: string }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const match of (node.text ?? '').matchAll(pattern)) found.push({ from: pos + match.index, to: pos + match.index + match[0].length, word: match[0] });
    return false;
  });
  return found;
}

/** Replaces every other spelling in `spellings` by `chosen`. */
export function applySpellingEverywhere(spellings: readonly string[], chosen: string): Command {
  return (state, dispatch) => {
    const others = spellings.filter((s) => s !== chosen);
    const hits = findWords(state.doc, others);
    if (hits.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const hit of hits.reverse()) {
        let start = 0;
        while (start < hit.word.length && start < chosen.length && hit.word[start] === chosen[start]) start++;
        let end = 0;
        while (end < hit.word.length - start && end < chosen.length - start && hit.word[hit.word.length - 1 - end] === chosen[chosen.length - 1 - end]) end++;
        const insert = chosen.slice(start, chosen.length - end);
        if (insert) tr.insertText(insert, hit.from + start, hit.to - end);
        else tr.delete(hit.from + start, hit.to - end);
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
