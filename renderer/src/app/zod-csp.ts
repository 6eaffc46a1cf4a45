import { z } from 'zod';

/**
 * zod 4 compiles object parsers with `new Function` when it may, and probes for that ability once.
 * Under our CSP (`script-src 'self'`, no 'unsafe-eval') the probe fails and Chromium reports a CSP
 * violation even though zod catches it. `jitless` skips both the probe and the compilation.
 * Imported first by main.tsx, before any schema is parsed.
 */
z.config({ jitless: true });
