import * as electron from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './start-app';

// Composition root entry: all wiring lives in start-app.ts so it can run against a stubbed `electron`.
startApp(electron, { mainDir: dirname(fileURLToPath(import.meta.url)), env: process.env });
