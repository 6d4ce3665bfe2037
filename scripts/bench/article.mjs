/** The benchmark article: the sample's title once, its body paragraphs repeated K times. */
import { readFileSync } from 'node:fs';

export function loadSample(path) {
  const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const match = /\n[ \t]*\n/.exec(text);
  if (!match) throw new Error(`${path}: expected a title line, a blank line and paragraphs`);
  const title = text.slice(0, match.index).trim();
  const body = text.slice(match.index + match[0].length).trim();
  const paragraphs = body.split(/\n[ \t]*\n+/).length;
  return { title, body, paragraphs };
}

export function repeatArticle(sample, k) {
  return `${sample.title}\n\n${Array.from({ length: k }, () => sample.body).join('\n\n')}\n`;
}
