'use strict';
// The DOM j-component renders into (jsdom), set up as globals before miniprogram-simulate is loaded, and the
// console moved to stderr: stdout carries the protocol only (docs/miniprogram-runtime.md).
const {JSDOM} = require('jsdom');

const consoleLines = [];

function install() {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {pretendToBeVisual: true});
  const w = dom.window;
  global.window = w;
  global.document = w.document;
  for (const k of ['navigator', 'HTMLElement', 'Element', 'Node', 'Text', 'Event', 'CustomEvent', 'TouchEvent',
    'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
    if (!(k in global) && w[k] !== undefined) global[k] = typeof w[k] === 'function' && k[0] === k[0].toLowerCase() ? w[k].bind(w) : w[k];
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    console[level] = (...args) => {
      const line = args.map(a => (typeof a === 'string' ? a : safeString(a))).join(' ');
      consoleLines.push({level, line: line.slice(0, 2000)});
      if (consoleLines.length > 500) consoleLines.shift();
      process.stderr.write('[' + level + '] ' + line + '\n');
    };
  }
}

function safeString(v) {
  try {
    return v instanceof Error ? v.stack || String(v) : JSON.stringify(v);
  } catch (e) {
    return String(v);
  }
}

module.exports = {install, consoleLines};
