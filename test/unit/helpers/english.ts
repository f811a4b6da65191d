// `vscode.l10n` as it is with no translation loaded, for code that is given it (the summary page)
// and runs in plain Node here: the message itself, its `{0}`, `{1}`… filled in as VS Code does.
import type * as vscode from 'vscode';

type L10n = Pick<typeof vscode.l10n, 't'>;

function t(...params: unknown[]): string {
  const [first, ...rest] = params;
  const { message, args } =
    typeof first === 'string'
      ? { message: first, args: typeof rest[0] === 'object' ? (rest[0] as Record<string, unknown> | null) : { ...rest } }
      : (first as { message: string; args?: Record<string, unknown> | null });
  const values: Record<string, unknown> = args ?? {};
  if (Object.keys(values).length === 0) return message;
  // As VS Code's format2: `replace` turns a number or boolean into its text.
  return message.replace(/{([^}]+)}/g, (match, name: string) => (values[name] ?? match) as string);
}

export const ENGLISH: L10n = { t: t as L10n['t'] };
