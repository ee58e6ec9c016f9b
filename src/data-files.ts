// Knowledge lives in data/ as JSON and YAML files; this module finds and parses them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export function readDataFile<T>(name: string): T {
  const text = readFileSync(DATA_DIR + name, 'utf8');
  return (name.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as T;
}
