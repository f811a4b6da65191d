// The links a paper can offer in the summary panel, as the page names them (it never sends a URL).
// Without zod, so the page's bundle can check a button's kind before it sends it.

export const PANEL_LINK_KINDS = ['arxiv', 'pdf', 'code', 'huggingface', 'web', 'project'] as const;

export function isPanelLinkKind(value: string): value is (typeof PANEL_LINK_KINDS)[number] {
  return (PANEL_LINK_KINDS as readonly string[]).includes(value);
}
