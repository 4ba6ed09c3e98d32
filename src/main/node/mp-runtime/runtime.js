'use strict';
// One mini-program session: the app launched once, a page stack with WeChat's lifecycle, user actions on the
// rendered tree, and the journal of what the program did. Commands come from main.js.
const fs = require('fs');
const path = require('path');
const env = require('./env');
const {Journal} = require('./journal');
const {Authorization} = require('./auth');
const {createWx} = require('./wx');
const program = require('./program');
const treeLib = require('./tree');

const MAX_SET_DATA_PER_COMMAND = 5000;
const MAX_NAVIGATIONS_PER_COMMAND = 50;
const MAX_STACK = 10; // WeChat's page stack limit

class ActionError extends Error {
  constructor(type, message) {
    super(message);
    this.type = type;
  }
}

class Runtime {
  constructor() {
    env.install();
    this.sim = require('miniprogram-simulate');
    const jDir = path.dirname(require.resolve('j-component/package.json'));
    this.exparser = require(require.resolve('miniprogram-exparser', {paths: [jDir]}));
    this.simUtils = require(path.join(path.dirname(require.resolve('miniprogram-simulate/package.json')), 'src', 'utils'));
    this.tree = treeLib.create(this.exparser);
    this.journal = new Journal();
    this.stack = [];
    this.tabs = {};
    this.storage = new Map();
    this.typed = new WeakMap();
    this.pending = 0;
    this.counters = {setData: 0, navigations: 0};
    this.loopCut = null;
    this.launched = false;
    this.exited = null; // {api, route, after} once the program left (wx.exitMiniProgram …) until it is opened again
    this.lastAction = null; // the user's last action, said with an exit: "tap css=#disagree"
    this.exparser.addGlobalErrorListener(err => {
      this.journal.add('error', {message: String(err && err.message || err), stack: err && err.stack, where: 'component callback'});
      return false;
    });
  }

  /** start: stage the program, read app.json, install wx/App/Page/getApp/getCurrentPages. */
  start({source, scratch, policy, npmRoots}) {
    if (!source || !fs.existsSync(path.join(source, 'app.json'))) throw new ActionError('bad-program', 'no app.json in ' + source);
    const staged = program.stage(source, scratch, npmRoots || []);
    this.root = staged.root;
    try {
      this.appJson = program.readJsonFile(path.join(this.root, 'app.json'));
    } catch (e) {
      throw new ActionError('bad-program', 'app.json: ' + e.message);
    }
    this.policy = policy || {};
    this.auth = new Authorization(this.appJson, this.policy, this.journal);
    program.confineRequire(this.root);
    this.patchSimulate();
    const self = this;
    global.wx = createWx({journal: this.journal, auth: this.auth, router: this, storage: this.storage, policy: this.policy,
      appJson: this.appJson, guard: (what, fn) => this.guard(what, fn), selectorQuery: () => this.selectorQuery()});
    this.appInstance = null;
    global.App = options => { self.appInstance = options || {}; };
    global.getApp = () => self.appInstance || {globalData: {}};
    global.getCurrentPages = () => self.stack.map(p => p.instance);
    global.Page = options => global.Component(adaptPage(options || {}));
    global.requirePlugin = name => { throw new Error('plugin ' + name + ' is not available in PermLab\'s runtime'); };
    this.wrapTimers();
    return {root: this.root, npmBuilt: staged.built, pages: this.allPages()};
  }

  allPages() {
    const pages = [...(this.appJson.pages || [])];
    (this.appJson.subpackages || this.appJson.subPackages || []).forEach(sp => (sp.pages || []).forEach(p => pages.push(path.posix.join(sp.root, p))));
    return pages;
  }

  launchPath() {
    return this.launchRoute || (this.appJson.entryPagePath || (this.appJson.pages || [])[0] || '');
  }

  /** usingComponents resolved the WeChat way, page JSON optional, when miniprogram-simulate reads a component. */
  patchSimulate() {
    const u = this.simUtils;
    const original = u.readJson;
    const root = this.root;
    u.readJson = file => {
      let json = original(file);
      if (!json && fs.existsSync(file.replace(/\.json$/, '.js'))) json = {};
      // an object even when empty: miniprogram-simulate merges app.json's global components into it in place
      if (json && typeof json === 'object' && !json.usingComponents) json.usingComponents = {};
      if (json && json.usingComponents) {
        const dir = path.dirname(file);
        const resolved = {};
        for (const [k, v] of Object.entries(json.usingComponents)) resolved[k] = program.resolveComponent(root, dir, v);
        json.usingComponents = resolved;
      }
      return json;
    };
  }

