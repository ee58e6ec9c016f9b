import type { Command } from 'commander';
import type { DocumentExtras } from '../ingest/ingest.ts';
export const extractionExtras: DocumentExtras | undefined = undefined;
export function registerExtractionCommands(_program: Command, _result: { code: number }): void {}
