/**
 * Light English stemming: plurals and the common verb endings, enough for "limits", "limiting"
 * and "limited" to meet "limit". Deliberately weaker than Porter, which turns "envoy" into
 * "envoi" and product names into noise.
 */

const KEEP = new Set(['kubernetes', 'redis', 'https', 'jaeger', 'analysis', 'status', 'is', 'was', 'has', 'does', 'this', 'its', 'us', 'dns', 'tls', 'mtls', 'xds', 'eds', 'lds', 'rds', 'cds', 'sds', 'ads', 'uds', 'ebs', 'aws', 'gcs', 'ms', 'qos', 'os']);

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  // "running" → "runn" → "run", but keep "pass", "install", "egress".
  return /([^aeiouslz])\1$/.test(word) ? word.slice(0, -1) : word;
}

export function stem(word: string): string {
  if (word.length <= 3 || KEEP.has(word) || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('xes') || w.endsWith('ches') || w.endsWith('shes')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);

  if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) {
    w = undouble(w.slice(0, -3));
  } else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) {
    w = undouble(w.endsWith('ied') ? `${w.slice(0, -3)}y` : w.slice(0, -2));
  }
  // "cache"/"cached" and "route"/"routing" meet at the same stem.
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}
