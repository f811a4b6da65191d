// Hugging Face's paper API answer (`GET <hf>/api/papers/<arxiv id>`) -> the few facts the reader
// is shown: upvotes, the code repository, the project page, and how many models and datasets
// cite the paper. Pure: no vscode import, never throws. The JSON is bounded before it is parsed,
// checked with zod, and every address in it goes through checkUrl before it may become a link.
import * as z from 'zod';
import { checkUrl, linkTarget } from '../parse/links';
import { apiAddress } from '../net/localAddress';

export interface HuggingFacePaper {
  /** The arXiv id, as Hugging Face gives it (no version). */
  readonly id: string;
  readonly title: string | null;
  readonly upvotes: number | null;
  /** An http(s) github.com or gitlab.com repository (`owner/name` at least); null for anything else. */
  readonly githubRepo: string | null;
  readonly githubStars: number | null;
  /** An http(s) address; null for anything else. */
  readonly projectPage: string | null;
  /** Models on Hugging Face that cite the paper, at most ARTIFACT_COUNT_LIMIT (which means "that many or more"); null when not counted. */
  readonly models: number | null;
  /** Datasets, likewise. */
  readonly datasets: number | null;
}

export type HuggingFaceParse<T> = { readonly ok: true } & T | { readonly ok: false; readonly error: string };

/** Larger answers are refused unread: a paper's record is a few kilobytes. */
export const MAX_HUGGING_FACE_BODY_BYTES = 1024 * 1024;
/** Linked models or datasets are listed up to this many: a count equal to it means "at least". */
export const ARTIFACT_COUNT_LIMIT = 100;
/** Longer strings are not addresses or titles a reader needs. */
const MAX_FIELD_CHARS = 2000;

const Count = z.number().int().nonnegative().nullable().catch(null);
const Text = z.string().nullable().catch(null);

/** The API's answer: only the fields used; missing or odd-typed ones become null; others are ignored. */
const ApiPaper = z.object({
  id: z.string().trim().min(1).max(100),
  title: Text,
  upvotes: Count,
  githubRepo: Text,
  githubStars: Count,
  projectPage: Text,
});

/** A paper as cached: the same checks the parser makes, so a damaged cache file cannot smuggle in a link. */
export const HuggingFacePaperSchema: z.ZodType<HuggingFacePaper> = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(MAX_FIELD_CHARS).nullable(),
  upvotes: z.number().int().nonnegative().nullable(),
  githubRepo: z.string().nullable().refine((value) => value === null || repositoryUrl(value) === value),
  githubStars: z.number().int().nonnegative().nullable(),
  projectPage: z.string().nullable().refine((value) => value === null || webUrl(value) === value),
  models: z.number().int().nonnegative().nullable(),
  datasets: z.number().int().nonnegative().nullable(),
});

/** Parses the answer for one paper. `models` and `datasets` are null: they come from other requests. */
export function parseHuggingFacePaper(jsonText: string): HuggingFaceParse<{ readonly paper: HuggingFacePaper }> {
  const json = boundedJson(jsonText);
  if (!json.ok) return json;
  const checked = ApiPaper.safeParse(json.value);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`).join('; ');
    return { ok: false, error: `Hugging Face's answer is not a paper (${problems})` };
  }
  const raw = checked.data;
  const title = raw.title?.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD_CHARS) || null;
  const paper: HuggingFacePaper = {
    id: raw.id,
    title,
    upvotes: raw.upvotes,
    githubRepo: raw.githubRepo === null ? null : repositoryUrl(raw.githubRepo.trim()),
    githubStars: raw.githubStars,
    projectPage: raw.projectPage === null ? null : webUrl(raw.projectPage.trim()),
    models: null,
    datasets: null,
  };
  return { ok: true, paper };
}

/** How many items a list answer (`/api/models?filter=arxiv:<id>`, `/api/datasets?...`) holds. */
export function parseHuggingFaceListCount(jsonText: string): HuggingFaceParse<{ readonly count: number }> {
  const json = boundedJson(jsonText);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) return { ok: false, error: "Hugging Face's answer is not a list" };
  return { ok: true, count: json.value.length };
}

/** The address as checkUrl passes it, when it is a github.com or gitlab.com repository (`/owner/name...`). */
export function repositoryUrl(candidate: string): string | null {
  const checked = webCheck(candidate);
  if (!checked) return null;
  const parts = checked.url.pathname.split('/').filter((part) => part.length > 0);
  return linkTarget(checked.url).kind === 'code' && parts.length >= 2 ? checked.href : null;
}

/** The address as checkUrl passes it (http or https, nothing glued to it), or null. */
export function webUrl(candidate: string): string | null {
  return webCheck(candidate)?.href ?? null;
}

function webCheck(candidate: string): { url: URL; href: string } | null {
  if (candidate.length === 0 || candidate.length > MAX_FIELD_CHARS) return null;
  const checked = checkUrl(candidate);
  return checked.ok ? checked : null;
}

/** `<base>/api/papers/<id>`; null unless `base` is https, or http on this computer (isApiAddress). */
export function huggingFacePaperUrl(base: string, id: string): string | null {
  return apiUrl(base, `papers/${id.split('/').map(encodeURIComponent).join('/')}`, '');
}

/** `<base>/api/models?filter=arxiv:<id>&limit=100` (or datasets); null when `base` is not http(s). */
export function huggingFaceArtifactsUrl(base: string, kind: 'models' | 'datasets', id: string): string | null {
  return apiUrl(base, kind, `?filter=arxiv:${encodeURIComponent(id)}&limit=${ARTIFACT_COUNT_LIMIT}`);
}

function apiUrl(base: string, path: string, search: string): string | null {
  const url = apiAddress(base);
  if (url === null) return null;
  // A mirror may live under a path: `https://mirror.example/hf` -> `https://mirror.example/hf/api/...`.
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/${path}`;
  url.search = search;
  url.hash = '';
  return url.toString();
}

function boundedJson(jsonText: string): HuggingFaceParse<{ readonly value: unknown }> {
  if (utf8LengthExceeds(jsonText, MAX_HUGGING_FACE_BODY_BYTES)) {
    return { ok: false, error: `Hugging Face's answer is larger than ${MAX_HUGGING_FACE_BODY_BYTES / (1024 * 1024)} MB; it was not read` };
  }
  try {
    return { ok: true, value: JSON.parse(jsonText) as unknown };
  } catch (error) {
    return { ok: false, error: `Hugging Face's answer is not JSON (${error instanceof Error ? error.message.slice(0, 200) : String(error)})` };
  }
}

/** Whether the text takes more than `limit` bytes as UTF-8, counted without encoding it. */
export function utf8LengthExceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair: one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3; // a lone surrogate is encoded as U+FFFD, 3 bytes too
    if (bytes > limit) return true;
  }
  return false;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
