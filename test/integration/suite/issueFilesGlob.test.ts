// The weeklyPapers.issueFiles setting with a glob too complex to match in good time (picomatch
// took 34 s for one path with the one below): refused, with a message naming the setting and the
// limit, and the default glob used instead.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Setting } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import { DEFAULT_ISSUE_FILES } from '../../../src/sources/issueFileFilter';
import { issueFilesSetting } from '../../../src/sources/issueFilesSetting';
import { activate, waitFor } from '../helpers';

const HOSTILE = '*a*a*a*a*a*a*a*a*a*a*a*a*b/**/*.txt';

const volumes = (api: WeeklyPapersTestApi): Array<number | null> => api.library.issues().map((entry) => entry.issue.volume);

describe(`${Setting.issueFiles}: a glob too complex to match in good time`, () => {
  let saved: unknown;
  before(() => {
    saved = vscode.workspace.getConfiguration().inspect(Setting.issueFiles)?.workspaceValue;
  });
  after(async () => {
    await vscode.workspace.getConfiguration().update(Setting.issueFiles, saved, vscode.ConfigurationTarget.Workspace);
  });

  it('is refused, saying which limit it is over, and the default glob is used', async () => {
    const api = await activate();
    const config = () => vscode.workspace.getConfiguration();
    // First a narrower glob, so that the default coming back shows.
    await config().update(Setting.issueFiles, 'issues/**/*.txt', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => !volumes(api).includes(141), 'Vol.141 (broken/) to go');
    // Used as it is, findFiles would find nothing with it, and Vol.131 would go too.
    await config().update(Setting.issueFiles, HOSTILE, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => volumes(api).includes(141) && volumes(api).includes(131), 'Vol.141 and Vol.131, found with the default glob');
    const { glob, rejected } = issueFilesSetting();
    assert.equal(glob, DEFAULT_ISSUE_FILES);
    assert.match(rejected ?? '', /^The weeklyPapers\.issueFiles setting is not used: its glob has 15 \* or \*\* wildcards, and at most 4 are allowed/);
  });
});
