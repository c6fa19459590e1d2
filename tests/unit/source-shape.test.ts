import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRelative, repoRoot, typeScriptFiles } from '../helpers/import-graph';

/**
 * Issue 26's limits on the source a newcomer reads: a file that grows past 400 lines is split along
 * a seam, and no line runs past 140 characters (Prettier's width; it does not break strings or comments).
 */
const MAX_LINES = 400;
const MAX_WIDTH = 140;

const sources = ['electron', 'renderer', 'db'].flatMap((folder) => typeScriptFiles(join(repoRoot, folder)));

describe('the shape of the source', () => {
  it('finds the source files', () => {
    expect(sources.length).toBeGreaterThan(300);
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = sources
      .map((file) => ({ file: repoRelative(file), lines: readFileSync(file, 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long, 'split it along a seam').toEqual([]);
  });

  it(`has no line over ${MAX_WIDTH} characters`, () => {
    const wide = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (line.length > MAX_WIDTH ? [`${repoRelative(file)}:${index + 1} (${line.length})`] : [])),
    );
    expect(wide, 'wrap the comment, or split the string into parts').toEqual([]);
  });
});
