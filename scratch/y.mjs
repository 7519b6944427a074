import { parseDocument, parseAllDocuments, LineCounter } from 'yaml';
const cases = {
 unterminated: 'deck: a\ncards:\n  - q: "hello\n    a: b\n  - q: x\n',
 tabs: 'deck: a\ncards:\n\t- q: x\n',
 tabs2: 'deck: a\ncards:\n  - q: x\n\t  a: y\n',
 dup: 'deck: a\ndeck: b\n',
 multi: 'deck: a\n---\ndeck: b\n',
 proto: '__proto__: {polluted: 1}\ndeck: a\n',
 bomb: 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
 ctrl: 'q: "a\\x1bb"\n',
};
for (const [k, src] of Object.entries(cases)) {
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, prettyErrors: false });
  console.log('==', k, doc.errors.map(e => [e.code, e.message.split('\n')[0], e.pos, lc.linePos(e.pos[0])]), doc.warnings.map(e=>e.code));
  try { const js = doc.toJS({maxAliasCount: 100}); console.log(JSON.stringify(js)?.slice(0,100), Object.keys(js??{}), ({}).polluted); } catch (e) { console.log('toJS err', e.constructor.name, e.message); }
}
