/**
 * Escaping for the markup formats, and code-point arithmetic for the formats that count in
 * Unicode code points (W3C Web Annotation selectors).
 *
 * Everything an exporter writes that came from the article (text, gap fills, speaker names and
 * ids) goes through one of these functions; nothing from the article is ever written raw.
 */

/**
 * Characters XML 1.0 does not allow at all (C0 controls other than tab, newline and carriage
 * return, lone surrogates, U+FFFE and U+FFFF). They are replaced by U+FFFD so that the output
 * stays well-formed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters XML cannot carry by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

/** Escapes text content for XML: `& < >`, and `\r` as a character reference so parsers keep it. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an XML attribute value (to be written in double quotes), keeping whitespace exact. */
export function escapeXmlAttr(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\r\n\t]/g, (c) => XML_ATTR[c]!);
}

const XML_ATTR: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Escapes HTML text content: `& < >`. NUL, which HTML parsers drop or replace, becomes U+FFFD. */
export function escapeHtmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is escaped on purpose
  return text.replace(/[&<>\u0000]/g, (c) => HTML[c]!);
}

/** Escapes an HTML attribute value (to be written in double quotes). */
export function escapeHtmlAttr(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is escaped on purpose
  return text.replace(/[&<>"'\u0000]/g, (c) => HTML[c]!);
}

const HTML: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\u0000': '\uFFFD',
};

/**
 * Maps JavaScript string offsets (UTF-16 code units) of one text to Unicode code point offsets.
 * Built once per text in linear time; each lookup is a binary search over the astral characters.
 */
export function codePointMapper(text: string): (offset: number) => number {
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // The low surrogate at i + 1 is not a code point of its own.
        pairs.push(i + 1);
        i++;
      }
    }
  }
  if (pairs.length === 0) return (offset) => offset;
  return (offset) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}

/** The number of code points in `text`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Moves a string offset off the middle of a surrogate pair (towards `direction`). */
export function snapToCodePoint(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return Math.max(0, Math.min(offset, text.length));
  const prev = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  if (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return offset + direction;
  return offset;
}

/**
 * Makes XML names (NCNames, usable as `xml:id`) from arbitrary ids: `prefix` (which must start
 * with a letter) + the id with every character outside `A-Z a-z 0-9 . _ -` replaced by `_`.
 * Ids that collide after that get `-2`, `-3`… so every id keeps a name of its own.
 */
export function xmlNamer(prefix: string): (raw: string) => string {
  const names = new Map<string, string>();
  const used = new Set<string>();
  return (raw) => {
    const known = names.get(raw);
    if (known !== undefined) return known;
    const base = prefix + raw.replace(/[^A-Za-z0-9._-]/g, '_');
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    names.set(raw, name);
    used.add(name);
    return name;
  };
}