  /** Pending timers count as work in flight for settle. */
  wrapTimers() {
    const self = this;
    const st = global.setTimeout;
    global.setTimeout = function (fn, ms, ...args) {
      self.pending++;
      let done = false;
      const t = st(() => {
        if (!done) { done = true; self.pending--; }
        if (typeof fn === 'function') self.guard('setTimeout callback', () => fn(...args));
      }, ms);
      const clear = t.unref ? t : t;
      clear.__permlabDone = () => { if (!done) { done = true; self.pending--; } };
      return t;
    };
    const ct = global.clearTimeout;
    global.clearTimeout = t => {
      if (t && t.__permlabDone) t.__permlabDone();
      return ct(t);
    };
  }

  guard(what, fn) {
    try {
      return fn();
    } catch (e) {
      if (e && e.permlabLoop) return undefined;
      this.journal.add('error', {message: String(e && e.message || e), stack: e && e.stack, where: what});
      return undefined;
    }
  }

  launch(route, query) {
    this.launchRoute = route;
    this.launched = true;
    const appJs = path.join(this.root, 'app.js');
    if (fs.existsSync(appJs)) {
      try {
        require(appJs);
      } catch (e) {
        this.journal.add('error', {message: 'app.js: ' + e.message, stack: e.stack, where: 'app.js'});
      }
    }
    const app = global.getApp();
    const launchOptions = {path: route, query: query || {}, scene: 1001, referrerInfo: {}};
    this.journal.add('lifecycle', {target: 'app', hook: 'onLaunch', path: route});
    if (typeof app.onLaunch === 'function') this.guard('App.onLaunch', () => app.onLaunch.call(app, launchOptions));
    if (typeof app.onShow === 'function') this.guard('App.onShow', () => app.onShow.call(app, launchOptions));
  }

  /** open: the flow's "open" — launches the app on first use, else relaunches to the page (a fresh stack). */
  open({url}) {
    this.resetAction();
    const {route, query} = parseUrl(url);
    if (!this.allPages().includes(route)) throw new ActionError('page-not-found', 'no page "' + route + '" in app.json (pages: ' + this.allPages().join(', ') + ')');
    if (!this.launched) this.launch(route, query);
    else if (this.exited) this.reenter(route, query);
    while (this.stack.length) this.unload(this.stack.pop());
    this.push(route, query);
    return this.describe();
  }

  /**
   * The program leaves WeChat's foreground (wx.exitMiniProgram, a navigator with open-type="exit"): WeChat closes it, so
   * its pages are gone (onHide, App.onHide) and every later user action fails "the mini-program exited" until a page is
   * opened again. Journalled as "exit" for the run's timeline.
   */
  leave(api) {
    if (this.exited) return;
    const top = this.stack[this.stack.length - 1];
    this.exited = {api, route: top ? top.route : null, after: this.lastAction};
    this.journal.add('exit', {api, left: true, route: this.exited.route, after: this.lastAction});
    if (top) this.hook(top, 'onHide');
    const app = global.getApp();
    if (typeof app.onHide === 'function') this.guard('App.onHide', () => app.onHide.call(app));
    while (this.stack.length) {
      const page = this.stack.pop();
      this.guard('detach', () => page.comp.detach());
      page.container.remove();
    }
  }

  /** Opened again after it exited: the app shows again (App.onShow), on a fresh stack. */
  reenter(route, query) {
    this.exited = null;
    const app = global.getApp();
    this.journal.add('lifecycle', {target: 'app', hook: 'onShow', path: route, after: 'exit'});
    if (typeof app.onShow === 'function') this.guard('App.onShow', () => app.onShow.call(app, {path: route, query: query || {}, scene: 1001, referrerInfo: {}}));
  }

  /** Launched from WeChat (scene 1001), never by another program: navigateBackMiniProgram has nowhere to go. */
  openedByProgram() {
    return false;
  }

