import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load-files';
import { lookupCard } from '../../src/search/cards';
import { SearchEngine } from '../../src/search/engine';
import { queryDocs } from '../../src/search/query-docs';

const engine = new SearchEngine(loadDataset());
const ids = (query: string) => queryDocs(engine, query).map((term) => term.id);

describe('docs for a question the experts did not answer', () => {
  it('lists the official docs of the terms the question names, uncovered topics first', () => {
    expect(ids('Certificate Rotation')).toEqual(['certificate-management']);
    expect(queryDocs(engine, 'Certificate Rotation')[0]!.docsUrl).toMatch(/^https:\/\/istio\.io\//);
    expect(ids('websocket fails through istio-ingressgateway')).toEqual(['websocket', 'ingress-gateway']);
    expect(ids('CORS preflight rejected when calling gRPC-Web from the browser').slice(0, 2).sort()).toEqual(['cors', 'grpc-web']);
  });

  it('leaves out the whole subject (Istio, Envoy) and terms without docs, and stops at four', () => {
    expect(ids('Istio Envoy')).toEqual([]);
    expect(ids('CORS WebSocket gRPC-Web HTTP/3 ext_authz fault injection').length).toBe(4);
  });

  it('comes with a lookup that has no close match, and not with one that has', () => {
    expect(lookupCard(engine, 'websocket connections fail through the gateway', 'en').docs?.map((term) => term.id)).toContain('websocket');
    expect(lookupCard(engine, 'istio-proxy container OOMKilled', 'en').docs).toBeUndefined();
  });
});
