/**
 * The search engine where the extension runs it, in Chromium: time to a ready index in a fresh
 * page (cold, as each popup opening is), building it vs loading a prebuilt serialized one, and
 * query latency for 1-word, 5-word and 300-character queries.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { datasetPlugin } from '../../src/data/vite-plugin';
import { ROOT } from '../e2e/harness/common';
import type { SearchBench } from './search-page';
import { summary } from './stats';

const PAGE_URL = 'https://bench.invalid/';
const COLD_RUNS = 15;

const QUERIES = {
  '1 word': ['sidecar', '限流', 'EnvoyFilter', 'multicluster', 'thrift', '灰度', 'wasm', 'istiod'],
  '5 words': ['sidecar memory thousands of services', 'envoy filter order of execution', '懒加载 长连接 怎么 实现 的', 'canary config push to some pods', 'dubbo protocol support in istio'],
  '300 chars': [
    'We are running Istio 1.10 with about 20000 services and the sidecar memory keeps growing to 1.5GB per pod; pilot pushes take minutes and istiod CPU is saturated. Is there a way to limit the configuration each sidecar receives, like lazy loading or the Sidecar resource, without breaking calls to services in other namespaces?',
    '我们在生产环境中使用 Istio 和 Envoy，遇到了 503 错误，连接被重置，怀疑是 idle timeout 和 keepalive 设置不一致导致的。另外想请教一下，限流应该用 EnvoyFilter 还是有更好的方案？灰度发布的时候如何保证配置下发不影响所有实例？多集群部署时控制面怎么做高可用？',
  ],
};

async function bundlePage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'search-bench-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    plugins: [datasetPlugin()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'chrome120',
      lib: { entry: resolve(ROOT, 'test/bench/search-page.ts'), formats: ['iife'], name: 'searchBenchBundle', fileName: () => 'bench.js' },
    },
  });
  return readFileSync(join(outDir, 'bench.js'), 'utf8');
}

export async function benchSearchInChromium(): Promise<void> {
  console.log('\n## Search engine in Chromium (fresh page per run: a popup opening)');
  const script = await bundlePage();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.route(/^https?:/, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script>${script}</script>` }));
  await page.goto(PAGE_URL);
  const indexBytes = await page.evaluate(() => (globalThis as unknown as { searchBench: SearchBench }).searchBench.indexBytes());

  const cold = async (mode: 'build' | 'load') => {
    const samples: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await page.reload();
      samples.push(await page.evaluate((mode) => (globalThis as unknown as { searchBench: SearchBench }).searchBench[mode](), mode));
    }
    return samples;
  };
  console.log(`index ready  build from the dataset       ${summary(await cold('build'))}`);
  console.log(`index ready  load prebuilt (${(indexBytes / 1024).toFixed(0)} KB JSON)  ${summary(await cold('load'))}`);

  await page.reload();
  for (const [label, queries] of Object.entries(QUERIES)) {
    const samples = await page.evaluate(
      ({ queries }) => (globalThis as unknown as { searchBench: SearchBench }).searchBench.queries(queries, 200),
      { queries },
    );
    console.log(`query  ${label.padEnd(10)}  ${summary(samples)}`);
  }
  await browser.close();
}
