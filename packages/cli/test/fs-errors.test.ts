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
  test('says in plain words that a file stands where the output folder should be', async () => {
    const root = tempFolder({ 'fw/framework.kpi': FRAMEWORK });
    writeFileSync(join(root, 'taken'), 'a file, not a folder');
    const result = await runCaptured(['build', 'fw', '--out', 'taken'], root);

    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
      "kpic: cannot write 'taken/demo.rules.json': a file stands where a folder is needed.",
    );
    expect(result.stderr).not.toContain(root);
  });
});
