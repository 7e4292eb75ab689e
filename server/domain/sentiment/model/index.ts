import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeModels, type LinearModel } from './linear';

/** Where the shipped weights live (built by `npm run train:sentiment`). */
export const MODEL_FILE = fileURLToPath(new URL('./sentiment.bin', import.meta.url));

/** Reads the weights file once; languages without weights fall back to the lexicon. */
export function loadModels(file = MODEL_FILE): Map<string, LinearModel> {
  if (!existsSync(file)) return new Map();
  return decodeModels(readFileSync(file));
}

/** The learned models, loaded when this module is first imported. */
export const MODELS: ReadonlyMap<string, LinearModel> = loadModels();
