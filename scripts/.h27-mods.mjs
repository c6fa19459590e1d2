import { build } from 'vite';
const r = await build({ configFile: '/work/main/vite.config.ts', logLevel: 'silent', build: { write: false } });
const out = [r].flat().flatMap((x) => x.output);
const c = out.find((f) => f.type === 'chunk' && f.isEntry);
const ids = Object.entries(c.modules).filter(([id]) => id.includes(process.argv[2])).map(([id, m]) => [m.renderedLength, id.split('/').slice(-1)[0]]).sort((a,b)=>b[0]-a[0]);
console.log(ids.length, ids.slice(0, 60).map(x=>x.join(':')).join(' '));
