import { build } from 'vite';
const r = await build({ configFile: '/work/main/vite.config.ts', logLevel: 'silent', build: { write: false } });
const out = [r].flat().flatMap((x) => x.output);
for (const name of process.argv.slice(2)) {
  const c = out.find((f) => f.fileName.includes(name));
  const mods = Object.entries(c.modules).map(([id, m]) => [m.renderedLength, id.replace('/work/main/', '')]).sort((a, b) => b[0] - a[0]);
  const agg = {};
  for (const [n, id] of mods) { const k = id.includes('node_modules') ? id.split('node_modules/')[1].split('/').slice(0, id.includes('@') ? 2 : 1).join('/') : id.split('/').slice(0,3).join('/'); agg[k] = (agg[k] ?? 0) + n; }
  console.log(c.fileName, Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 30));
}
