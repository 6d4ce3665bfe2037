/** A minimal source map (v3) reader: generated line/column → original source, line and name. */
import { readFileSync } from 'node:fs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one segment's base64 VLQ fields. */
function decodeSegment(text) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

export class SourceMap {
  constructor(json) {
    this.sources = json.sources.map((s) => s.replace(/^(\.\.\/)+/, '').replace(/^\/+/, ''));
    this.sourcesContent = json.sourcesContent ?? [];
    this.names = json.names ?? [];
    this.lines = [];
    let source = 0;
    let line = 0;
    let column = 0;
    let name = 0;
    for (const text of json.mappings.split(';')) {
      const segments = [];
      let generated = 0;
      if (text) {
        for (const part of text.split(',')) {
          const f = decodeSegment(part);
          generated += f[0];
          if (f.length >= 4) {
            source += f[1];
            line += f[2];
            column += f[3];
            if (f.length >= 5) name += f[4];
            segments.push({ generated, source, line, column, name: f.length >= 5 ? name : -1 });
          }
        }
      }
      this.lines.push(segments);
    }
  }

  static fromFile(path) {
    return new SourceMap(JSON.parse(readFileSync(path, 'utf8')));
  }

  /** Original position of a 0-based generated line/column, or null. */
  lookup(line, column) {
    const segments = this.lines[line];
    if (!segments?.length) return null;
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].generated <= column) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // A function's start (where CDP points) can sit just before its first mapped segment.
    const segment = segments[found] ?? segments[0];
    const text = this.sourcesContent[segment.source]?.split('\n')[segment.line] ?? '';
    return {
      source: this.sources[segment.source],
      line: segment.line + 1,
      column: segment.column + 1,
      name: segment.name >= 0 ? this.names[segment.name] : null,
      text: text.trim(),
    };
  }
}
