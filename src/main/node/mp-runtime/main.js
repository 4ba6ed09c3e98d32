'use strict';
// PermLab's mini-program runtime: JSON lines on stdin, one answer line per command on stdout
// (docs/miniprogram-runtime.md). Commands run one at a time; an error is answered with its type, never thrown.
const readline = require('readline');

const write = process.stdout.write.bind(process.stdout);
let runtime = null;
let queue = Promise.resolve();

function answer(id, ok, body) {
  write(JSON.stringify(Object.assign({id, ok}, body)) + '\n');
}

process.on('uncaughtException', e => {
  if (runtime) runtime.journal.add('error', {message: String(e && e.message || e), stack: e && e.stack, where: 'uncaught'});
  else process.stderr.write('uncaught before start: ' + (e && e.stack) + '\n');
});
process.on('unhandledRejection', e => {
  if (runtime) runtime.journal.add('error', {message: 'unhandled promise rejection: ' + String(e && (e.errMsg || e.message) || e), where: 'promise'});
});

async function run(msg) {
  if (msg.cmd === 'start') {
    const {Runtime} = require('./runtime');
    runtime = new Runtime();
    return runtime.start(msg);
  }
  if (!runtime) throw Object.assign(new Error('the runtime was not started'), {type: 'bad-command'});
  switch (msg.cmd) {
    case 'open': return runtime.open(msg);
    case 'tap': return runtime.tap(msg);
    case 'explore': return runtime.explore(msg);
    case 'type': return runtime.type(msg);
    case 'select': return runtime.select(msg);
    case 'back': return runtime.back(msg);
    case 'waitFor': return runtime.waitFor(msg);
    case 'settle': return runtime.settle(msg);
    case 'snapshot': return runtime.snapshot(msg);
    case 'take': return runtime.take(msg);
    case 'storage': return runtime.storageEntries(msg);
    case 'close': setTimeout(() => process.exit(0), 0); return {};
    default: throw Object.assign(new Error('unknown command ' + msg.cmd), {type: 'bad-command'});
  }
}

readline.createInterface({input: process.stdin}).on('line', line => {
  let msg;
  try {
    msg = JSON.parse(line);
  } catch (e) {
    answer(null, false, {error: {type: 'bad-command', message: 'not JSON: ' + e.message}});
    return;
  }
  queue = queue.then(async () => {
    try {
      const result = await run(msg);
      answer(msg.id, true, {result: result || {}, loop: runtime && runtime.loopCut ? runtime.loopCut : undefined});
    } catch (e) {
      answer(msg.id, false, {error: {type: e.type || 'runtime', message: String(e && e.message || e)}});
    }
  });
}).on('close', () => queue.then(() => process.exit(0)));
