import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parse } from 'yaml';
import { renderHelmTemplate, type HelmRenderContext } from './helm-render.ts';

const ctx = (Values: Record<string, unknown>): HelmRenderContext => ({ Values, Release: { Name: 'rel', Namespace: 'apps' }, Chart: { Name: 'c', Version: '1.0.0' } });
const render = (t: string, values: Record<string, unknown> = {}): string => renderHelmTemplate(t, ctx(values));

describe('renderHelmTemplate', () => {
  it('reads fields, index chains, the release and quotes', () => {
    const values = { a: { b: 3 }, services: { 'my-api': { image: 'x:1' } } };
    expect(render('n: {{ .Values.a.b }} r: {{ .Release.Name }} ns: {{ .Release.Namespace }}', values)).toBe('n: 3 r: rel ns: apps');
    expect(render('image: {{ index .Values "services" "my-api" "image" | quote }}', values)).toBe('image: "x:1"');
    expect(render('{{ .Values.missing.deeper }}|', values)).toBe('|');
  });

  it('trims whitespace on the side of a dash, and only there', () => {
    expect(render('a:\n  {{- " b" }}\nc')).toBe('a: b\nc');
    expect(render('a {{ "b" -}}\n\n  c')).toBe('a bc');
    expect(render('a {{ "b" }} c')).toBe('a b c');
  });

  it('writes blocks with toYaml and nindent, keys sorted like Helm', () => {
    const out = render('spec:\n  resources:\n    {{- toYaml .Values.r | nindent 4 }}\n', { r: { requests: { memory: '1Gi', cpu: '1' } } });
    expect(out).toBe('spec:\n  resources:\n    requests:\n      cpu: "1"\n      memory: 1Gi\n');
    expect(render('d:\n  {{- toYaml .Values.e | nindent 2 }}', { e: {} })).toBe('d:\n  {}');
  });

  it('branches with if / else / end on Go truthiness', () => {
    const t = '{{- if .Values.on }}yes{{ else }}no{{ end }}';
    expect(render(t, { on: true })).toBe('yes');
    for (const off of [false, 0, '', [], {}, undefined]) expect(render(t, { on: off })).toBe('no');
  });

  it('binds variables, finds nothing with lookup and falls back with default and get', () => {
    const t = '{{- $e := (lookup "v1" "Secret" .Release.Namespace "s").data | default dict }}v: {{ get $e "k" | default ("fresh" | b64enc) | quote }}';
    expect(render(t)).toBe(`v: "${Buffer.from('fresh').toString('base64')}"`);
  });

  it('prints a literal {{ escaped as an action', () => {
    expect(render('x: {{ "{{" }} y }}')).toBe('x: {{ y }}');
  });

  it('fails required values with INVALID_ARGUMENT and unknown syntax with PARSE_FAILED', () => {
    expect(() => render('{{ required "set x" .Values.x }}', { x: '' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: 'set x' }));
    expect(render('{{ required "set x" .Values.x }}', { x: 'given' })).toBe('given');
    for (const bad of ['{{ range .Values.x }}{{ end }}', '{{ if .Values.x }}', '{{ end }}', '{{ .Values.x', '{{ include "a" . }}']) {
      expect(() => render(bad)).toThrow(expect.objectContaining({ code: 'PARSE_FAILED' }));
    }
  });

  it('makes random values of the requested shape', () => {
    expect(render('{{ randAlphaNum 32 }}')).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(render('{{ randAlpha 8 | lower }}')).toMatch(/^[a-z]{8}$/);
    expect(render('{{ randNumeric 6 }}')).toMatch(/^\d{6}$/);
    expect(Buffer.from(render('{{ randBytes 24 }}'), 'base64')).toHaveLength(24);
    expect(render('{{ uuidv4 }}')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(render('{{ genPrivateKey "ed25519" }}')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  test.prop([fc.dictionary(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/), fc.string({ maxLength: 30 }), { maxKeys: 6 }), fc.integer({ min: 0, max: 12 })], { numRuns: 100 })(
    'toYaml | nindent round-trips any string map under a key at any indentation',
    (env, depth) => {
      const pad = ' '.repeat(depth);
      const out = render(`${pad}data:\n${pad}  {{- toYaml .Values.env | nindent ${depth + 2} }}\n`, { env });
      expect(parse(out, { version: '1.1' })).toEqual({ data: env });
    },
  );

  test.prop([fc.string({ maxLength: 40 })], { numRuns: 100 })('quote round-trips any string through YAML', (s) => {
    expect(parse(render('v: {{ .Values.s | quote }}', { s }))).toEqual({ v: s });
  });
});
