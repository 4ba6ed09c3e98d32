'use strict';
// Loading a mini-program the way WeChat does: "build npm" into miniprogram_npm, App() and getApp(), require across
// the program's own files only, Page() adapted to a j-component component, usingComponents resolved like WeChat.
const fs = require('fs');
const path = require('path');
const Module = require('module');

function readJsonFile(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Copies the program into the scratch folder and, for npm packages its components or scripts name that are not in
 * miniprogram_npm yet, copies each package's "miniprogram" folder there (what DevTools' "build npm" does).
 */
function stage(source, scratch, npmRoots) {
  const root = path.join(scratch, 'app');
  fs.rmSync(root, {recursive: true, force: true});
  fs.cpSync(source, root, {recursive: true, filter: src => path.basename(src) !== 'node_modules' && path.basename(src) !== '.git'});
  const wanted = new Set();
  walk(root, file => {
    if (file.includes(path.sep + 'miniprogram_npm' + path.sep)) return;
    if (file.endsWith('.json')) {
      try {
        const using = readJsonFile(file).usingComponents || {};
        Object.values(using).forEach(v => { if (isBare(v)) wanted.add(packageName(v)); });
      } catch (e) {
        // a JSON file that is not valid is reported when its page loads
      }
    } else if (file.endsWith('.js')) {
      const re = /require\(\s*['"]([^'"]+)['"]\s*\)/g;
      const text = fs.readFileSync(file, 'utf8');
      let m;
      while ((m = re.exec(text))) if (isBare(m[1]) && !exists(path.resolve(path.dirname(file), m[1]))) wanted.add(packageName(m[1]));
    }
  });
  const built = [];
  for (const pkg of wanted) {
    const target = path.join(root, 'miniprogram_npm', pkg);
    if (fs.existsSync(target)) continue;
    for (const nm of npmRoots) {
      const dir = path.join(nm, pkg);
      if (!fs.existsSync(path.join(dir, 'package.json'))) continue;
      const meta = readJsonFile(path.join(dir, 'package.json'));
      const from = path.join(dir, meta.miniprogram || 'miniprogram_dist');
      if (!fs.existsSync(from)) continue;
      fs.mkdirSync(path.dirname(target), {recursive: true});
      fs.cpSync(from, target, {recursive: true});
      built.push(pkg + '@' + meta.version);
      break;
    }
  }
  return {root, built};
}

function walk(dir, visit) {
  for (const e of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, visit); else visit(p);
  }
}

function isBare(p) {
  return typeof p === 'string' && !p.startsWith('.') && !p.startsWith('/') && !p.startsWith('plugin://');
}

function packageName(p) {
  const parts = p.split('/');
  return p.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function exists(p) {
  return fs.existsSync(p) || fs.existsSync(p + '.js') || fs.existsSync(p + '.json');
}

/** WeChat's component path resolution: absolute from the root, relative, else miniprogram_npm up the folders. */
function resolveComponent(root, fromDir, value) {
  if (!isBare(value)) return value;
  for (let dir = fromDir; dir.startsWith(root); dir = path.dirname(dir)) {
    const base = path.join(dir, 'miniprogram_npm', value);
    for (const candidate of [base, path.join(base, 'index')]) {
      if (fs.existsSync(candidate + '.json')) return path.relative(fromDir, candidate) || '.';
    }
    if (dir === root) break;
  }
  const relative = path.join(fromDir, value);
  if (fs.existsSync(relative + '.json')) return './' + value;
  return value;
}

/**
 * Confines require() of the program's code to its own files, as WeChat does: no Node built-ins, nothing outside the
 * program; a module WeChat could not find fails with WeChat's message.
 */
function confineRequire(root) {
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const from = parent && parent.filename;
    if (!from || !from.startsWith(root + path.sep)) return original.call(this, request, parent, ...rest);
    const candidates = [];
    if (request.startsWith('/')) candidates.push(path.join(root, request));
    else if (request.startsWith('.')) candidates.push(path.resolve(path.dirname(from), request));
    else {
      for (let dir = path.dirname(from); dir.startsWith(root); dir = path.dirname(dir)) {
        candidates.push(path.join(dir, 'miniprogram_npm', request));
        if (dir === root) break;
      }
      candidates.push(path.resolve(path.dirname(from), request));
    }
    for (const c of candidates) {
      for (const f of [c, c + '.js', path.join(c, 'index.js')]) {
        if (f.startsWith(root + path.sep) && fs.existsSync(f) && fs.statSync(f).isFile()) return f;
      }
    }
    const err = new Error('module "' + path.relative(root, path.resolve(path.dirname(from), request)) + '" is not defined (require \''
      + request + '\' from ' + path.relative(root, from) + ')');
    err.code = 'MP_REQUIRE';
    throw err;
  };
}

module.exports = {stage, resolveComponent, confineRequire, readJsonFile};
