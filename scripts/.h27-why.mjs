import { build } from 'vite';
const seen = {};
await build({ configFile: '/work/main/vite.config.ts', logLevel: 'silent', build: { write: false }, plugins: [{
  name: 'why', generateBundle() {
    const want = process.argv[2];
    for (const id of this.getModuleIds()) if (id.includes(want)) { const i = this.getModuleInfo(id); console.log(id.replace('/work/main/',''), '<-', i.importers.map(x=>x.replace('/work/main/','')).slice(0,5), 'dyn<-', i.dynamicImporters.map(x=>x.replace('/work/main/','')).slice(0,3)); }
  } }] });
