'use strict';
// The rendered page as a user sees it: the composed exparser tree (custom components' shadow trees with their slots
// filled), what is hidden left out. Locators (visible text, css-like selectors, id) are matched on it.

function create(exparser) {
  /** {el, tag, attrs, children, text} for an exparser node; null for what is not shown. */
  function build(node, typed) {
    if (node instanceof exparser.TextNode) return {text: node.textContent};
    if (!(node instanceof exparser.Element)) return null;
    const vt = node._vt || {};
    const attrs = {};
    (vt.attrs || []).forEach(a => { attrs[a.name] = a.value; });
    if (node.id && attrs.id === undefined) attrs.id = node.id;
    if (truthy(attrs.hidden) || /display\s*:\s*none/.test(String(attrs.style || ''))) return null;
    const children = [];
    (node.__wxSlotChildren || node.childNodes || []).forEach(c => {
      const b = build(c, typed);
      if (b) children.push(b);
    });
    if (node.__virtual) return {virtual: true, children};
    const tag = String(vt.tagName || node.is || 'view').replace(/^wx-/, '');
    const out = {el: node, tag, attrs, children};
    if (typed.has(node)) out.typed = typed.get(node);
    return out;
  }

  function flatten(n, parent, list) {
    if (n.virtual) {
      n.children.forEach(c => flatten(c, parent, list));
      return list;
    }
    n.parent = parent;
    if (n.el) list.push(n);
    (n.children || []).forEach(c => flatten(c, n.el ? n : parent, list));
    return list;
  }

  function elementChildren(n) {
    const out = [];
    (n.children || []).forEach(c => {
      if (c.virtual) out.push(...elementChildren(c));
      else if (c.el) out.push(c);
    });
    return out;
  }

  function textOf(n) {
    if (n.text !== undefined) return n.text;
    if (n.typed !== undefined) return n.typed;
    let s = '';
    (n.children || []).forEach(c => { s += textOf(c); });
    if (!s && isInput(n) && n.attrs.value) s = String(n.attrs.value);
    return s;
  }

  function norm(s) {
    return String(s).replace(/\s+/g, ' ').trim();
  }

  function isInput(n) {
    return n.tag === 'input' || n.tag === 'textarea';
  }

  /** Elements matching the locator, innermost first where one contains another. */
  function find(root, locator) {
    const all = flatten(root, null, []);
    let hits;
    if (locator.kind === 'text') {
      const want = norm(locator.value);
      hits = all.filter(n => norm(textOf(n)) === want || (isInput(n) && norm(n.attrs.placeholder || '') === want));
      hits = hits.filter(n => !hits.some(o => o !== n && isAncestor(n, o)));
    } else if (locator.kind === 'id') {
      hits = all.filter(n => n.attrs.id === locator.value);
    } else if (locator.kind === 'css') {
      const selector = parseSelector(locator.value);
      hits = all.filter(n => matches(n, selector, selector.length - 1));
    } else {
      throw Object.assign(new Error('locator kind ' + locator.kind + ' is not supported for mini-programs (use text, css or id)'),
        {type: 'bad-locator'});
    }
    return hits;
  }

  function isAncestor(a, n) {
    for (let p = n.parent; p; p = p.parent) if (p === a) return true;
    return false;
  }

  // a css-like selector: compounds of tag, #id, .class, [attr], [attr=value], joined by descendant or '>'
  function parseSelector(text) {
    const parts = [];
    const re = /\s*(>)?\s*([^\s>]+)/g;
    let m;
    while ((m = re.exec(text.trim()))) {
      const compound = {child: !!m[1], tag: null, id: null, classes: [], attrs: []};
      const cre = /([a-zA-Z][\w-]*)|#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:=["']?([^\]"']*)["']?)?\]|(\*)/g;
      let c;
      let consumed = 0;
      while ((c = cre.exec(m[2]))) {
        if (c.index !== consumed) break;
        consumed = cre.lastIndex;
        if (c[1]) compound.tag = c[1].replace(/^wx-/, '');
        if (c[2]) compound.id = c[2];
        if (c[3]) compound.classes.push(c[3]);
        if (c[4]) compound.attrs.push({name: c[4], value: c[5]});
      }
      if (consumed !== m[2].length) {
        throw Object.assign(new Error('selector "' + text + '" is not supported: use tag, #id, .class, [attr=value], descendant and >'),
          {type: 'bad-locator'});
      }
      parts.push(compound);
    }
    return parts;
  }

  function matchesCompound(n, c) {
    if (c.tag && n.tag !== c.tag) return false;
    if (c.id && n.attrs.id !== c.id) return false;
    const classes = String(n.attrs.class || '').split(/\s+/);
    if (c.classes.some(k => !classes.includes(k))) return false;
    for (const a of c.attrs) {
      const v = attr(n, a.name);
      if (v === undefined || v === null || v === false) return false;
      if (a.value !== undefined && String(v) !== a.value) return false;
    }
    return true;
  }

  function matches(n, sel, i) {
    if (!matchesCompound(n, sel[i])) return false;
    if (i === 0) return true;
    if (sel[i].child) return !!n.parent && matches(n.parent, sel, i - 1);
    for (let p = n.parent; p; p = p.parent) if (matches(p, sel, i - 1)) return true;
    return false;
  }

  /** The page as text lines, as a user reads it; typed values hidden on request. */
  function visibleText(root, hideTyped) {
    const lines = [];
    const walkText = (n, line) => {
      if (n.text !== undefined) return line + n.text;
      if (n.el && isInput(n)) {
        // an input is a line of its own: what was typed (hidden on request), else its placeholder
        const shown = n.typed !== undefined ? (hideTyped ? '•'.repeat(Math.min(8, n.typed.length)) : n.typed)
          : textOf(n) || (n.attrs.placeholder ? '[' + n.attrs.placeholder + ']' : '');
        if (norm(line)) lines.push(norm(line));
        if (shown) lines.push(shown);
        return '';
      }
      const block = n.el && !['text', 'span', 'label', 'icon', 'image'].includes(n.tag);
      if (block && norm(line)) { lines.push(norm(line)); line = ''; }
      (n.children || []).forEach(c => { line = walkText(c, line); });
      if (block && norm(line)) { lines.push(norm(line)); line = ''; }
      return line;
    };
    const rest = walkText(root, '');
    if (norm(rest)) lines.push(norm(rest));
    return lines.join('\n');
  }

  function html(n, hideTyped, depth) {
    const pad = '  '.repeat(depth || 0);
    if (n.text !== undefined) return norm(n.text) ? pad + escape(norm(n.text)) + '\n' : '';
    if (n.virtual) return (n.children || []).map(c => html(c, hideTyped, depth)).join('');
    let attrs = '';
    for (const [k, v] of Object.entries(n.attrs || {})) {
      if (v === undefined || v === null || v === false || typeof v === 'function') continue;
      attrs += ' ' + k + '="' + escape(typeof v === 'object' ? JSON.stringify(v) : String(v)) + '"';
    }
    if (n.typed !== undefined) attrs += ' value="' + escape(hideTyped ? '•'.repeat(Math.min(8, n.typed.length)) : n.typed) + '"';
    const inner = (n.children || []).map(c => html(c, hideTyped, (depth || 0) + 1)).join('');
    return pad + '<' + n.tag + attrs + '>' + (inner ? '\n' + inner + pad : '') + '</' + n.tag + '>\n';
  }

  return {build, find, textOf, visibleText, html, flatten, isInput, elementChildren};
}

/** An attribute as written in WXML (open-type) or as j-component keeps it (openType). */
function attr(n, name) {
  const attrs = n.attrs || {};
  if (attrs[name] !== undefined) return attrs[name];
  return attrs[name.replace(/-([a-z])/g, (m, c) => c.toUpperCase())];
}

function truthy(v) {
  return v === true || v === '' || v === 'true';
}

function escape(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

module.exports = {create, truthy, escape, attr};
