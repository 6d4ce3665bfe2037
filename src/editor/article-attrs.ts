/**
 * Article-wide data kept on the title block (see `schema.ts` for why not on the document node):
 * the speaker registry and the quotes the user dismissed. The title is always the document's
 * first child, at position 0.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import type { Speaker } from './schema.ts';

/** The names of the article-wide attributes, as saved on the document node. */
export const ARTICLE_ATTRS = ['speakers', 'dismissedQuotes'] as const;
export type ArticleAttr = (typeof ARTICLE_ATTRS)[number];

const articleAttrNames: ReadonlySet<string> = new Set(ARTICLE_ATTRS);

/** Whether an attribute name is one of the article-wide attributes. */
export function isArticleAttr(name: string): name is ArticleAttr {
  return articleAttrNames.has(name);
}

function titleOf(doc: Node): Node {
  const title = doc.firstChild;
  if (!title || title.type.name !== 'title') throw new RangeError('the document has no title block');
  return title;
}

/** The speaker registry of the article. */
export function speakersOf(doc: Node): Speaker[] {
  return titleOf(doc).attrs.speakers as Speaker[];
}

/** Fingerprints of the detected quotes the user said are not quotes. */
export function dismissedQuotesOf(doc: Node): string[] {
  return titleOf(doc).attrs.dismissedQuotes as string[];
}

/** Sets an article-wide attribute in `tr` (one step, undone with the rest of the transaction). */
export function setArticleAttr(tr: Transaction, name: ArticleAttr, value: unknown): Transaction {
  return tr.setNodeAttribute(0, name, value);
}
