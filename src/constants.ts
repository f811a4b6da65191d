// Every id the extension declares in package.json, declared once here.
export const EXTENSION_ID = 'weekly-papers.weekly-papers';

export const ViewContainer = {
  id: 'weeklyPapers',
} as const;

export const View = {
  issues: 'weeklyPapers.issues',
} as const;

/** The bundled sample issue, inside the extension. */
export const SAMPLE_ISSUE_PATH = ['media', 'sample', 'vol-132.txt'] as const;
