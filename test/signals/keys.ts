/** A small catalogue's keys for the reader's unit tests (the shipped catalogue is tested on its own). */
import type { SignalKeys } from '../../src/signals/types';

export const TEST_KEYS: SignalKeys = {
  flags: ['UH', 'UF', 'UO', 'NR', 'URX', 'NC', 'DC', 'UT', 'LR', 'UC', 'RL', 'DO', 'UAEX', 'DPE', 'UPE'],
  details: ['via_upstream', 'route_not_found', 'cluster_not_found', 'no_healthy_upstream', 'upstream_reset_before_response_started', 'rbac_access_denied_matched_policy', 'jwt_authn_access_denied', 'overload', 'direct_response'],
  resetReasons: ['connection_termination', 'connection_failure', 'local_reset', 'remote_reset', 'overflow', 'protocol_error'],
  clusters: ['BlackHoleCluster', 'PassthroughCluster', 'InboundPassthroughClusterIpv4'],
  analyzers: ['IST0101', 'IST0102', 'IST0103', 'IST0105'],
  errors: [
    { id: 'upstream_connect_error', phrases: ['upstream connect error or disconnect/reset before headers'] },
    { id: 'no_healthy_upstream', phrases: ['no healthy upstream'] },
    { id: 'rbac_access_denied', phrases: ['RBAC: access denied'] },
    { id: 'jwt_missing', phrases: ['Jwt is missing'] },
    { id: 'delayed_connect_error', phrases: ['delayed connect error'] },
  ],
};
