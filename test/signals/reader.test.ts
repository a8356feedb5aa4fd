import { describe, expect, it } from 'vitest';
import { MAX_READ_CHARS, MAX_SIGNAL_LINES, type SignalLine, SignalReader, signalLabel } from '../../src/signals/reader';
import { TEST_KEYS } from './keys';

const reader = new SignalReader(TEST_KEYS);
const one = (text: string, mode: 'prose' | 'code' | 'query' = 'code'): SignalLine => {
  const lines = reader.read(text, mode);
  expect(lines, text).toHaveLength(1);
  return lines[0]!;
};
const written = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);
const flagsOf = (line: SignalLine) => line.flags.map((flag) => `${flag.code}${flag.known ? '' : '?'}`);

// Lines written for these tests, in the shapes Envoy and Istio print.
const ISTIO = '[2026-01-05T10:00:00.000Z] "POST /v1/pay HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 12 95 3 - "-" "shop/1.0" "4f1c" "pay:8080" "10.1.2.3:8080" outbound|8080|v2|pay.shop.svc.cluster.local 10.1.0.4:4000 10.96.0.7:8080 10.1.0.4:4002 - default';
const ENVOY = '[2026-01-05T10:00:01.000Z] "GET /stock HTTP/2" 503 UH 0 19 0 - "-" "curl/8.4.0" "9a2b" "stock:9090" "-"';
const TCP = '[2026-01-05T10:00:02.000Z] "- - -" 0 UF,URX - - "-" 0 0 1001 - "-" "-" "-" "-" "10.4.0.9:5432" outbound|5432||db.data.svc.cluster.local - 10.96.3.3:5432 10.1.0.4:3900 - -';

describe('SignalReader: access-log lines', () => {
  it("decodes Istio's default format: status, flags, details with the reset reason, the cluster split", () => {
    const line = one(ISTIO);
    expect(line.shape).toBe('access-log');
    expect(line.status).toBe(503);
    expect(flagsOf(line)).toEqual(['UC']);
    expect(written(ISTIO, line.flags[0]!)).toBe('UC');
    expect(line.details).toMatchObject({ token: 'upstream_reset_before_response_started', suffix: 'connection_termination', known: true, resetReason: 'connection_termination' });
    expect(written(ISTIO, line.details!)).toBe('upstream_reset_before_response_started{connection_termination}');
    expect(line.clusters).toEqual([expect.objectContaining({ name: 'outbound|8080|v2|pay.shop.svc.cluster.local', special: false, anatomy: { direction: 'outbound', port: '8080', subset: 'v2', host: 'pay.shop.svc.cluster.local' } })]);
    expect(signalLabel(line)).toBe('503 UC');
  });

  it("decodes Envoy's default format, which has no details field", () => {
    const line = one(ENVOY);
    expect(line.status).toBe(503);
    expect(flagsOf(line)).toEqual(['UH']);
    expect(line.details).toBeUndefined();
  });

  it('decodes a TCP line and a flag list', () => {
    const line = one(TCP);
    expect(line.status).toBe(0);
    expect(flagsOf(line)).toEqual(['UF', 'URX']);
    expect(line.clusters[0]!.anatomy).toEqual({ direction: 'outbound', port: '5432', subset: '', host: 'db.data.svc.cluster.local' });
    expect(signalLabel(line)).toBe('UF,URX');
  });

  it('reads a line behind a kubectl or log-viewer prefix', () => {
    for (const prefix of ['pay-7d9f istio-proxy ', '2026-01-05T10:00:00.123456789Z ', 'INFO 2026-01-05 [container: istio-proxy] ']) {
      const line = one(prefix + ISTIO);
      expect(flagsOf(line)).toEqual(['UC']);
      expect(written(prefix + ISTIO, line.flags[0]!)).toBe('UC');
    }
  });

  it('reads no flag where the field is "-", and the details after it', () => {
    const text = '"GET /a HTTP/1.1" 403 - rbac_access_denied_matched_policy[ns[shop]-policy[deny-all]-rule[0]] - "-" 0 19 0 - "-"';
    const line = one(text);
    expect(line.flags).toEqual([]);
    expect(line.details).toMatchObject({ token: 'rbac_access_denied_matched_policy', known: true });
    const denied = one('"GET /a HTTP/1.1" 403 - rbac_access_denied_matched_policy[none] - "-"');
    expect(denied.details!.suffix).toBe('none');
  });

  it('says an unknown or lower-case flag in the flags position is unknown', () => {
    expect(flagsOf(one('"GET /a HTTP/1.1" 503 XQZ - "-" 0 0 0'))).toEqual(['XQZ?']);
    expect(flagsOf(one('"GET /a HTTP/1.1" 503 uf,URX - "-" 0 0 0'))).toEqual(['uf?', 'URX']);
  });

  it('reads special clusters and inbound clusters', () => {
    const passthrough = one('[t] "- - -" 0 - - - "-" 10 20 30 - "-" "-" "-" "-" "1.2.3.4:443" PassthroughCluster 10.0.0.1:5000 1.2.3.4:443 10.0.0.1:4999 - -');
    expect(passthrough.clusters).toEqual([expect.objectContaining({ name: 'PassthroughCluster', special: true })]);
    const inbound = one('"GET / HTTP/1.1" 200 - via_upstream - "-" 0 5 1 1 "-" "-" "-" "-" "127.0.0.1:80" inbound|80|| 127.0.0.1:4000 10.0.0.5:80 10.0.0.9:5000 outbound_.80_._.web.shop.svc.cluster.local default');
    expect(inbound.clusters.map((cluster) => cluster.anatomy)).toEqual([
      { direction: 'inbound', port: '80', subset: '', host: '' },
      { direction: 'outbound', port: '80', subset: '', host: 'web.shop.svc.cluster.local' },
    ]);
    // A success carries nothing to explain: it is not listed.
    expect(signalLabel(inbound)).toBeUndefined();
  });
});

