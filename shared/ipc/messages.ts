/**
 * The one message main sends to the renderer: "the app is quitting, write the quit backup now". The
 * preload turns it into a plain callback (no event object crosses); the renderer answers with
 * `backup:quit-done`. Main quits anyway after {@link QUIT_BACKUP_TIMEOUT_MS}.
 *
 * Kept apart from contract.ts (no imports) so the sandboxed preload can use it without bundling zod.
 */
export const BACKUP_QUIT_REQUEST = 'backup:quit-request';
export const QUIT_BACKUP_TIMEOUT_MS = 30_000;
