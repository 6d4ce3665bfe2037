/**
 * Reading an article file the user opened or dropped: plain text (.txt), Markdown (.md) or a
 * Galley project file (.json). Pure: bytes in, a result or a clear message out; nothing is
 * changed unless the result is ok.
 */

/** The largest file Galley opens (a long read is ~50 KB; a project file holds its text several times). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export type ImportedFile =
  | { ok: true; kind: 'text'; text: string; title: string | null }
  | { ok: true; kind: 'project'; text: string }
  | { ok: false; message: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Decodes UTF-8 strictly; null when the bytes are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return null;
  }
}

/** True when the text looks binary: NUL bytes, or many control characters. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let control = 0;
  const sample = text.slice(0, 8192);
  for (const char of sample) {
    const code = char.codePointAt(0)!;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  return control > Math.max(4, sample.length / 100);
}

/** A Markdown article: its first line may be a `# Title` heading. */
function fromMarkdown(text: string): { text: string; title: string | null } {
  const match = /^#{1,6}[ \t]+(.+?)[ \t#]*(\r?\n|$)/.exec(text);
  if (!match) return { text, title: null };
  return { text: match[1]! + text.slice(match[0].length - match[2]!.length), title: match[1]! };
}

/** The message for a file over the size limit, or null when its size is fine. */
export function sizeProblem(name: string, size: number): string | null {
  return size > MAX_IMPORT_BYTES ? `“${name}” is too large (${mb(size)}); Galley opens files up to ${mb(MAX_IMPORT_BYTES)}.` : null;
}

/** Reads a file's bytes as an article or a project. */
export function readArticleFile(name: string, bytes: Uint8Array): ImportedFile {
  const lower = name.toLowerCase();
  if (bytes.length === 0) return { ok: false, message: `“${name}” is empty.` };
  const tooLarge = sizeProblem(name, bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  const text = decodeUtf8(bytes);
  if (text === null) {
    return { ok: false, message: `“${name}” is not a UTF-8 text file. Save it as UTF-8 text and try again.` };
  }
  if (looksBinary(text)) return { ok: false, message: `“${name}” is not a text file.` };
  if (text.trim() === '') return { ok: false, message: `“${name}” has no text.` };
  if (lower.endsWith('.json')) return { ok: true, kind: 'project', text };
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return { ok: true, kind: 'text', ...fromMarkdown(text) };
  if (lower.endsWith('.txt') || !lower.includes('.')) return { ok: true, kind: 'text', text, title: null };
  return { ok: false, message: `“${name}” is not a file Galley opens: choose a .txt or .md article or a Galley project (.json).` };
}
