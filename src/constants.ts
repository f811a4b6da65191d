// Every id the extension declares in package.json or stores, declared once here.
export const EXTENSION_ID = 'weekly-papers.weekly-papers';

export const ViewContainer = {
  id: 'weeklyPapers',
} as const;

export const View = {
  issues: 'weeklyPapers.issues',
  readingList: 'weeklyPapers.readingList',
} as const;

/** Commands, as contributed in package.json (a test checks the two agree). */
export const Command = {
  openPaper: 'weeklyPapers.openPaper',
  showSummary: 'weeklyPapers.showSummary',
  openArxiv: 'weeklyPapers.openArxiv',
  openPdf: 'weeklyPapers.openPdf',
  openCode: 'weeklyPapers.openCode',
  openHuggingFace: 'weeklyPapers.openHuggingFace',
  editNote: 'weeklyPapers.editNote',
  setStatus: 'weeklyPapers.setStatus',
  copyLink: 'weeklyPapers.copyLink',
  copyBibtex: 'weeklyPapers.copyBibtex',
  revealInIssueFile: 'weeklyPapers.revealInIssueFile',
  refresh: 'weeklyPapers.refresh',
  filter: 'weeklyPapers.filter',
  clearFilter: 'weeklyPapers.clearFilter',
  exportNotes: 'weeklyPapers.exportNotes',
  importNotes: 'weeklyPapers.importNotes',
  importIssueFromClipboard: 'weeklyPapers.importIssueFromClipboard',
  importIssueFromFile: 'weeklyPapers.importIssueFromFile',
  importIssueFromUrl: 'weeklyPapers.importIssueFromUrl',
  exportBibtex: 'weeklyPapers.exportBibtex',
  chooseArxivMatch: 'weeklyPapers.chooseArxivMatch',
  removeArxivMatch: 'weeklyPapers.removeArxivMatch',
} as const;

/** Context keys the extension sets, for `when` clauses in package.json. */
export const ContextKey = {
  /** The Issues view shows only papers matching a filter (shows "Clear Filter"). */
  issuesFiltered: 'weeklyPapers.issuesFiltered',
} as const;

/** The URI scheme of the editor "Edit Note" opens for a multi-line note (saving writes the note). */
export const NOTE_SCHEME = 'weekly-papers-note';

/** Keys in workspace state. */
export const StorageKey = {
  paperStates: 'weeklyPapers.paperStates',
  /** Prefix of keys that hold stored values that did not validate, kept aside. */
  damagedPrefix: 'weeklyPapers.paperStates.damaged.',
  toldAboutDamage: 'weeklyPapers.paperStates.toldAboutDamage',
  /** What searches of arXiv found for papers the newsletter gave no id (a cache: losing it costs requests, nothing else). */
  arxivMatches: 'weeklyPapers.arxivMatches',
  /** The real titles of paywalled issues' papers, from the newsletter's site (a cache, like arxivMatches). */
  pageTitles: 'weeklyPapers.pageTitles',
} as const;

/** The summary panel's webview type (also its serializer's). */
export const SUMMARY_VIEW_TYPE = 'weeklyPapers.summary';

/** The bundled sample issue, inside the extension. */
export const SAMPLE_ISSUE_PATH = ['media', 'sample', 'vol-132.txt'] as const;

/** Settings, as contributed in package.json (`contributes.configuration`). */
export const Setting = {
  issueFiles: 'weeklyPapers.issueFiles',
  showSampleIssue: 'weeklyPapers.showSampleIssue',
  /** Where imported issues are saved, relative to the first workspace folder. */
  importFolder: 'weeklyPapers.importFolder',
  /** The newsletter's feed, offered by "Import Issue from URL...". */
  feedUrl: 'weeklyPapers.feedUrl',
  /** Off: nothing is fetched from the network (arXiv's and Hugging Face's metadata). */
  networkEnabled: 'weeklyPapers.network.enabled',
  arxivApiUrl: 'weeklyPapers.arxivApiUrl',
  arxivPagesUrl: 'weeklyPapers.arxivPagesUrl',
  /** Hugging Face's address (the API is under `/api/`); a user setting only (`scope: application`). */
  huggingFaceApiUrl: 'weeklyPapers.huggingFaceApiUrl',
} as const;

/** Language-model tools, as contributed in package.json (`contributes.languageModelTools`). */
export const Tool = {
  searchPapers: 'weeklyPapers_searchPapers',
  getPaper: 'weeklyPapers_getPaper',
  listIssue: 'weeklyPapers_listIssue',
  setReadingStatus: 'weeklyPapers_setReadingStatus',
  appendNote: 'weeklyPapers_appendNote',
} as const;
export type ToolName = (typeof Tool)[keyof typeof Tool];

/** The chat participant `@papers` (`contributes.chatParticipants`) and its slash commands. */
export const ChatParticipant = {
  id: 'weeklyPapers.papers',
  commands: { week: 'week', search: 'search', notes: 'notes' },
} as const;