  /** Why a user action finds nothing: the program exited, and by what ("wx.exitMiniProgram on tap css=#disagree"). */
  exitedError() {
    const e = this.exited;
    const by = e.api.startsWith('navigator') ? e.api : 'wx.' + e.api;
    return new ActionError('exited', by + (e.after ? ' on ' + e.after : '') + (e.route ? ', from ' + e.route : ''));
  }

  resetAction() {
    this.counters = {setData: 0, navigations: 0};
    this.journal.overlay = [];
  }

  push(route, query) {
    let id;
    try {
      id = this.sim.load(path.join(this.root, route), 'page', {rootPath: this.root, usingComponents: this.appUsing()});
    } catch (e) {
      this.journal.add('error', {message: 'page ' + route + ' could not be loaded: ' + e.message, stack: e.stack, where: 'load'});
      throw new ActionError('page-load', 'page ' + route + ' could not be loaded: ' + firstLine(e.message));
    }
    const comp = this.sim.render(id);
    const container = document.createElement('div');
    document.body.appendChild(container);
    comp.attach(container);
    const instance = comp.instance;
    this.wrapSetData(instance, route);
    instance.route = route;
    instance.__route__ = route;
    instance.options = query;
    const page = {route, query, comp, container, instance};
    this.stack.push(page);
    this.journal.add('lifecycle', {target: route, hook: 'onLoad', query});
    this.hook(page, 'onLoad', query);
    this.hook(page, 'onShow');
    this.hook(page, 'onReady');
    return page;
  }

  appUsing() {
    const out = {};
    for (const [k, v] of Object.entries(this.appJson.usingComponents || {})) out[k] = program.resolveComponent(this.root, this.root, v);
    return out;
  }

  wrapSetData(instance, route) {
    const self = this;
    const original = instance.setData;
    if (typeof original !== 'function') return;
    instance.setData = function (...args) {
      self.counters.setData++;
      if (self.counters.setData > MAX_SET_DATA_PER_COMMAND) {
        if (!self.loopCut) {
          self.loopCut = 'setData called more than ' + MAX_SET_DATA_PER_COMMAND + ' times for one action on ' + route;
          self.journal.add('loop', {message: self.loopCut});
        }
        throw Object.assign(new Error(self.loopCut), {permlabLoop: true});
      }
      return original.apply(this, args);
    };
  }

  hook(page, name, arg) {
    const fn = page.instance && page.instance[name];
    if (typeof fn === 'function') this.guard(page.route + '.' + name, () => fn.call(page.instance, arg));
  }

  unload(page) {
    this.hook(page, 'onUnload');
    this.journal.add('lifecycle', {target: page.route, hook: 'onUnload'});
    this.guard('detach', () => page.comp.detach());
    page.container.remove();
  }

  hide(page) {
    this.hook(page, 'onHide');
    page.container.style.display = 'none';
  }

  show(page) {
    page.container.style.display = '';
    this.hook(page, 'onShow');
  }

