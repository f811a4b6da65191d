// Text that is not an issue (a README with a numbered reference list, meeting notes that quote
// papers and arXiv links, an empty file): no issue, and one error `not-an-issue`.
import * as assert from 'node:assert/strict';
import { fixture } from './helpers/fixtures';

describe('parse: text that is not an issue', () => {
  for (const file of ['not-an-issue/README.md', 'not-an-issue/meeting-notes.txt', 'not-an-issue/empty.txt']) {
    describe(file, () => {
      const f = fixture(file);

      it('gives no issue', () => {
        assert.deepEqual(f.result().issues, []);
      });

      it('gives exactly one error, with code not-an-issue', () => {
        const errors = f.result().diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors.map((d) => d.code), ['not-an-issue']);
        assert.ok(errors[0]!.message.length > 0);
      });
    });
  }
});
