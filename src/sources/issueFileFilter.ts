// Which paths of a workspace folder are issue files, the way findFiles would answer: the
// `weeklyPapers.issueFiles` glob and `files.exclude`, both relative to the folder, and never
// anything in node_modules or .git. For walking a folder whose file system has no search
// provider (a virtual workspace). Pure (no vscode): unit-tested in plain Node.
import picomatch from 'picomatch/posix';
import { Setting } from '../constants';
import { SETTING_DEFAULTS } from '../settings/defaults';

/** The `weeklyPapers.issueFiles` setting's default (package.json declares the same; a unit test checks). */
export const DEFAULT_ISSUE_FILES = SETTING_DEFAULTS[Setting.issueFiles];

/** Folders never entered, whatever the settings say: dependencies, and git's own store. */
const NEVER_ENTERED: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** The same folders as a glob, for findFiles' exclude. */
export const NEVER_ENTERED_GLOB = `**/{${[...NEVER_ENTERED].join(',')}}/**`;

/**
 * VS Code's glob dialect as findFiles reads it: `*` and `**` also match names that start with a
 * dot, and case counts. Paths are always `/`-separated (they come from URIs), hence the posix build.
 */
const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true };

/**
 * A VS Code glob as picomatch must be given it: parentheses, `|` and a leading `!` mean nothing
 * special to VS Code (`Newsletters (IR)/*.txt` names that folder), but picomatch reads them as
 * groups, alternatives and negation. Escaped, they are plain characters.
 */
function asPicomatch(glob: string): string {
  return glob.replace(/[()|]/g, '\\$&').replace(/^!/, '\\!');
}

/** The fixed start picomatch finds in an escaped glob, as a plain path again. */
function baseOf(escaped: string): string {
  return picomatch.scan(escaped).base.replace(/\\([()|!])/g, '$1');
}

// How complex a glob may be before picomatch is given it. picomatch makes a glob a regular
// expression that backtracks: each `*` in a name multiplies the ways a path can be tried, and so
// does each `**`. `*a*a*a*a*a*a*a*a*a*a*a*a*b/**/*.txt` took 34 s for one path; on a name of 255
// characters three `*` in one name took 17 ms, four 1 s, five 51 s. Within these limits the worst
// measured (`**/*a*/**/*.txt` on a path 17 folders deep of such names) takes about 16 ms, and the
// globs people write (`**/*.{txt,md}`, `issues/**/*vol*.txt`) are well inside them.
export const GLOB_LIMITS = {
  /** Characters in the glob. */
  length: 512,
  /** `*`, `?` and `{` characters in all. */
  wildcards: 16,
  /** Runs of `*` (`*` or `**`) in all. */
  stars: 4,
  /** Runs of `*` in one folder or file name (between two `/`). */
  starsInName: 2,
} as const;

/** Which limit a glob is over, how far, and the limit. */
export interface GlobOverLimit {
  readonly limit: keyof typeof GLOB_LIMITS;
  readonly found: number;
  readonly max: number;
}

const STAR_RUN = /\*+/g;