  /** navigateTo/redirectTo/reLaunch/switchTab/navigateBack from the program; returns why it failed, or null. */
  navigate(api, o) {
    this.counters.navigations++;
    if (this.counters.navigations > MAX_NAVIGATIONS_PER_COMMAND) {
      const msg = 'more than ' + MAX_NAVIGATIONS_PER_COMMAND + ' navigations for one action';
      if (!this.loopCut) { this.loopCut = msg; this.journal.add('loop', {message: msg}); }
      return 'navigation loop cut by PermLab: ' + msg;
    }
    const top = this.stack[this.stack.length - 1];
    this.journal.add('navigation', {api, url: o.url, delta: o.delta, from: top && top.route});
    if (api === 'navigateBack') {
      const delta = Math.max(1, Number(o.delta) || 1);
      if (this.stack.length <= 1) return 'cannot navigate back at first page.';
      for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop());
      this.show(this.stack[this.stack.length - 1]);
      return null;
    }
    const current = top ? path.posix.dirname(top.route) : '';
    const {route, query} = parseUrl(o.url, current);
    if (!this.allPages().includes(route)) return 'page "' + route + '" is not found';
    const tabs = ((this.appJson.tabBar || {}).list || []).map(t => t.pagePath);
    if (api === 'navigateTo' || api === 'redirectTo') {
      if (tabs.includes(route)) return 'can not ' + api + ' a tabbar page';
      if (api === 'navigateTo' && this.stack.length >= MAX_STACK) return 'webview count limit exceed';
      if (api === 'redirectTo' && top) this.unload(this.stack.pop());
      else if (top) this.hide(top);
      this.guard(api, () => this.push(route, query));
      return null;
    }
    if (api === 'switchTab' && !tabs.includes(route)) return 'can not switch to no-tabBar page';
    while (this.stack.length) this.unload(this.stack.pop());
    this.guard(api, () => this.push(route, query));
    return null;
  }

  current() {
    if (this.exited) throw this.exitedError();
    const page = this.stack[this.stack.length - 1];
    if (!page) throw new ActionError('no-page', 'no page is open: the flow must open one first');
    return page;
  }

  rendered() {
    const page = this.current();
    const b = this.tree.build(page.comp._exparserNode, this.typed) || {el: page.comp._exparserNode, attrs: {}, children: []};
    // the page itself, so that a flow can check which page is showing: {"css": "page[route=pages/index/index]"}
    b.tag = 'page';
    b.attrs = Object.assign({}, b.attrs, {route: page.route});
    return b;
  }

  async locate(locator, timeoutMs, wantEnabled) {
    if (this.exited) throw this.exitedError(); // nothing can bring the page back: no waiting out the timeout
    const deadline = Date.now() + Math.max(0, timeoutMs || 0);
    let seenDisabled = false;
    for (;;) {
      if (this.exited) throw this.exitedError(); // a timer of the program exited while we waited
      const hits = this.tree.find(this.rendered(), locator);
      if (hits.length) {
        const enabled = hits.find(n => !wantEnabled || !disabled(n));
        if (enabled) return enabled;
        seenDisabled = true;
      }
      if (Date.now() >= deadline) break;
      await sleep(25);
    }
    throw new ActionError(seenDisabled ? 'element-disabled' : 'element-not-found',
      (seenDisabled ? locator.kind + '=' + locator.value + ' is on the page but disabled' : 'no element ' + locator.kind + '=' + locator.value)
      + ' within ' + timeoutMs + ' ms');
  }

  async tap({locator, timeoutMs}) {
    const node = await this.locate(locator, timeoutMs, true);
    this.resetAction();
    const button = openTypeButton(node);
    this.journal.add('action', {action: 'tap', locator, tag: node.tag, text: this.tree.textOf(node).trim().slice(0, 200)});
    this.lastAction = 'tap ' + locator.kind + '=' + locator.value;
    this.auth.gesture();
    this.dispatch(innermost(this.tree, node).el, 'tap', {x: 0, y: 0});
    if (button) this.openType(button);
    this.follow(node);
    return {};
  }

  /** A navigator tapped: WeChat opens its url (open-type navigate, redirect, switchTab, reLaunch, navigateBack). */
  follow(node) {
    const nav = node.tag === 'navigator' ? node : ancestor(node, n => n.tag === 'navigator');
    if (!nav) return;
    const type = String(treeLib.attr(nav, 'open-type') || 'navigate');
    const api = {navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch', navigateBack: 'navigateBack'}[type];
    const url = treeLib.attr(nav, 'url');
    if (String(treeLib.attr(nav, 'target') || 'self') === 'miniProgram') {
      // open-type="exit" closes the program, as wx.exitMiniProgram on a tap; navigateBack to a program that never
      // opened this one does nothing; navigate opens another program (not followed)
      if (type === 'exit') this.leave('navigator open-type=exit');
      else this.journal.add('api', {api: 'navigator:miniProgram:' + type, simulated: true});
      return;
    }
    if (!api || (api !== 'navigateBack' && !url)) return;
    const problem = this.navigate(api, api === 'navigateBack' ? {delta: Number(treeLib.attr(nav, 'delta')) || 1} : {url: String(url)});
    if (problem) this.journal.add('error', {message: 'navigator: ' + problem, where: 'navigator'});
  }

  /**
   * The entry exploration's taps (docs/miniprogram-runtime.md): every element on the page a user can tap (one with
   * a tap listener, a navigator, an open-type button) is tapped once, innermost first, each given settleMs to act,
   * and the page is brought back after a navigation. maxTaps and budgetMs bound it; what was tapped is journalled.
   */
  async explore({maxTaps, settleMs, budgetMs}) {
    let home = this.current();
    let homeDepth = this.stack.length;
    const deadline = Date.now() + Math.max(0, budgetMs || 20000);
    const limit = Math.max(0, maxTaps === undefined ? 20 : maxTaps);
    const targets = this.tappables().map(t => t.key);
    const done = [];
    for (const key of targets) {
      if (done.length >= limit || Date.now() >= deadline) break;
      const node = this.tappables().find(t => t.key === key);
      if (!node) continue; // the page changed: what it showed before is gone
      this.resetAction();
      const button = openTypeButton(node.n);
      this.journal.add('action', {action: 'tap', explored: true, tag: node.n.tag, text: node.text, route: home.route});
      this.lastAction = 'tap "' + node.text + '" (entry exploration)';
      this.auth.gesture();
      this.dispatch(innermost(this.tree, node.n).el, 'tap', {x: 0, y: 0});
      if (button) this.openType(button);
      this.follow(node.n);
      done.push({tag: node.n.tag, text: node.text});
      await this.settle({maxMs: Math.min(settleMs || 300, Math.max(1, deadline - Date.now()))});
      const reopened = this.returnTo(home, homeDepth);
      if (reopened) {
        home = reopened;
        homeDepth = this.stack.length;
      }
    }
    const left = targets.length - done.length;
    return {tapped: done, left};
  }

  /**
   * Back to the explored page: navigateBack over what a tap pushed, or a relaunch when it was redirected or relaunched
   * away; the page opened again (returned) when the tap closed the program.
   */
  returnTo(home, depth) {
    if (this.exited) {
      // the tap closed the program: the user opens it again on the explored page, which is then the page explored
      this.resetAction();
      this.reenter(home.route, home.query);
      const page = this.guard('exploration: reopen', () => this.push(home.route, home.query));
      this.journal.add('action', {action: 'return', explored: true, route: home.route, reopened: true});
      return page || null;
    }
    if (this.stack[depth - 1] === home && this.stack.length === depth) return;
    this.resetAction();
    if (this.stack[depth - 1] === home) {
      this.guard('exploration: back', () => this.navigate('navigateBack', {delta: this.stack.length - depth}));
    } else {
      this.guard('exploration: relaunch', () => this.navigate('reLaunch', {url: '/' + home.route + query(home.query)}));
    }
    this.journal.add('action', {action: 'return', explored: true, route: home.route});
  }

  /**
   * The tappable elements of the page now showing, innermost first (an element holding a tappable one is reached by
   * its bubbling), each with a key (tag, text and ordinal) that finds it again after the page re-rendered.
   */
  tappables() {
    const all = this.tree.flatten(this.rendered(), null, []);
    const tappable = n => !disabled(n) && (hasTap(n.el) || n.tag === 'navigator' || (n.tag === 'button' && treeLib.attr(n, 'open-type')));
    const hits = all.filter(tappable);
    const inner = hits.filter(n => !hits.some(o => o !== n && isInside(o, n)));
    const seen = {};
    return inner.map(n => {
      const text = this.tree.textOf(n).replace(/\s+/g, ' ').trim().slice(0, 80);
      const sig = n.tag + '|' + text;
      seen[sig] = (seen[sig] || 0) + 1;
      return {n, text, key: sig + '|' + seen[sig]};
    });
  }

  openType(button) {
    const type = String(treeLib.attr(button, 'open-type'));
    const fire = (name, detail) => this.dispatch(button.el, name, detail);
    if (type === 'agreePrivacyAuthorization') {
      this.auth.agreeTapped();
      fire('agreeprivacyauthorization', {});
    } else if (type === 'getPhoneNumber' || type === 'getRealtimePhoneNumber') {
      const refused = (this.policy.refuse || []).includes('phoneNumber');
      this.auth.withPrivacy('getPhoneNumber', () => {
        this.auth.proceeding('getPhoneNumber');
        this.journal.add('sheet', {scope: 'phoneNumber', api: 'button:' + type, desc: null, answer: refused ? 'deny' : 'allow', options: {}});
        fire(type.toLowerCase(), refused ? {errMsg: type + ':fail user deny'} : {errMsg: type + ':ok', code: 'permlab-simulated-code'});
      }, reason => fire(type.toLowerCase(), {errMsg: type + ':fail ' + reason}));
    } else if (type === 'getUserInfo') {
      fire('getuserinfo', {errMsg: 'getUserInfo:ok', userInfo: {nickName: '微信用户', avatarUrl: ''}});
    } else if (type === 'openSetting') {
      fire('opensetting', {errMsg: 'openSetting:ok', authSetting: this.auth.openSetting('button:openSetting')});
    } else if (type === 'chooseAvatar') {
      fire('chooseavatar', {avatarUrl: 'wxfile://permlab-simulated-avatar.png'});
    } else {
      this.journal.add('api', {api: 'button:' + type, simulated: true});
    }
  }

  dispatch(el, name, detail) {
    this.guard('event ' + name, () => this.exparser.Event.dispatchEvent(el, this.exparser.Event.create(name, detail, {
      bubbles: true, composed: true, capturePhase: true, extraFields: {touches: [], changedTouches: []}})));
  }

  async type({locator, text, timeoutMs}) {
    let node = await this.locate(locator, timeoutMs, true);
    if (!this.tree.isInput(node)) {
      const inner = this.tree.flatten(node, null, []).find(n => this.tree.isInput(n));
      if (!inner) throw new ActionError('element-not-found', locator.kind + '=' + locator.value + ' is not an input and holds none');
      node = inner;
    }
    this.resetAction();
    const value = String(text);
    this.typed.set(node.el, value);
    this.journal.add('action', {action: 'type', locator, tag: node.tag, length: value.length});
    this.dispatch(node.el, 'focus', {value: '', height: 0});
    this.dispatch(node.el, 'input', {value, cursor: value.length, keyCode: 0});
    this.dispatch(node.el, 'blur', {value, cursor: value.length});
    return {};
  }

  async select({locator, option, timeoutMs}) {
    const node = await this.locate(locator, timeoutMs, true);
    const picker = node.tag === 'picker' ? node : ancestor(node, n => n.tag === 'picker');
    if (!picker) throw new ActionError('element-not-found', locator.kind + '=' + locator.value + ' is not a picker');
    const range = Array.isArray(picker.attrs.range) ? picker.attrs.range : [];
    const key = treeLib.attr(picker, 'range-key');
    const index = range.findIndex(r => String(key && r && typeof r === 'object' ? r[key] : r) === String(option));
    if (index < 0) throw new ActionError('element-not-found', 'picker has no option "' + option + '"');
    this.resetAction();
    this.dispatch(picker.el, 'change', {value: index});
    return {};
  }

  back() {
    if (this.exited) throw this.exitedError();
    this.resetAction();
    const problem = this.navigate('navigateBack', {delta: 1});
    if (problem) throw new ActionError('navigation', problem);
    return this.describe();
  }

  async waitFor({locator, timeoutMs}) {
    try {
      await this.locate(locator, timeoutMs, false);
      return {visible: true};
    } catch (e) {
      if (e.type === 'exited') return {visible: false, exited: e.message};
      if (e.type === 'element-not-found' || e.type === 'element-disabled') return {visible: false};
      throw e;
    }
  }

  /** Waits until no callback is due and the journal is quiet for a moment, or maxMs. */
  async settle({maxMs}) {
    const deadline = Date.now() + (maxMs || 1000);
    let lastSeq = -1;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await sleep(10);
      if (this.journal.seq !== lastSeq || this.pending > 0) {
        lastSeq = this.journal.seq;
        if (this.pending > 0) quietSince = Date.now();
        else quietSince = Math.min(quietSince, Date.now());
        if (this.pending > 0) continue;
      }
      if (this.pending === 0 && Date.now() - quietSince >= 30) break;
    }
    return {pending: this.pending};
  }

  describe() {
    const page = this.stack[this.stack.length - 1];
    return {route: page ? page.route : null, stack: this.stack.map(p => p.route)};
  }

  snapshot({hideTyped}) {
    const d = this.describe();
    if (!d.route) return Object.assign(d, {text: '', html: '', overlay: []});
    const root = this.rendered();
    let text = this.tree.visibleText(root, !!hideTyped);
    let html = this.tree.html(root, !!hideTyped, 0);
    const overlay = this.journal.overlay.map(o => ({kind: o.kind, title: o.title, content: o.content, showCancel: o.showCancel}));
    for (const o of overlay) {
      const words = [o.title, o.content].filter(Boolean).join('\n');
      text += (text ? '\n' : '') + words + (o.kind === 'modal' ? '\n' + (o.showCancel ? '取消 ' : '') + '确定' : '');
      html += '<wx-' + o.kind + (o.kind === 'modal' ? ' show-cancel="' + o.showCancel + '"' : '') + '>' + treeLib.escape(words)
        + '</wx-' + o.kind + '>\n';
    }
    return Object.assign(d, {text, html, overlay});
  }

  take() {
    return {entries: this.journal.take(), console: env.consoleLines.splice(0)};
  }

  storageEntries() {
    return {entries: [...this.storage.entries()].map(([key, value]) => ({key, value: typeof value === 'string' ? value : JSON.stringify(value)}))};
  }

  selectorQuery() {
    const query = {
      in() { return query; }, select() { return node; }, selectAll() { return node; }, selectViewport() { return node; },
      exec(cb) { if (typeof cb === 'function') setTimeout(() => cb([]), 0); return query; },
    };
    const node = {boundingClientRect() { return query; }, scrollOffset() { return query; }, fields() { return query; },
      context() { return query; }, node() { return query; }};
    return query;
  }
}

