/** File-system errors in plain words: no error codes, no system call, no absolute path. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCaptured } from './capture.js';
import { tempFolder } from './temp-folder.js';

const FRAMEWORK = `framework demo "Demo" {
  version "1"
  cycle quarterly
}
`;

describe('describeFsError', () => {
  test('says in plain words that a file stands in the path of the output folder', async () => {
    const root = tempFolder({ 'fw/framework.kpi': FRAMEWORK });
    writeFileSync(join(root, 'taken'), 'a file, not a folder');
    const result = await runCaptured(['build', 'fw', '--out', 'taken/out'], root);

    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      "kpic: cannot write 'taken/out/demo.rules.json': a part of the path is not a folder.",
    );
    expect(result.stderr).not.toContain(root);
  });

  test('refuses an --out that is a file before compiling anything', async () => {
    const root = tempFolder({ 'fw/framework.kpi': FRAMEWORK });
    writeFileSync(join(root, 'taken'), 'a file, not a folder');
    const result = await runCaptured(['build', 'fw', '--out', 'taken'], root);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kpic: --out taken is a file; give a folder to write to.\n');
    expect(result.stdout).toBe('');
  });
});
