/**
 * A small JSON parser that remembers where every value sits in the text, so a problem found at a JSON path
 * (`transmissions[2].type`) can be shown at the right characters of the editor.
 */

export interface JsonValueNode {
  readonly kind: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
  readonly offset: number;
  readonly length: number;
  /** Object members in order (with the key's own span) or array elements. */
  readonly members?: readonly {
    readonly key: string;
    readonly keyOffset: number;
    readonly keyLength: number;
    readonly value: JsonValueNode;
  }[];
  readonly elements?: readonly JsonValueNode[];
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseJsonWithOffsets(text: string): JsonValueNode {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, Math.min(pos, text.length));
  };
  const skip = (): void => {
    while (pos < text.length && /[ \t\r\n]/.test(text[pos])) pos++;
  };
  const readString = (): string => {
    const start = pos;
    pos++;
    let out = '';
    while (pos < text.length) {
      const c = text[pos];
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\\') {
        const next = text[pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (next in simple) {
          out += simple[next];
          pos += 2;
        } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('Invalid escape in string.');
        }
      } else if (c < ' ') {
        fail('Control character in string.');
      } else {
        out += c;
        pos++;
      }
    }
    pos = start;
    return fail('Unterminated string.');
  };
  const value = (): JsonValueNode => {
    skip();
    const start = pos;
    const c = text[pos];
    if (c === '{') {
      pos++;
      const members: { key: string; keyOffset: number; keyLength: number; value: JsonValueNode }[] = [];
      skip();
      if (text[pos] === '}') {
        pos++;
        return { kind: 'object', offset: start, length: pos - start, members };
      }
      for (;;) {
        skip();
        if (text[pos] !== '"') fail('Expected a property name in double quotes.');
        const keyOffset = pos;
        const key = readString();
        const keyLength = pos - keyOffset;
        skip();
        if (text[pos] !== ':') fail('Expected ":" after the property name.');
        pos++;
        members.push({ key, keyOffset, keyLength, value: value() });
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return { kind: 'object', offset: start, length: pos - start, members };
        }
        fail('Expected "," or "}".');
      }
    }
    if (c === '[') {
      pos++;
      const elements: JsonValueNode[] = [];
      skip();
      if (text[pos] === ']') {
        pos++;
        return { kind: 'array', offset: start, length: pos - start, elements };
      }
      for (;;) {
        elements.push(value());
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return { kind: 'array', offset: start, length: pos - start, elements };
        }
        fail('Expected "," or "]".');
      }
    }
    if (c === '"') {
      readString();
      return { kind: 'string', offset: start, length: pos - start };
    }
    const literal = /^(true|false|null)/.exec(text.slice(pos, pos + 5));
    if (literal) {
      pos += literal[1].length;
      return { kind: literal[1] === 'null' ? 'null' : 'boolean', offset: start, length: pos - start };
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 64));
    if (number && number[0].length > 0) {
      pos += number[0].length;
      return { kind: 'number', offset: start, length: pos - start };
    }
    return fail(pos >= text.length ? 'Unexpected end of the document.' : `Unexpected character "${c}".`);
  };
  const root = value();
  skip();
  if (pos < text.length) fail('Unexpected text after the JSON value.');
  return root;
}

export interface LocatedPath {
  /** Start and length in the text of what should be marked. */
  readonly offset: number;
  readonly length: number;
  /** True when the whole path exists; false when a property is missing and its parent is marked instead. */
  readonly exact: boolean;
}

/**
 * Where `path` is in the document: the value itself; for a missing property, the key of the nearest existing
 * ancestor (or the opening brace of the object that lacks it), so "required" problems land on the right object.
 */
export function locatePath(root: JsonValueNode, path: readonly PropertyKey[]): LocatedPath {
  let node = root;
  let mark = { offset: root.offset, length: Math.min(root.length, 1) };
  for (const key of path) {
    let next: JsonValueNode | undefined;
    let nextMark = mark;
    if (node.kind === 'object' && typeof key !== 'symbol') {
      const member = [...(node.members ?? [])].reverse().find((m) => m.key === String(key));
      if (member) {
        next = member.value;
        nextMark = { offset: member.keyOffset, length: member.keyLength };
      }
    } else if (node.kind === 'array' && typeof key === 'number') {
      next = node.elements?.[key];
      if (next)
        nextMark = {
          offset: next.offset,
          length: Math.min(next.length, next.kind === 'object' || next.kind === 'array' ? 1 : next.length),
        };
    }
    if (!next) return { ...mark, exact: false };
    node = next;
    mark = nextMark;
  }
  const scalar = node.kind !== 'object' && node.kind !== 'array';
  return scalar ? { offset: node.offset, length: node.length, exact: true } : { ...mark, exact: true };
}

/** Offset → zero-based line and character (for building editor ranges without vscode). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
