import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, typeScriptFiles } from '../helpers/import-graph';
import { domains, layerPicture } from '../helpers/layer-order';

/** docs/architecture.md says what the code does: its picture, domains and registries are the code's. */

const doc = readFileSync(join(repoRoot, 'docs', 'architecture.md'), 'utf8');

describe('docs/architecture.md', () => {
  it('draws the layer order the layer test checks', () => {
    const picture = /```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(picture, 'paste the output of layerPicture() (tests/helpers/layer-order.ts) into the mermaid block').toBe(layerPicture());
  });

  it('lists every domain, in order, with what it owns', () => {
    const rows = [...doc.matchAll(/^\| (\w+) \| (.+) \|$/gm)]
      .map((m) => [m[1], m[2]])
      .filter(([name]) => domains.some(([d]) => d === name));
    expect(rows).toEqual(domains.map(([name, owns]) => [name, owns]));
  });

  it('lists every registry a domain offers', () => {
    const offered = typeScriptFiles(join(repoRoot, 'electron')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^export function (register\w+)\(\w+: /gm)].map((m) => m[1]!),
    );
    expect(offered.length).toBeGreaterThan(5);
    const listed = [...doc.matchAll(/^\| `(register\w+)` \|/gm)].map((m) => m[1]!);
    expect(listed.sort()).toEqual([...new Set(offered)].sort());
  });
});