/** The first of GLOB_LIMITS the glob is over, or null when picomatch may be given it. */
export function globOverLimit(glob: string): GlobOverLimit | null {
  const over = (limit: keyof typeof GLOB_LIMITS, found: number): GlobOverLimit | null =>
    found > GLOB_LIMITS[limit] ? { limit, found, max: GLOB_LIMITS[limit] } : null;
  const names = glob.split('/').map((name) => name.match(STAR_RUN)?.length ?? 0);
  return (
    over('length', glob.length) ??
    over('wildcards', glob.match(/[*?{]/g)?.length ?? 0) ??
    over('stars', names.reduce((sum, runs) => sum + runs, 0)) ??
    over('starsInName', names.reduce((most, runs) => Math.max(most, runs), 0))
  );
}

/** Thrown for a glob over GLOB_LIMITS: picomatch is never given it. */
export class GlobTooComplexError extends Error {
  constructor(readonly glob: string, readonly over: GlobOverLimit) {
    super(`the glob ${JSON.stringify(glob.slice(0, 80))} is over the limit of ${over.max} ${over.limit} (it has ${over.found})`);
  }
}

export interface IssueFileFilter {
  /** Whether to look inside a folder (its path relative to the workspace folder, `/`-separated). */
  entersFolder(path: string, siblings: ReadonlySet<string>): boolean;
  /** Whether a file is one the glob names and files.exclude does not hide. */
  listsFile(path: string, siblings: ReadonlySet<string>): boolean;
}

/** One `files.exclude` entry that hides something: always, or only beside a sibling (`when`). */
interface ExcludeRule {
  readonly matches: (path: string) => boolean;
  /** `$(basename).ts`: the path is hidden only if its folder holds that name too. */
  readonly when: string | null;
}

/**
 * @param glob the `weeklyPapers.issueFiles` setting (a non-empty glob; picomatch may throw on a
 *   malformed one, and a GlobTooComplexError is thrown for one over GLOB_LIMITS)
 * @param exclude the folder's `files.exclude` setting, as read: anything that is not an object
 *   hides nothing, nor does a pattern over GLOB_LIMITS
 */
export function createIssueFileFilter(glob: string, exclude: unknown): IssueFileFilter {
  const over = globOverLimit(glob);
  if (over) throw new GlobTooComplexError(glob, over);
  const escaped = asPicomatch(glob);
  const isIssueFile = picomatch(escaped, GLOB_OPTIONS);
  // Only folders on the way to the glob's fixed start (`issues/` of `issues/**/*.txt`) can hold a match.
  const base = baseOf(escaped);
  const rules = excludeRules(exclude);
  const excluded = (path: string, siblings: ReadonlySet<string>): boolean =>
    rules.some((rule) => rule.matches(path) && (rule.when === null || siblings.has(siblingName(rule.when, path))));
  return {
    entersFolder: (path, siblings) => !neverEntered(path) && onTheWayTo(base, path) && !excluded(path, siblings),
    listsFile: (path, siblings) => !neverEntered(path) && isIssueFile(path) && !excluded(path, siblings),
  };
}

/** Whether a path (relative to its workspace folder, `/`-separated) is in, or is, a folder never entered. */
export function neverEntered(path: string): boolean {
  return path.split('/').some((name) => NEVER_ENTERED.has(name));
}

/** Whether folder `path` is `base`, on the way to it, or under it (every folder is, for an empty base). */
function onTheWayTo(base: string, path: string): boolean {
  return base === '' || path === base || base.startsWith(`${path}/`) || path.startsWith(`${base}/`);
}

function excludeRules(exclude: unknown): ExcludeRule[] {
  if (typeof exclude !== 'object' || exclude === null || Array.isArray(exclude)) return [];
  const rules: ExcludeRule[] = [];
  for (const [pattern, value] of Object.entries(exclude)) {
    const when = whenClause(value);
    if (pattern.trim() === '' || (value !== true && when === null)) continue; // false, or not a setting VS Code knows
    // A workspace sets files.exclude even when it is not trusted: a pattern that could take
    // minutes to match hides nothing, like a malformed one.
    if (globOverLimit(pattern)) continue;
    try {
      rules.push({ matches: picomatch(asPicomatch(pattern), GLOB_OPTIONS), when });
    } catch {
      // One malformed pattern hides nothing, as in VS Code; the others still apply.
    }
  }
  return rules;
}

function whenClause(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('when' in value)) return null;
  const when = value.when;
  return typeof when === 'string' && when !== '' ? when : null;
}

/** VS Code's `when`: `$(basename)` is the name without its last extension (`a.js` → `a`), replaced once. */
function siblingName(when: string, path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return when.replace('$(basename)', () => (dot > 0 ? name.slice(0, dot) : name));
}

/**
 * Whether a walk from the folder's root would list the file at `path`: every folder on the way
 * entered, and the file listed. For telling a reader that an issue saved there stays hidden.
 */
export function wouldList(filter: IssueFileFilter, path: string): boolean {
  const parts = path.split('/');
  const none: ReadonlySet<string> = new Set();
  for (let depth = 1; depth < parts.length; depth++) {
    if (!filter.entersFolder(parts.slice(0, depth).join('/'), none)) return false;
  }
  return filter.listsFile(path, none);
}
