// The CLI's JSON: the model with summaries as plain text and source positions left out.
import type { Diagnostic, Link, ParseResult } from '../core/model/model';
import { summaryToText } from '../core/parse/summary';

interface JsonLink { kind: Link['kind']; url: string }

export interface JsonEntry {
  file: string;
  issues: unknown[];
  diagnostics: Array<Pick<Diagnostic, 'severity' | 'line' | 'message' | 'code'>>;
}

const links = (items: readonly Link[]): JsonLink[] => items.map(({ kind, url }) => ({ kind, url }));

export function toJsonEntry(file: string, result: ParseResult): JsonEntry {
  return {
    file,
    issues: result.issues.map((issue) => ({
      volume: issue.volume,
      week: issue.week,
      title: issue.title,
      shape: issue.shape,
      webUrl: issue.webUrl,
      cutOff: issue.cutOff,
      highlights: issue.highlights.map(({ title, org }) => ({ title, org })),
      papers: issue.papers.map((paper) => ({
        number: paper.number,
        title: paper.title,
        shortTitle: paper.shortTitle,
        contentsTitle: issue.highlights.length > 0 ? paper.shortTitle : null,
        complete: paper.complete,
        org: paper.org,
        key: paper.key,
        arxivId: paper.arxivId,
        arxivVersion: paper.arxivVersion,
        summary: summaryToText(paper.summary),
        links: links(paper.links),
        lines: paper.range,
      })),
      extras: issue.extras.map((extra) => ({
        section: extra.section,
        title: extra.title,
        key: extra.key,
        summary: summaryToText(extra.summary),
        arxivId: extra.arxivId,
        arxivVersion: extra.arxivVersion,
        links: links(extra.links),
        lines: extra.range,
      })),
      lines: issue.range,
    })),
    diagnostics: result.diagnostics.map(({ severity, line, message, code }) => ({ severity, line, message, code })),
  };
}
