// Baseline for `make bench`: compromise, splitting sentences and finding
// quotations with its own quotations() matcher.  Reads JSONL ({"id",
// "text"} per line) and writes one line per document.
'use strict';
const fs = require('fs');
const readline = require('readline');
const nlp = require('compromise');

const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]) });
const out = [];
rl.on('line', (line) => {
  if (!line) return;
  const { id, text } = JSON.parse(line);
  const doc = nlp(text);
  const sentences = doc.sentences().length;
  const quotes = doc.quotations().out('array').length;
  out.push(JSON.stringify({ doc: id, sentences, quotes }));
  if (out.length >= 256) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
});
rl.on('close', () => { if (out.length) process.stdout.write(out.join('\n') + '\n'); });
