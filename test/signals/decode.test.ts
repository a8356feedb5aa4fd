import { describe, expect, it } from 'vitest';
import { loadSignals } from '../../src/data/load-files';
import { KIND_DOCS, SignalDecoder, signalQuery } from '../../src/signals/decode';

const decoder = new SignalDecoder(loadSignals());
const LINE = '[2026-01-05T10:00:00.000Z] "POST /v1/pay HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 12 95 3 - "-" "shop/1.0" "4f1c" "pay:8080" "10.1.2.3:8080" outbound|8080|v2|pay.shop.svc.cluster.local 10.1.0.4:4000 10.96.0.7:8080 10.1.0.4:4002 - default';

describe('SignalDecoder', () => {
  it('decodes a line part by part, the part under the pointer in focus, with its answers', () => {
    const decode = decoder.decodeAt(LINE, LINE.indexOf(' UC ') + 1, 'code')!;
    expect(decode.label).toBe('503 UC');
    expect(decode.status).toBe(503);
    expect(decode.parts.map((part) => [part.kind, part.text, part.focused])).toEqual([
      ['flag', 'UC', true],
      ['detail', 'upstream_reset_before_response_started{connection_termination}', false],
      ['reset', 'connection_termination', false],
      ['cluster', 'outbound|8080|v2|pay.shop.svc.cluster.local', false],
    ]);
    const flag = decode.parts[0]!;
    expect(flag.name).toBe('UpstreamConnectionTermination');
    expect(flag.info!.meaning.en.length).toBeGreaterThan(20);
    expect(flag.info!.check.en.length).toBeGreaterThan(0);
    expect(decode.parts[3]!.anatomy).toEqual({ direction: 'outbound', port: '8080', subset: 'v2', host: 'pay.shop.svc.cluster.local' });
    // The focused flag's answers come first; every id is a real answer's.
    const catalogue = loadSignals();
    const uc = catalogue.flags.find((entry) => entry.code === 'UC')!;
    expect(decode.answers.slice(0, uc.answers.length)).toEqual(uc.answers);
    const atCluster = decoder.decodeAt(LINE, LINE.indexOf('outbound|'), 'code')!;
    expect(atCluster.parts.find((part) => part.focused)!.kind).toBe('cluster');
  });

  it('says an unknown flag or code is unknown, with the docs that list the known ones', () => {
    const decode = decoder.decodeText('"GET / HTTP/1.1" 503 uf,XQZ - "-" 0 0 0', 'code')[0]!;
    expect(decode.parts.map((part) => [part.text, part.info === undefined, part.docsUrl])).toEqual([
      ['uf', true, KIND_DOCS.flag],
      ['XQZ', true, KIND_DOCS.flag],
    ]);
    const code = decoder.decodeText('Error [IST9999] (Pod a/b) something new', 'prose')[0]!;
    expect(code.parts[0]).toMatchObject({ kind: 'analyzer', text: 'IST9999', level: 'Error', docsUrl: KIND_DOCS.analyzer });
    expect(code.parts[0]!.info).toBeUndefined();
  });

  it('decodes an analyze code, an error line with its reset reason, and gives a query that decodes the same', () => {
    const analyze = decoder.decodeText('IST0101', 'query')[0]!;
    expect(analyze.parts[0]).toMatchObject({ kind: 'analyzer', name: 'ReferencedResourceNotFound', level: 'Error', focused: true });
    expect(analyze.parts[0]!.docsUrl).toBe('https://istio.io/latest/docs/reference/config/analysis/ist0101/');
    const error = decoder.decodeText('upstream connect error or disconnect/reset before headers. reset reason: connection termination', 'prose')[0]!;
    expect(error.parts.map((part) => part.kind)).toEqual(['error', 'reset']);
    expect(error.parts[1]!.text).toBe('connection_termination');
    for (const decode of [decoder.decodeAt(LINE, LINE.indexOf(' UC ') + 1, 'code')!, analyze, error]) {
      const again = decoder.decodeText(signalQuery(decode), 'query')[0]!;
      expect(again.parts.filter((part) => part.kind !== 'cluster').map((part) => part.text)).toEqual(decode.parts.filter((part) => part.kind !== 'cluster').map((part) => part.text));
    }
  });

  it('gives the meaning of an "On this page" label', () => {
    expect(decoder.meaningOf('503 UC')?.en).toBe(loadSignals().flags.find((entry) => entry.code === 'UC')!.meaning.en);
    expect(decoder.meaningOf('no words here')).toBeUndefined();
  });
});
