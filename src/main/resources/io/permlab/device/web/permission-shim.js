// PermLab's permission observer, injected into every frame before the page's own scripts run.
// It wraps each web API through which a page can ask for a permission and reports, through the DevTools
// binding __permlabReport, the request (API, options, frame, the text visible in this frame) and its outcome.
// It never changes what the page gets (the run's policy is applied by the browser: DevTools Browser.setPermission), but
// for one thing: until the page has asked for a permission in this run, permissions.query says "prompt", as it does
// for a new user, though the browser already holds the run's answer (see the query wrapper below).
(function () {
  'use strict';
  if (window.__permlabShim) { return; }
  Object.defineProperty(window, '__permlabShim', { value: true });
  var bindingName = '__permlabReport';
  var nextId = 0;
  var top = (function () { try { return window.top === window; } catch (e) { return false; } })();

  function send(message) {
    try {
      var binding = window[bindingName];
      if (typeof binding === 'function') { binding(JSON.stringify(message)); }
    } catch (e) { /* reporting must never break the page */ }
  }
  // The text the user can see in this frame now, a line per block: what is in the viewport, not hidden by style or
  // opacity, not in type too small to read (under 6 px high), and not clipped or covered (the element hit at the text's
  // place is the text's own: a visually hidden span clipped to 1 px is not). A purpose counts only if it was seen.
  var MAX_TEXT = 4000;
  function onScreen(node, el, w, h) {
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) { return false; }
    var range = document.createRange();
    range.selectNodeContents(node);
    var rects = range.getClientRects();
    for (var i = 0; i < rects.length && i < 4; i++) {
      var r = rects[i];
      var x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (r.width < 2 || r.height < 6 || x < 0 || y < 0 || x >= w || y >= h) { continue; }
      // inside a component, its shadow root tells which of its elements is hit (the document names only the host)
      var root = el.getRootNode();
      var hit = (root && root.elementFromPoint ? root : document).elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit)
          || (hit.contains(el) && getComputedStyle(el).pointerEvents === 'none'))) { return true; }
    }
    return false;
  }
  function visibleText() {
    try {
      var body = document.body;
      if (!body) { return ''; }
      var w = window.innerWidth, h = window.innerHeight;
      var blocks = new Map();
      var blockOf = function (el) {
        var start = el;
        if (blocks.has(start)) { return blocks.get(start); }
        for (; el && el !== body; el = el.parentElement) {
          var d = getComputedStyle(el).display;
          if (d.indexOf('inline') !== 0 && d !== 'contents') { break; }
        }
        var block = el || body;
        blocks.set(start, block);
        return block;
      };
      var lines = [], line = '', lastBlock = null, total = 0, visited = 0;
      // The text of a component's open shadow root is read where its host stands.
      var walk = function (root) {
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT), node;
        while ((node = walker.nextNode()) && total < MAX_TEXT && visited++ < 20000) {
          if (node.nodeType === 1) {
            if (node.shadowRoot) { walk(node.shadowRoot); }
            continue;
          }
          var t = node.nodeValue;
          var el = node.parentElement;
          if (!t || !t.trim() || !el || el.closest('script,style,noscript,template') || !onScreen(node, el, w, h)) { continue; }
          var block = blockOf(el);
          if (block !== lastBlock) {
            if (line.trim()) { lines.push(line.trim()); }
            line = '';
            lastBlock = block;
          }
          line += t.replace(/\s+/g, ' ');
          total += t.length;
        }
      };
      walk(body);
      if (line.trim()) { lines.push(line.trim()); }
      return lines.join('\n').slice(0, MAX_TEXT);
    } catch (e) {
      try { return (document.body && document.body.innerText || '').slice(0, MAX_TEXT); } catch (e2) { return ''; }
    }
  }
  function describeError(e) {
    if (!e) { return 'error'; }
    if (typeof e.code === 'number' && e.message !== undefined) { return 'error:' + e.code + ' ' + e.message; }
    return 'error:' + (e.name || 'Error') + ' ' + (e.message || '');
  }
  // permissions asked for in this run: by this document, and (set by PermLab on each new document) by earlier ones
  var askedHere = {};
  function askedBefore(name) {
    var earlier = window.__permlabAskedBefore;
    return askedHere[name] === true || (Array.isArray(earlier) && earlier.indexOf(name) >= 0);
  }
  // The text on screen when the user last tapped: an explanation that the tap acknowledges (and closes) before the
  // page asks is the purpose shown, though it is gone when the prompt comes. Read before the page's own handlers run.
  var textAtInput = '';
  var inputAt = 0;
  function rememberScreen() { textAtInput = visibleText(); inputAt = Date.now(); }
  document.addEventListener('pointerdown', rememberScreen, true);
  document.addEventListener('click', function () { if (Date.now() - inputAt > 1000) { rememberScreen(); } }, true);
  var INPUT_WINDOW_MS = 3000;

  // A feature this frame's permissions policy disables (an iframe without allow="geolocation") is refused by the
  // browser at once, with no prompt: the user is not asked. Reported as such, never as a request.
  var POLICY_FEATURES = { 'geolocation': 'geolocation', 'camera': 'camera', 'microphone': 'microphone',
    'display-capture': 'display-capture', 'clipboard-read': 'clipboard-read', 'midi': 'midi', 'bluetooth': 'bluetooth',
    'usb': 'usb', 'serial': 'serial', 'hid': 'hid', 'idle-detection': 'idle-detection' };
  function disabledByPolicy(permission) {
    try {
      var policy = document.featurePolicy;
      if (!policy) { return null; }
      var known = policy.features();
      var off = String(permission).split('+').map(function (p) { return POLICY_FEATURES[p]; })
        .filter(function (f) { return f && known.indexOf(f) >= 0 && !policy.allowsFeature(f); });
      return off.length ? off.join('+') : null;
    } catch (e) { return null; }
  }
  function request(permission, api, options) {
    var off = disabledByPolicy(permission);
    if (off) {
      send({ type: 'blocked', at: Date.now(), permission: permission, api: api, feature: off,
             frameUrl: String(location.href), origin: String(location.origin), top: top });
      return null;
    }
    String(permission).split('+').forEach(function (p) { askedHere[p] = true; });
    var id = ++nextId + '-' + Math.random().toString(36).slice(2, 8);
    send({ type: 'request', id: id, at: Date.now(), permission: permission, api: api, options: options || {},
           frameUrl: String(location.href), origin: String(location.origin), top: top, text: visibleText(),
           textAtInput: Date.now() - inputAt <= INPUT_WINDOW_MS ? textAtInput : '' });
    return id;
  }
  function result(id, outcome) { if (id !== null) { send({ type: 'result', id: id, outcome: outcome }); } }
  // The object that owns a method (a prototype, mostly): wrapping it there also sees calls made through the prototype
  // (Geolocation.prototype.getCurrentPosition.call(navigator.geolocation, ...)).
  function owner(o, name) {
    for (var x = o; x; x = Object.getPrototypeOf(x)) {
      if (Object.prototype.hasOwnProperty.call(x, name)) { return x; }
    }
    return o;
  }
  function flat(o) {
    var out = {};
    if (!o || typeof o !== 'object') { return out; }
    Object.keys(o).forEach(function (k) {
      var v = o[k];
      out[k] = (v !== null && typeof v === 'object') ? JSON.stringify(v) : String(v);
    });
    return out;
  }
  function wrapPromise(target, name, permission, api, optionsOf) {
    if (!target || typeof target[name] !== 'function') { return; }
    var holder = owner(target, name);
    var original = holder[name];
    holder[name] = function () {
      var id = request(permission(arguments), api, optionsOf ? optionsOf(arguments) : {});
      var p;
      try { p = original.apply(this, arguments); } catch (e) { result(id, describeError(e)); throw e; }
      if (p && typeof p.then === 'function') {
        return p.then(function (v) { result(id, 'success' + (typeof v === 'string' ? ':' + v : '')); return v; },
                      function (e) { result(id, describeError(e)); throw e; });
      }
      result(id, 'success');
      return p;
    };
  }

  // Geolocation: getCurrentPosition / watchPosition, with the options that decide precision.
  var geo = navigator.geolocation;
  if (geo) {
    ['getCurrentPosition', 'watchPosition'].forEach(function (name) {
      var holder = owner(geo, name);
      var original = holder[name];
      if (typeof original !== 'function') { return; }
      holder[name] = function (success, failure, options) {
        var id = request('geolocation', 'navigator.geolocation.' + name, flat(options));
        var reported = false;
        function once(outcome) { if (!reported) { reported = true; result(id, outcome); } }
        var ok = function (pos) {
          once('success:accuracy=' + (pos && pos.coords ? Math.round(pos.coords.accuracy) : '?'));
          if (typeof success === 'function') { return success.apply(this, arguments); }
        };
        var ko = function (err) {
          once(describeError(err));
          if (typeof failure === 'function') { return failure.apply(this, arguments); }
        };
        return original.call(this, ok, ko, options);
      };
    });
  }

  // Camera and microphone.
  if (navigator.mediaDevices) {
    wrapPromise(navigator.mediaDevices, 'getUserMedia', function (a) {
      var c = a[0] || {};
      return c.video && c.audio ? 'camera+microphone' : c.video ? 'camera' : 'microphone';
    }, 'navigator.mediaDevices.getUserMedia', function (a) { return flat(a[0]); });
    wrapPromise(navigator.mediaDevices, 'getDisplayMedia', function () { return 'display-capture'; },
      'navigator.mediaDevices.getDisplayMedia', function (a) { return flat(a[0]); });
  }
  // Legacy callback form of getUserMedia.
  ['getUserMedia', 'webkitGetUserMedia'].forEach(function (name) {
    var original = navigator[name];
    if (typeof original !== 'function') { return; }
    navigator[name] = function (constraints, success, failure) {
      var c = constraints || {};
      var id = request(c.video && c.audio ? 'camera+microphone' : c.video ? 'camera' : 'microphone', 'navigator.' + name, flat(c));
      return original.call(navigator, constraints,
        function () { result(id, 'success'); if (success) { return success.apply(this, arguments); } },
        function (e) { result(id, describeError(e)); if (failure) { return failure.apply(this, arguments); } });
    };
  });

  // Notifications.
  if (window.Notification && typeof Notification.requestPermission === 'function') {
    var requestNotifications = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = function (callback) {
      var id = request('notifications', 'Notification.requestPermission', {});
      return requestNotifications().then(function (state) {
        result(id, state === 'granted' ? 'success:granted' : 'error:' + state);
        if (typeof callback === 'function') { callback(state); }
        return state;
      });
    };
  }

  // A push subscription asks for the notification permission itself (Chromium prompts as for requestPermission).
  if (window.PushManager && window.PushManager.prototype) {
    wrapPromise(window.PushManager.prototype, 'subscribe', function () { return 'notifications'; }, 'PushManager.subscribe',
      function (a) { var o = a[0] || {}; return { userVisibleOnly: String(!!o.userVisibleOnly) }; });
  }

  // Clipboard reading.
  if (navigator.clipboard) {
    wrapPromise(navigator.clipboard, 'readText', function () { return 'clipboard-read'; }, 'navigator.clipboard.readText');
    wrapPromise(navigator.clipboard, 'read', function () { return 'clipboard-read'; }, 'navigator.clipboard.read');
  }

  // Persistent storage, MIDI, idle detection.
  if (navigator.storage) {
    wrapPromise(navigator.storage, 'persist', function () { return 'persistent-storage'; }, 'navigator.storage.persist');
  }
  wrapPromise(navigator, 'requestMIDIAccess', function () { return 'midi'; }, 'navigator.requestMIDIAccess', function (a) { return flat(a[0]); });
  if (window.IdleDetector) {
    wrapPromise(window.IdleDetector, 'requestPermission', function () { return 'idle-detection'; }, 'IdleDetector.requestPermission');
  }

  // Device choosers: Bluetooth, USB, serial, HID.
  [['bluetooth', 'requestDevice', 'bluetooth'], ['usb', 'requestDevice', 'usb'],
   ['serial', 'requestPort', 'serial'], ['hid', 'requestDevice', 'hid']].forEach(function (d) {
    if (navigator[d[0]]) {
      wrapPromise(navigator[d[0]], d[1], function () { return d[2]; }, 'navigator.' + d[0] + '.' + d[1], function (a) { return flat(a[0]); });
    }
  });

  // Motion sensors: the Generic Sensor API (start() asks) and the iOS-style requestPermission.
  ['Accelerometer', 'Gyroscope', 'Magnetometer', 'LinearAccelerationSensor', 'AbsoluteOrientationSensor', 'RelativeOrientationSensor']
    .forEach(function (name) {
      var Ctor = window[name];
      if (Ctor && Ctor.prototype && typeof Ctor.prototype.start === 'function') {
        var start = Ctor.prototype.start;
        Ctor.prototype.start = function () {
          var id = request('sensors', name + '.start', {});
          var sensor = this;
          sensor.addEventListener('error', function (e) { result(id, describeError(e && e.error)); }, { once: true });
          sensor.addEventListener('activate', function () { result(id, 'success'); }, { once: true });
          return start.apply(this, arguments);
        };
      }
    });
  [window.DeviceMotionEvent, window.DeviceOrientationEvent].forEach(function (Ctor) {
    if (Ctor && typeof Ctor.requestPermission === 'function') {
      wrapPromise(Ctor, 'requestPermission', function () { return 'sensors'; }, 'DeviceMotionEvent.requestPermission');
    }
  });

  // What a document holds in localStorage and sessionStorage, for when the run moves on from it (another origin's
  // page next, where the end-of-run read cannot see it): sent after each write and as the document goes.
  function storageOf(area) {
    var out = {}, size = 0;
    try {
      for (var i = 0; i < area.length && i < 200 && size < 262144; i++) {
        var k = area.key(i), v = String(area.getItem(k)).slice(0, 65536);
        out[k] = v;
        size += k.length + v.length;
      }
    } catch (e) { /* storage disabled for this origin */ }
    return out;
  }
  var storageQueued = false;
  function sendStorage() {
    storageQueued = false;
    send({ type: 'storage', origin: String(location.origin), local: storageOf(window.localStorage),
           session: storageOf(window.sessionStorage) });
  }
  // after each write too: a message sent while the page goes away may not arrive
  if (window.Storage) {
    ['setItem', 'removeItem', 'clear'].forEach(function (name) {
      var original = Storage.prototype[name];
      if (typeof original !== 'function') { return; }
      Storage.prototype[name] = function () {
        var r = original.apply(this, arguments);
        if (!storageQueued) { storageQueued = true; Promise.resolve().then(sendStorage); }
        return r;
      };
    });
  }
  window.addEventListener('pagehide', sendStorage, true);

  // Another window (window.open, a link with a target): PermLab follows the flow's own window only, so the run's
  // timeline says one was opened, and where, for a reader to know what was not observed.
  function opened(url, how) {
    var href = '';
    try { href = String(new URL(String(url || ''), location.href)); } catch (e) { href = String(url || ''); }
    send({ type: 'window', at: Date.now(), url: href, how: how, frameUrl: String(location.href) });
  }
  if (typeof window.open === 'function') {
    var openWindow = window.open;
    window.open = function (url, name) {
      var n = String(name === undefined ? '_blank' : name);
      if (n !== '_self' && n !== '_parent' && n !== '_top') { opened(url, 'window.open'); }
      return openWindow.apply(this, arguments);
    };
  }
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[target]') : null;
    var t = a ? String(a.getAttribute('target')).toLowerCase() : '';
    if (a && a.href && t && t !== '_self' && t !== '_parent' && t !== '_top') { opened(a.href, 'link target=' + t); }
  }, true);

  // permissions.query is how pages probe before asking: recorded as a query, not as a request. A run starts as a first
  // launch, so before the page has asked, the answer the run's policy already put in the browser is not told: "prompt"
  // (the status object is the browser's own, its state read through a proxy; events and onchange reach the real one).
  function firstLaunch(status) {
    return new Proxy(status, {
      get: function (target, key) {
        if (key === 'state') { return 'prompt'; }
        var v = target[key];
        return typeof v === 'function' ? v.bind(target) : v;
      },
      set: function (target, key, value) { target[key] = value; return true; }
    });
  }
  if (navigator.permissions && typeof navigator.permissions.query === 'function') {
    var queryHolder = owner(navigator.permissions, 'query');
    var query = queryHolder.query;
    queryHolder.query = function (descriptor) {
      var name = String(descriptor && descriptor.name);
      return query.call(this, descriptor).then(function (status) {
        var hidden = !askedBefore(name) && status.state !== 'prompt';
        send({ type: 'query', permission: name, state: status.state, told: hidden ? 'prompt' : status.state,
               frameUrl: String(location.href), origin: String(location.origin), top: top });
        return hidden ? firstLaunch(status) : status;
      });
    };
  }
})();
