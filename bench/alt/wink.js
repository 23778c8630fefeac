// Baseline for `make bench`: wink-nlp with its English lite model, doing
// what saywho's early stages do: split sentences and find quotations.
// Reads JSONL ({"id","text"} per line) and writes one line per document.
'use strict';
const fs = require('fs');
const readline = require('readline');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const its = nlp.its;
const OPEN = new Set(['"', '\u201c', '\u00ab', '\u201e']);
const CLOSE = new Set(['"', '\u201d', '\u00bb']);

const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]) });
const out = [];
rl.on('line', (line) => {
  if (!line) return;
  const { id, text } = JSON.parse(line);
  const doc = nlp.readDoc(text);
  const sentences = doc.sentences().length();
  const toks = doc.tokens().out();
  let open = false, quotes = 0;
  for (const t of toks) {
    if (!open && OPEN.has(t)) open = true;
    else if (open && CLOSE.has(t)) { open = false; quotes++; }
  }
  out.push(JSON.stringify({ doc: id, sentences, quotes }));
  if (out.length >= 256) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
});
rl.on('close', () => { if (out.length) process.stdout.write(out.join('\n') + '\n'); });
