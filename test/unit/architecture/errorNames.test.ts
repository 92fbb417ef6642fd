import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The bundle is minified without keeping names (activation loads it faster), so a PlatformError says its own name:
// users and logs read "ApiError: …", not a minified "Xe: …". Every class below PlatformError must spell it out.

const SRC = join(__dirname, '..', '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

describe('architecture: error classes name themselves', () => {
  it('every class under PlatformError declares its own name as a string literal equal to the class name', () => {
    const classes = new Map<string, { parent: string; body: string }>();
    for (const text of sources(SRC))
      for (const match of text.matchAll(/class (\w+) extends (\w+) \{([\s\S]*?)\n\}/g))
        classes.set(match[1], { parent: match[2], body: match[3] });
    const underPlatformError = (name: string): boolean => {
      const parent = classes.get(name)?.parent;
      return parent === 'PlatformError' || (parent !== undefined && underPlatformError(parent));
    };
    const checked = [...classes.keys()].filter(underPlatformError);
    assert.ok(checked.length >= 15, `found the error classes (${checked.join(', ')})`);
    const unnamed = checked.filter(
      (name) => !classes.get(name)!.body.includes(`override readonly name: string = '${name}';`),
    );
    assert.deepEqual(unnamed, [], 'classes without their own name');
  });
});
