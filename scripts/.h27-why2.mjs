import { build } from 'vite';
await build({ configFile: '/work/main/vite.config.ts', logLevel: 'silent', build: { write: false }, plugins: [{
  name: 'why', generateBundle(_o, bundle) {
    const c = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
    const ids = Object.keys(c.modules).filter((id) => id.includes(process.argv[2]));
    for (const id of ids.slice(0, 8)) console.log(id.replace('/work/main/',''), '<-', this.getModuleInfo(id)?.importers.map(x=>x.replace('/work/main/','')).slice(0,4));
  } }] });
