import { describe, expect, it } from 'vitest';
import { createAnalysisClient } from '../../../src/app/analysis-client.ts';
import { createProofChecker } from '../../../src/app/proof-checker.ts';
import { checkArticle } from '../../../src/proofread/check-article.ts';
import { createWorkspaceStore } from '../../../src/state/store.ts';
import { WorkspaceStorage } from '../../../src/storage/workspace-storage.ts';
import { MemoryStorage } from '../../helpers/memory-storage.ts';

const paragraphs = [
  'Storm Hits Coast',
  'The the mayor Anna Lindqvist said roads were closed .',
  'Later, Anna Lindquist said the the bridge would reopen.',
];

describe('the app’s proofreading checker', () => {
  it('finds, without the engine, what the whole pass finds without it: local rules and name consistency', async () => {
    const store = createWorkspaceStore(new WorkspaceStorage({ storage: new MemoryStorage() }));
    store.getState().addArticle(paragraphs.join('\n\n'));
    // No Worker here: the analysis client runs the same checks in the page.
    const { checker } = createProofChecker(store, createAnalysisClient().runChecks);
    const { problems: found, complete } = await checker(paragraphs);
    // No engine can run here: the check is as complete as it gets.
    expect(complete).toBe(true);
    const expected = await checkArticle(paragraphs, null, {});
    expect(found.map((p) => [p.paragraph, p.start, p.end, p.rule])).toEqual(expected.map((p) => [p.paragraph, p.start, p.end, p.rule]));
    expect(found.map((p) => p.rule)).toEqual(['doubled-word', 'space-before-punctuation', 'name-consistency', 'doubled-word']);
  });

  it('leaves out what the user switched off', async () => {
    const store = createWorkspaceStore(new WorkspaceStorage({ storage: new MemoryStorage() }));
    store.getState().addArticle(paragraphs.join('\n\n'));
    const all = (await createProofChecker(store, createAnalysisClient().runChecks).checker(paragraphs)).problems;
    const category = all[0]!.category;
    store.setState({ settings: { ...store.getState().settings, disabledCategories: [category] } });
    const fewer = (await createProofChecker(store, createAnalysisClient().runChecks).checker(paragraphs)).problems;
    expect(fewer.length).toBeLessThan(all.length);
    expect(fewer.some((p) => p.category === category)).toBe(false);
  });
});