/** Whether the program listens for taps on this element itself (bindtap, catchtap, capture-bind:tap). */
function hasTap(el) {
  const events = el && el.__wxEvents;
  const tap = events && (events.tap || events.longpress);
  return !!(tap && tap.empty === false);
}

/** Whether n lies inside a (the flattened tree's parent links). */
function isInside(n, a) {
  for (let p = n.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

function query(q) {
  const keys = Object.keys(q || {});
  return keys.length ? '?' + keys.map(k => encodeURIComponent(k) + '=' + encodeURIComponent(q[k])).join('&') : '';
}

/** Disabled itself or inside a disabled control (a built-in button, or a component such as van-button with disabled set). */
function disabled(n) {
  for (let p = n; p; p = p.parent) {
    if (p.attrs && treeLib.truthy(p.attrs.disabled)) return true;
  }
  return false;
}

/**
 * Where a finger lands on an element: its innermost first descendant, so that a tap on a component's host (van-button)
 * reaches the element inside its shadow tree that listens, and bubbles out from there as in WeChat.
 */
function innermost(tree, node) {
  let target = node;
  for (let kids = tree.elementChildren(target); kids.length; kids = tree.elementChildren(target)) target = kids[0];
  return target;
}

function ancestor(n, test) {
  for (let p = n.parent; p; p = p.parent) if (test(p)) return p;
  return null;
}

function openTypeButton(n) {
  for (let p = n; p; p = p.parent) if (p.tag === 'button') return treeLib.attr(p, 'open-type') ? p : null;
  return null;
}

function parseUrl(url, currentDir) {
  const text = String(url || '');
  const [p, q] = text.split('?');
  let route;
  if (p.startsWith('/')) route = p.slice(1);
  else route = path.posix.normalize(path.posix.join(currentDir || '', p));
  route = route.replace(/\.(js|wxml)$/, '');
  const query = {};
  (q || '').split('&').filter(Boolean).forEach(kv => {
    const i = kv.indexOf('=');
    const k = i < 0 ? kv : kv.slice(0, i);
    const v = i < 0 ? '' : kv.slice(i + 1);
    try { query[decodeURIComponent(k)] = decodeURIComponent(v); } catch (e) { query[k] = v; }
  });
  return {route, query};
}

/** Page(options) as a component: data and methods, other fields copied to the instance, behaviors kept. */
function adaptPage(options) {
  const methods = {};
  const fields = {};
  for (const [k, v] of Object.entries(options)) {
    if (k === 'data' || k === 'behaviors' || k === 'options') continue;
    if (typeof v === 'function') methods[k] = v; else fields[k] = v;
  }
  return {
    data: options.data || {},
    behaviors: options.behaviors || [],
    options: options.options,
    methods,
    lifetimes: {
      created() {
        for (const [k, v] of Object.entries(fields)) this[k] = v;
      },
    },
  };
}

function firstLine(s) {
  return String(s).split('\n')[0].slice(0, 500);
}

function sleep(ms) {
  return new Promise(r => setTimeoutOriginal(r, ms));
}

const setTimeoutOriginal = global.setTimeout;

module.exports = {Runtime, ActionError};
