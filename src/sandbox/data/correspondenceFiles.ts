import type { SeededRandom } from '../core/random';

/** Bytes of a generated attachment file with the MIME type Correspondence reports for its extension. */
export interface GeneratedFile {
  readonly fileName: string;
  readonly dataType: string;
  readonly bytes: Buffer;
}

export type FileKind = 'pdf' | 'txt' | 'xml' | 'bin';

export function generateFile(
  kind: FileKind,
  baseName: string,
  lines: readonly string[],
  random: SeededRandom,
): GeneratedFile {
  switch (kind) {
    case 'pdf':
      return { fileName: `${baseName}.pdf`, dataType: 'application/pdf', bytes: pdfDocument(lines) };
    case 'txt':
      return {
        fileName: `${baseName}.txt`,
        dataType: 'text/plain',
        bytes: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
      };
    case 'xml':
      return {
        fileName: `${baseName}.xml`,
        dataType: 'application/xml',
        bytes: Buffer.from(xmlDocument(lines), 'utf8'),
      };
    case 'bin':
      return {
        fileName: `${baseName}.bin`,
        dataType: 'application/octet-stream',
        bytes: randomBytes(random, random.int(2_000, 9_000)),
      };
  }
}

/** A small but valid one-page PDF (Helvetica, ASCII text) with a correct cross-reference table. */
export function pdfDocument(lines: readonly string[]): Buffer {
  const text = lines.map((line, i) => `${i === 0 ? '72 770 Td' : '0 -20 Td'} (${pdfString(line)}) Tj`).join('\n');
  const content = `BT\n/F1 12 Tf\n${text}\nET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function pdfString(line: string): string {
  const ascii = line
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/å/g, 'a')
    .replace(/Å/g, 'A')
    .replace(/[^\x20-\x7e]/g, '?');
  return ascii.replace(/[\\()]/g, (c) => `\\${c}`);
}

function xmlDocument(lines: readonly string[]): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<melding xmlns="urn:no:sandbox:correspondence:1">\n${lines.map((l) => `  <linje>${escape(l)}</linje>`).join('\n')}\n</melding>\n`;
}

function randomBytes(random: SeededRandom, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = random.int(0, 255);
  return bytes;
}
