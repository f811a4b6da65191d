// What the "Refresh" command asks of every source of issues: read everything again.
export interface Refreshable {
  /** Re-reads what the source holds into the library; settles when done (never rejects). */
  refresh(): Promise<void>;
}
