import type { Diagnostic } from '@deployment-manager/core/pure';
import type { PromptSpec } from './types.ts';
import { secretDiagnostic, type SecretDiagnosticCode } from './diagnostic-codes.ts';

/** True when `format` compiles as a JavaScript regular expression. */
export function isValidFormat(format: string): boolean {
  try {
    new RegExp(format);
    return true;
  } catch {
    return false;
  }
}

/** Checks a prompt: a non-empty label, string description/hint, and a `format` that compiles. */
export function checkPrompt(prompt: unknown, path: string): Diagnostic[] {
  const bad = (code: SecretDiagnosticCode, at: string, message: string, hint: string): Diagnostic => secretDiagnostic(code, message, { path: path + at, hint });
  if (typeof prompt !== 'object' || prompt === null) return [bad('SECRET_PROMPT_INVALID', '', 'prompt is not an object', 'use { "label": "...", "description": "..." }')];
  const p = prompt as Partial<PromptSpec>;
  const issues: Diagnostic[] = [];
  if (typeof p.label !== 'string' || p.label.trim() === '') issues.push(bad('SECRET_PROMPT_INVALID', '/label', 'prompt has no label', 'add a short label such as "OpenAI API key"'));
  for (const key of ['description', 'hint'] as const) {
    if (p[key] !== undefined && typeof p[key] !== 'string') issues.push(bad('SECRET_PROMPT_INVALID', `/${key}`, `prompt ${key} is not a string`, `make ${key} a sentence`));
  }
  if (p.format !== undefined && (typeof p.format !== 'string' || !isValidFormat(p.format))) {
    issues.push(bad('SECRET_FORMAT_INVALID', '/format', `prompt format ${JSON.stringify(p.format)} is not a valid regular expression`, 'fix the pattern so that new RegExp(format) accepts it'));
  }
  return issues;
}
