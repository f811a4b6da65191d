// Runs inside the real VS Code extension host: the tree is asked for its children and items
// exactly as the workbench asks for them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WeeklyPapersTestApi } from '../../../src/extension';
import type { IssuesNode } from '../../../src/views/issuesTree';
import { activate } from '../helpers';
import { EXTENSION_ID } from '../../../src/constants';


function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function children(api: WeeklyPapersTestApi, node?: IssuesNode): Promise<IssuesNode[]> {
  return (await api.issuesTree.getChildren(node)) ?? [];
}

async function item(api: WeeklyPapersTestApi, node: IssuesNode): Promise<vscode.TreeItem> {
  return await api.issuesTree.getTreeItem(node);
}

describe('Issues tree', () => {
  it('shows the bundled sample issue, labelled with its volume and week', async () => {
    const api = await activate();
    const roots = await children(api);
    const labels = await Promise.all(roots.map(async (node) => label(await item(api, node))));
    assert.ok(labels.includes('Vol.132 · Nov 24 – Nov 30, 2025'), `roots were: ${labels.join(' | ')}`);
  });

  it('lists the sample issue’s ten papers with their organisations, then its Extras', async () => {
    const api = await activate();
    const sample = (await children(api)).find((node) => node.kind === 'issue' && node.entry.issue.volume === 132);
    assert.ok(sample, 'no Vol.132 in the tree');
    const nodes = await children(api, sample);
    const items = await Promise.all(nodes.map((node) => item(api, node)));
    assert.equal(items.length, 11);
    assert.equal(label(items[0] as vscode.TreeItem), 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning');
    assert.equal(items[0]?.description, 'Apple');
    assert.equal(items[4]?.description, 'the University of Waterloo');
    assert.equal(label(items[10] as vscode.TreeItem), 'Extras');
    assert.equal(items[10]?.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    const extras = await children(api, nodes[10]);
    const extraLabels = await Promise.all(extras.map(async (node) => label(await item(api, node))));
    assert.deepEqual(extraLabels, ['E-GEO: A Testbed for Generative Engine Optimization in E-Commerce']);
  });

  it('gives every row a unique id and a tooltip with the start of the summary', async () => {
    const api = await activate();
    const ids = new Set<string>();
    const walk = async (node?: IssuesNode): Promise<void> => {
      for (const child of await children(api, node)) {
        const treeItem = await item(api, child);
        assert.ok(treeItem.id, `row "${label(treeItem)}" has no id`);
        assert.ok(!ids.has(treeItem.id), `duplicate id ${treeItem.id}`);
        ids.add(treeItem.id);
        if (child.kind === 'paper') {
          const tooltip = treeItem.tooltip;
          assert.ok(typeof tooltip === 'string', 'newsletter text must not be rendered as Markdown');
          // A paper with its section starts with its summary; one the paywall cut says so first.
          if (child.paper.complete) assert.match(tooltip, /^This paper from \S+/);
          else assert.match(tooltip, /behind the paywall|only the paper’s line in the contents/);
        }
        await walk(child);
      }
    };
    await walk();
    assert.ok(ids.size >= 13, `only ${ids.size} rows`);
  });

  it('is contributed as the "Issues" view of the Weekly Papers container', () => {
    // That opening the container activates the extension is activation.test.ts's to check.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const views = (extension?.packageJSON as { contributes: { views: Record<string, Array<{ id: string; name: string }>> } }).contributes.views;
    assert.deepEqual(views.weeklyPapers?.map((view) => [view.id, view.name]), [['weeklyPapers.issues', 'Issues'], ['weeklyPapers.readingList', 'Reading List']]);
  });
});
