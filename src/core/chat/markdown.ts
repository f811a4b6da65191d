// Newsletter text in Markdown the chat view renders: escaped so that a title can neither make a
// link (`](command:…)`), nor code, emphasis, HTML or a new block; a longer text in a fence no run
// of backticks inside can close. Links to the panel are built here, from a paper key only.

/** Every character CommonMark may give a meaning, backslash-escaped; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+\-.!|~&"'=:$]/g, (char) => `\\${char}`)
    .replace(/\s{2,}/g, ' ');
}

/** One line of newsletter text, escaped and cut to `max` characters. */
export function markdownLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeMarkdown(flat.length > max ? `${flat.slice(0, max).trimEnd()}…` : flat);
}

/** A block of text shown as it is, in a fence longer than any run of backticks in it. */
export function markdownFence(text: string, max = 4000): string {
  const body = text.length > max ? `${text.slice(0, max)}…` : text;
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** A `command:` URI running `command` with `args` (JSON, percent-encoded). */
export function commandUri(command: string, args: readonly unknown[]): string {
  // encodeURIComponent leaves ( ) ' ! * as they are: a `)` would end the Markdown link early.
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${query}`;
}

/** `[title](command:…?["key"])`: the title escaped, the command given the paper's key alone. */
export function paperLink(title: string, key: string, command: string): string {
  return `[${markdownLine(title)}](${commandUri(command, [key])})`;
}
