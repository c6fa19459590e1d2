import { build } from 'vite';
await build({ configFile: '/work/main/vite.config.ts', logLevel: 'silent', build: { write: false }, plugins: [{
  name: 'why', generateBundle() {
    const entry = [...this.getModuleIds()].find((id) => id.endsWith('renderer/main.tsx'));
    const parent = new Map([[entry, null]]); const q = [entry];
    while (q.length) { const id = q.shift(); for (const n of this.getModuleInfo(id).importedIds) if (!parent.has(n)) { parent.set(n, id); q.push(n); } }
    const hit = [...parent.keys()].find((id) => id.includes(process.argv[2]));
    let p = hit; const chain = []; while (p) { chain.push(p.replace('/work/main/','')); p = parent.get(p); }
    console.log(chain.join('\n  <- '));
  } }] });