describe('SignalReader: structured logs', () => {
  it('reads JSON keys, camelCase keys and key="value" pairs', () => {
    const json = '{"start_time":"2026-01-05T10:00:00Z","response_code":503,"response_flags":"UF,URX","response_code_details":"upstream_reset_before_response_started{connection_failure}","upstream_cluster":"outbound|80||a.b.svc.cluster.local"}';
    const line = one(json);
    expect(line.shape).toBe('json-log');
    expect([line.status, flagsOf(line), line.details?.resetReason, line.clusters[0]?.anatomy?.host]).toEqual([503, ['UF', 'URX'], 'connection_failure', 'a.b.svc.cluster.local']);
    expect(written(json, line.flags[1]!)).toBe('URX');
    const camel = one('{"responseCode":"504","responseFlags":"UT","responseCodeDetails":"upstream_response_timeout"}');
    expect([camel.status, flagsOf(camel), camel.details?.token]).toEqual([504, ['UT'], 'upstream_response_timeout']);
    expect(camel.details?.known).toBe(false);
    const labels = one('response_code="429", response_flags="RL", response_code_details="request_rate_limited"');
    expect([labels.status, flagsOf(labels)]).toEqual([429, ['RL']]);
  });

  it('reads a pretty-printed or wrapped record as one entry, and Markdown bold around values', () => {
    const text = '{\n  "response_code": 503,\n  "response_flags": "UO",\n  "response_code_details": "upstream_reset_before_response_started{overflow}"\n}';
    const line = one(text);
    expect([line.status, flagsOf(line), line.details?.resetReason]).toEqual([503, ['UO'], 'overflow']);
    const bold = one('{"**response_flags**":"-","response_code":"**200**","response_code_details":"via_upstream"}');
    expect([bold.status, bold.flags, bold.details?.token]).toEqual([200, [], 'via_upstream']);
  });

  it('reads a count table only under a response_flags header', () => {
    const table = reader.read('code | response_flags | n\n--- | --- | ---\n503 | UC | 4\n503 | UO | 9', 'code');
    expect(table.map((line) => [line.status, flagsOf(line)])).toEqual([[503, ['UC']], [503, ['UO']]]);
    expect(reader.read('team | dc | n\n--- | --- | ---\nops | DC | 4\nsre | NR | 2', 'code')).toEqual([]);
  });
});

describe('SignalReader: analyze output, details, errors', () => {
  it('reads IST codes with their level, and a bare code only in code or a query', () => {
    const text = 'Error [IST0101] (VirtualService shop/pay) Referenced host not found: "pay"\nWarn [IST0105](Pod/shop/pay-1) old proxy\nInfo [IST0102] (Namespace legacy) not injected\nWarning [IST0999] (Pod a/b) a future message';
    const lines = reader.read(text, 'prose');
    expect(lines.map((line) => [line.analyzers[0]!.code, line.analyzers[0]!.level, line.analyzers[0]!.known])).toEqual([
      ['IST0101', 'Error', true],
      ['IST0105', 'Warn', true],
      ['IST0102', 'Info', true],
      ['IST0999', 'Warning', false],
    ]);
    expect(reader.read('see IST0101 in the docs', 'prose')).toEqual([]);
    expect(one('IST0101', 'query').analyzers[0]!.code).toBe('IST0101');
    expect(one('kubectl logs … IST0103', 'code').analyzers[0]!.code).toBe('IST0103');
  });

  it('reads a known detail token alone in code, with its suffix, and the flag and status beside it', () => {
    const text = 'our custom format prints `503 upstream_reset_before_response_started{remote reset} UC` here';
    const line = one(text, 'code');
    expect([line.status, flagsOf(line), line.details?.resetReason]).toEqual([503, ['UC'], 'remote_reset']);
    expect(written(text, line.details!)).toBe('upstream_reset_before_response_started{remote reset}');
    // In prose a detail-like name is a name (the route action `direct_response`), and a plain word is a word.
    expect(reader.read('set direct_response on the route', 'prose')).toEqual([]);
    expect(reader.read('the overload manager', 'code')).toEqual([]);
  });

  it('reads error sentences case-insensitively, with the reasons Envoy gives', () => {
    const text = 'upstream connect error or disconnect/reset before headers. retried and the latest reset reason: connection failure, transport failure reason: delayed connect error: 111';
    const line = one(text, 'prose');
    expect(line.errors[0]).toMatchObject({ id: 'upstream_connect_error', resetReason: 'connection failure', transportFailure: 'delayed connect error: 111', retried: true });
    // The transport failure names another error line: it belongs to the first.
    expect(line.errors[1]).toMatchObject({ id: 'delayed_connect_error', within: 'upstream_connect_error' });
    expect(one('curl says: rbac: Access Denied', 'prose').errors[0]!.id).toBe('rbac_access_denied');
    expect(one('our gateway now answers "jwt is missing" on every call', 'prose').errors[0]!.id).toBe('jwt_missing');
    expect(one('upstream connect error or disconnect/reset before headers. reset reason: overflow', 'prose').errors[0]).toMatchObject({ resetReason: 'overflow', retried: false });
  });
});

