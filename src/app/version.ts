import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root (package.json, web/dist) and the version it declares; cheap to import (the CLI's start-up reads it). */
export const ROOT_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const VERSION = (JSON.parse(readFileSync(resolve(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }).version;
