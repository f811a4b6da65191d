// The hand-written Hugging Face API fixtures (test/fixtures/huggingface, see its README), and an
// answer too large to store. Used by the unit tests and by the local test server.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** test/fixtures/huggingface, from out/test/support (compiled) or test/support (source). */
export const HUGGING_FACE_FIXTURES_DIR = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}out${path.sep}`) ? '../../../test/fixtures/huggingface' : '../fixtures/huggingface',
);

export function readHuggingFaceFixture(name: string): string {
  return fs.readFileSync(path.join(HUGGING_FACE_FIXTURES_DIR, name), 'utf8');
}

/** The fixture `<folder>/<id>.json`, or null when there is none (ids with a `/` never have one). */
export function huggingFaceAnswer(folder: 'papers' | 'models' | 'datasets', id: string): string | null {
  if (!/^[\w.-]+$/.test(id)) return null;
  const file = path.join(HUGGING_FACE_FIXTURES_DIR, folder, `${id}.json`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

/** CLaRa's answer with its `ai_summary` padded past `bytes` (ASCII, so characters are bytes): valid JSON, only too large. */
export function hugeBody(bytes = 1024 * 1024 + 1): string {
  const paper = JSON.parse(readHuggingFaceFixture('papers/2511.18659.json')) as Record<string, unknown>;
  const padding = 'Retrieval and generation, trained together. '.repeat(Math.ceil(bytes / 44) + 1);
  return JSON.stringify({ ...paper, ai_summary: padding });
}