describe('SignalReader: flag-like words are words', () => {
  const prose = [
    'The DC team moved the NR service; UF stands for our upstream failover board.',
    'Please DO check the UT coverage before the RL review.',
    'each dc keeps two replicas; the nightly ut job is red',
    'Marathon on DC/OS, and the DCO bot wants a sign-off.',
  ];
  it('decodes nothing in prose, in code, or as a query', () => {
    for (const text of prose) for (const mode of ['prose', 'code', 'query'] as const) expect(reader.marks(text, mode), `${mode}: ${text}`).toEqual([]);
  });

  it('decodes no flag in YAML or a table without a response_flags column', () => {
    const yaml = 'response_flag_filter:\n  flags:\n  - UF\n  - NR\n  - DC';
    expect(reader.marks(yaml, 'code')).toEqual([]);
    expect(reader.marks('| flag | count |\n| --- | --- |\n| UF | 3 |\n| DC | 1 |', 'code')).toEqual([]);
  });

  it('decodes flags alone only in a query, and only known upper-case ones', () => {
    expect(flagsOf(one('UF', 'query'))).toEqual(['UF']);
    expect([one('503 UC', 'query').status, flagsOf(one('503 UC', 'query'))]).toEqual([503, ['UC']]);
    expect(reader.read('uf', 'query')).toEqual([]);
    expect(reader.read('503 UC', 'prose')).toEqual([]);
    expect(reader.read('UF', 'code')).toEqual([]);
  });
});

describe('SignalReader: bounds', () => {
  it('reads at most MAX_READ_CHARS of a call and reports at most MAX_SIGNAL_LINES lines', () => {
    const block = `${ISTIO}\n`.repeat(5000);
    const lines = reader.read(block, 'code');
    expect(lines.length).toBe(MAX_SIGNAL_LINES);
    expect(lines.at(-1)!.end).toBeLessThanOrEqual(MAX_READ_CHARS);
    const long = reader.read('x'.repeat(MAX_READ_CHARS - 10) + `\n${ISTIO}`, 'code');
    expect(long).toEqual([]);
  });

  it('returns on hostile input: quotes, brackets, pipes, keys and codes by the thousand', () => {
    // Each of these would take far longer than the test's time limit with a backtracking pattern.
    const hostile = [
      '"'.repeat(60_000),
      `"GET ${'/'.repeat(30_000)} HTTP/1.1" 503 ${'UF,'.repeat(10_000)}`,
      `upstream_reset_before_response_started${'{'.repeat(30_000)}`,
      `"a" ${'{[ '.repeat(20_000)}`,
      '|'.repeat(60_000),
      `response_flags|${'|'.repeat(10_000)}\n${'| UF '.repeat(10_000)}`,
      `${'"response_flags":'.repeat(4000)}"UF"`,
      'Error ['.repeat(10_000) + 'IST0101]',
      'IST'.repeat(20_000),
      'upstream connect error or disconnect/reset before headers. reset reason: '.repeat(900),
      `${'a_'.repeat(30_000)}b`,
      `"GET /x HTTP/1.1" 503 ${' '.repeat(40_000)}UF`,
    ];
    for (const text of hostile) {
      const lines = reader.read(text, 'code');
      expect(lines.length).toBeLessThanOrEqual(MAX_SIGNAL_LINES);
      for (const line of lines) {
        expect(line.flags.length).toBeLessThanOrEqual(16);
        expect(line.errors.length).toBeLessThanOrEqual(8);
        expect(line.analyzers.length).toBeLessThanOrEqual(8);
      }
    }
  });
});
