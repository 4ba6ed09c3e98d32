'use strict';
// The wx object the program calls. Authorization goes through auth.js; requests and every other API are recorded
// and answered here without leaving the machine; APIs without a faithful model answer a plausible success and are
// marked "simulated" in the journal.
const {NO_SHEET, SCOPED} = require('./auth');

const SYSTEM_INFO = {
  brand: 'PermLab', model: 'PermLab simulated phone', pixelRatio: 3, screenWidth: 390, screenHeight: 844,
  windowWidth: 390, windowHeight: 844, statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'Android 14',
  platform: 'android', fontSizeSetting: 16, SDKVersion: '3.3.4', benchmarkLevel: 1, theme: 'light',
  safeArea: {left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763},
  locationEnabled: true, wifiEnabled: true, cameraAuthorized: true, locationAuthorized: true, microphoneAuthorized: true,
};

// WeChat's grey default avatar: what getUserProfile hands every program since 2022-10-25, with the nickname 微信用户
const DEFAULT_AVATAR = 'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132';
const ANONYMOUS = {nickName: '微信用户', avatarUrl: DEFAULT_AVATAR, gender: 0, country: '', province: '', city: '', language: ''};
const TMP = 'wxfile://tmp/permlab-simulated';

/**
 * The success payloads of simulated APIs, as WeChat's documentation describes them (arrays and objects programs read at
 * once: tempFiles[0], devices.length, userInfo.nickName); each still marked simulated in the journal.
 */
const PAYLOADS = {
  getUserProfile: () => ({userInfo: Object.assign({}, ANONYMOUS), rawData: JSON.stringify(ANONYMOUS), signature: '', encryptedData: '', iv: ''}),
  getUserInfo: () => ({userInfo: Object.assign({}, ANONYMOUS), rawData: JSON.stringify(ANONYMOUS), signature: '', encryptedData: '', iv: ''}),
  chooseMedia: (o) => {
    const video = Array.isArray(o.mediaType) && o.mediaType.length > 0 && !o.mediaType.includes('image') && !o.mediaType.includes('mix');
    return {type: video ? 'video' : 'image', tempFiles: [{tempFilePath: TMP + (video ? '-1.mp4' : '-1.jpg'), size: 102400,
      duration: video ? 5 : 0, height: 1280, width: 960, thumbTempFilePath: video ? TMP + '-1-thumb.jpg' : '', fileType: video ? 'video' : 'image'}]};
  },
  chooseImage: () => ({tempFilePaths: [TMP + '-1.jpg'], tempFiles: [{path: TMP + '-1.jpg', size: 102400}]}),
  chooseVideo: () => ({tempFilePath: TMP + '-1.mp4', duration: 5, size: 1024000, height: 1280, width: 720}),
  chooseMessageFile: () => ({tempFiles: [{path: TMP + '-1.pdf', size: 102400, name: 'permlab-simulated.pdf', type: 'file', time: 1700000000}]}),
  getImageInfo: (o) => ({width: 960, height: 1280, path: String(o.src || TMP + '-1.jpg'), orientation: 'up', type: 'jpeg'}),
  compressImage: () => ({tempFilePath: TMP + '-compressed.jpg'}),
  getFileInfo: () => ({size: 102400, digest: ''}),
  downloadFile: () => ({tempFilePath: TMP + '-download', statusCode: 200}),
  saveFile: () => ({savedFilePath: 'wxfile://usr/permlab-simulated'}),
  getSavedFileList: () => ({fileList: []}),
  getBluetoothDevices: () => ({devices: []}),
  getConnectedBluetoothDevices: () => ({devices: []}),
  getBluetoothAdapterState: () => ({discovering: false, available: true}),
  getBLEDeviceServices: () => ({services: []}),
  getBLEDeviceCharacteristics: () => ({characteristics: []}),
  getBeacons: () => ({beacons: []}),
  scanCode: () => ({result: 'https://permlab.invalid/simulated-code', scanType: 'QR_CODE', charSet: 'UTF-8',
    rawData: Buffer.from('https://permlab.invalid/simulated-code').toString('base64'), path: ''}),
  getNetworkType: () => ({networkType: 'wifi', signalStrength: 100, hasSystemProxy: false}),
  getConnectedWifi: () => ({wifi: {SSID: 'PermLab', BSSID: '00:00:00:00:00:00', secure: true, signalStrength: 100, frequency: 2412}}),
  getWifiList: () => ({}),
  getBatteryInfo: () => ({level: 80, isCharging: false}),
  getScreenBrightness: () => ({value: 0.5}),
  getClipboardData: () => ({data: ''}),
  login: () => ({code: 'permlab-simulated-code'}),
  getWeRunData: () => ({encryptedData: '', iv: '', cloudID: ''}),
  requestSubscribeMessage: (o) => Object.fromEntries((Array.isArray(o.tmplIds) ? o.tmplIds : []).map(id => [id, 'reject'])),
};

/** Synchronous variants that hand back an object at once (getBatteryInfoSync …). */
const SYNC_PAYLOADS = {
  getBatteryInfoSync: () => ({level: 80, isCharging: false}),
  getClipboardDataSync: () => '',
};

function createWx(ctx) {
  const {journal, auth, router, storage, policy} = ctx;
  const handlers = {};
  const locationListeners = [];
  let updating = false;

  /** After startLocationUpdate: the listeners of onLocationChange get the phone's position (once; timers are real). */
  function locationUpdates(answer, api) {
    updating = true;
    setTimeout(() => {
      if (!updating) return;
      for (const l of locationListeners.slice()) {
        const p = position(answer, {}, 'onLocationChange');
        ctx.guard('onLocationChange listener', () => l(p));
      }
    }, 50);
  }

  function call(api, options) {
    return journal.add('api', {api, options: summarize(options)});
  }

  /** Delivers success/fail/complete the way WeChat does (later, never inside the call), or a promise without callbacks. */
  function respond(api, options, work) {
    const o = options || {};
    const callbacks = typeof o.success === 'function' || typeof o.fail === 'function' || typeof o.complete === 'function';
    let resolveP;
    let rejectP;
    const promise = callbacks ? undefined : new Promise((res, rej) => { resolveP = res; rejectP = rej; });
    if (promise) promise.catch(() => {}); // an unhandled refusal is the program's business, not a crash of the runtime
    const deliver = (ok, payload) => setTimeout(() => {
      ctx.guard(api + (ok ? ' success' : ' fail') + ' callback', () => {
        if (ok && typeof o.success === 'function') o.success(payload);
        if (!ok && typeof o.fail === 'function') o.fail(payload);
        if (typeof o.complete === 'function') o.complete(payload);
      });
      if (promise) (ok ? resolveP : rejectP)(payload);
    }, 0);
    const done = {
      ok: (result) => deliver(true, Object.assign({errMsg: api + ':ok'}, result || {})),
      fail: (reason, extra) => deliver(false, Object.assign({errMsg: api + ':fail ' + reason}, extra || {})),
    };
    work(done);
    return promise;
  }

  /** A scoped API: privacy agreement, requiredPrivateInfos, then the sheet once, then the work. */
  function scoped(api, options, work) {
    call(api, options);
    return respond(api, options, done => {
      if (auth.undeclared(api)) {
        journal.add('refused', {api, reason: 'not declared in requiredPrivateInfos'});
        return done.fail('the api need to be declared in the requiredPrivateInfos field in app.json/ext.json');
      }
      auth.withPrivacy(api, () => {
        auth.proceeding(api);
        const scope = auth.scopeOf(api);
        if (!scope) return work(done, 'allow');
        const d = auth.decide(scope, api, summarize(options));
        if (!d.granted) return done.fail('auth deny', {errno: 103});
        return work(done, d.answer);
      }, reason => done.fail(reason, {errno: 104}));
    });
  }

  /**
   * A position handed to the program, journalled with its source so that sent coordinates can be traced back:
   * 'device' (the phone's position: getLocation, onLocationChange), 'fuzzy' (getFuzzyLocation), 'picked' (a place
   * the user picked on the map, or one the program showed with openLocation).
   */
  function handed(api, source, latitude, longitude) {
    journal.add('coords', {api, source, latitude, longitude});
  }

  function position(answer, options, api) {
    const precise = policy.position || {latitude: 31.2304, longitude: 121.4737, accuracy: 10};
    const coarse = policy.approximate || {latitude: 31.22, longitude: 121.46, accuracy: 2000};
    const p = answer === 'allow-approximate' ? coarse : precise;
    const o = options || {};
    handed(api, api === 'getFuzzyLocation' ? 'fuzzy' : 'device', p.latitude, p.longitude);
    return {latitude: p.latitude, longitude: p.longitude, speed: 0, accuracy: p.accuracy, altitude: 0,
      verticalAccuracy: o.altitude ? p.accuracy : 0, horizontalAccuracy: p.accuracy};
  }

  /** The place the user picks on chooseLocation's map: a landmark about 200 m from the phone, never the phone itself. */
  function pickedPlace() {
    const here = policy.position || {latitude: 31.2304, longitude: 121.4737};
    return {latitude: Math.round((here.latitude + 0.0013) * 1e6) / 1e6, longitude: Math.round((here.longitude - 0.0011) * 1e6) / 1e6};
  }

  function fixture(url, method) {
    for (const f of policy.fixtures || []) {
      try {
        if (new RegExp(f.url).test(url) && (!f.method || String(f.method).toUpperCase() === method)) return f;
      } catch (e) {
        // a bad pattern matches nothing; Java checks fixtures before the run
      }
    }
    return null;
  }

  function network(api, options) {
    const o = options || {};
    const method = String(o.method || (api === 'uploadFile' ? 'POST' : 'GET')).toUpperCase();
    const f = fixture(String(o.url), method);
    const wire = onTheWire(api, method, String(o.url), o.header || {}, o);
    const entry = journal.add('request', {api, url: wire.url, method, header: wire.header, body: wire.body,
      filePath: o.filePath, fixture: f ? f.url : null, status: f && f.status ? f.status : 200});
    const task = {abort() { journal.add('api', {api: api + 'Task.abort'}); }, onHeadersReceived() {}, offHeadersReceived() {},
      onProgressUpdate() {}, offProgressUpdate() {}, onChunkReceived() {}, offChunkReceived() {}};
    respond(api, o, done => {
      const status = entry.status;
      const data = f && 'data' in f ? f.data : {};
      const body = api === 'uploadFile' ? JSON.stringify(data) : data;
      entry.response = typeof body === 'string' ? body : JSON.stringify(body);
      done.ok({statusCode: status, data: body, header: {'Content-Type': 'application/json'}, cookies: []});
    });
    return task;
  }

  Object.assign(handlers, {
    authorize(o) {
      call('authorize', o);
      return respond('authorize', o, done => {
        const scope = o && o.scope;
        if (!scope) return done.fail('invalid scope');
        if (NO_SHEET.includes(scope)) {
          // WeChat shows nothing for these any more: nothing asked, nothing collected (no request, no refused run)
          auth.state[scope] = true;
          journal.add('no-sheet', {api: 'authorize', scope, reason: 'WeChat no longer asks the user for this scope: authorize succeeds without a sheet'});
          return done.ok();
        }
        if (!SCOPED[scope]) return done.fail('invalid scope'); // WeChat knows no such scope: nothing is shown
        auth.withPrivacy('authorize', () => {
          auth.proceeding('authorize');
          const d = auth.decide(scope, 'authorize', {scope});
          return d.granted ? done.ok() : done.fail('auth deny', {errno: 103});
        }, reason => done.fail(reason, {errno: 104}));
      });
    },
    getSetting(o) {
      call('getSetting', o);
      return respond('getSetting', o, done => done.ok({authSetting: auth.authSetting()}));
    },
    openSetting(o) {
      call('openSetting', o);
      return respond('openSetting', o, done => {
        const authSetting = auth.openSetting('openSetting');
        return authSetting ? done.ok({authSetting}) : done.fail('can only be invoked by user TAP gesture.');
      });
    },
    getLocation(o) {
      return scoped('getLocation', o, (done, answer) => done.ok(position(answer, o, 'getLocation')));
    },
    getFuzzyLocation(o) {
      return scoped('getFuzzyLocation', o, (done) => done.ok(position('allow-approximate', o, 'getFuzzyLocation')));
    },
    startLocationUpdate(o) {
      return scoped('startLocationUpdate', o, (done, answer) => { done.ok(); locationUpdates(answer, 'startLocationUpdate'); });
    },
    startLocationUpdateBackground(o) {
      return scoped('startLocationUpdateBackground', o, (done, answer) => { done.ok(); locationUpdates(answer, 'startLocationUpdateBackground'); });
    },
    onLocationChange(listener) {
      call('onLocationChange', {});
      if (typeof listener === 'function') locationListeners.push(listener);
    },
    offLocationChange(listener) {
      call('offLocationChange', {});
      const i = locationListeners.indexOf(listener);
      if (i >= 0) locationListeners.splice(i, 1); else if (!listener) locationListeners.length = 0;
    },
    stopLocationUpdate(o) {
      call('stopLocationUpdate', o);
      updating = false;
      return respond('stopLocationUpdate', o, done => done.ok());
    },
    chooseLocation(o) {
      // the user picks a point on a map: no permission sheet (WeChat dropped it for chooseLocation)
      return scoped('chooseLocation', o, done => {
        const p = pickedPlace();
        handed('chooseLocation', 'picked', p.latitude, p.longitude);
        done.ok({name: '人民广场', address: '上海市黄浦区人民大道200号', latitude: p.latitude, longitude: p.longitude});
      });
    },
    choosePoi(o) {
      // the user picks a place (or only a city) on WeChat's page: no sheet since 2022-06-13, like chooseLocation
      return scoped('choosePoi', o, done => {
        const p = pickedPlace();
        handed('choosePoi', 'picked', p.latitude, p.longitude);
        done.ok({type: 2, city: '上海市', name: '人民广场', address: '上海市黄浦区人民大道200号', latitude: p.latitude, longitude: p.longitude});
      });
    },
    openLocation(o) {
      // the program shows a place on WeChat's map (a shop): its coordinates are that place, not the phone
      call('openLocation', o);
      const opts = o || {};
      if (typeof opts.latitude === 'number' && typeof opts.longitude === 'number') {
        handed('openLocation', 'picked', opts.latitude, opts.longitude);
      }
      return respond('openLocation', opts, done => done.ok());
    },
    chooseAddress(o) {
      return scoped('chooseAddress', o, done => done.ok({userName: '张三', postalCode: '200000', provinceName: '上海市',
        cityName: '上海市', countyName: '黄浦区', detailInfo: '人民大道200号', nationalCode: '310101', telNumber: '13800000000'}));
    },
    onNeedPrivacyAuthorization(listener) {
      call('onNeedPrivacyAuthorization', {});
      auth.privacyListener = typeof listener === 'function' ? listener : null;
    },
    requirePrivacyAuthorize(o) {
      call('requirePrivacyAuthorize', o);
      return respond('requirePrivacyAuthorize', o, done => {
        if (!auth.usesPrivacyCheck() || auth.privacyAgreed) return done.ok();
        auth.withPrivacy('requirePrivacyAuthorize', () => done.ok(), reason => done.fail(reason, {errno: 104}));
      });
    },
    getPrivacySetting(o) {
      call('getPrivacySetting', o);
      return respond('getPrivacySetting', o, done => done.ok({
        needAuthorization: auth.usesPrivacyCheck() && !auth.privacyAgreed,
        privacyContractName: '《' + ((ctx.appJson.window && ctx.appJson.window.navigationBarTitleText) || '小程序') + '隐私保护指引》'}));
    },
    openPrivacyContract(o) {
      call('openPrivacyContract', o);
      return respond('openPrivacyContract', o, done => done.ok());
    },
    showModal(o) {
      call('showModal', o);
      const opts = o || {};
      const showCancel = opts.showCancel !== false;
      // a user who refuses: cancel where offered, else the only button there is
      const answer = showCancel ? 'cancel' : 'confirm';
      const modal = journal.add('modal', {title: str(opts.title), content: str(opts.content), showCancel,
        confirmText: str(opts.confirmText) || '确定', cancelText: str(opts.cancelText) || '取消', answer});
      journal.overlay.push(modal);
      // the user's tap on the modal's button is a tap: its callback may open the settings page, as in WeChat
      return respond('showModal', opts, done => { auth.gesture(); done.ok({confirm: !showCancel, cancel: showCancel}); });
    },
    showToast(o) {
      call('showToast', o);
      journal.overlay.push(journal.add('toast', {title: str(o && o.title), icon: o && o.icon}));
      return respond('showToast', o, done => done.ok());
    },
    showLoading(o) {
      call('showLoading', o);
      return respond('showLoading', o, done => done.ok());
    },
    showActionSheet(o) {
      call('showActionSheet', o);
      journal.overlay.push(journal.add('modal', {title: 'action sheet', content: ((o && o.itemList) || []).join(' / '),
        showCancel: true, answer: 'cancel'}));
      return respond('showActionSheet', o, done => done.fail('cancel'));
    },
    request(o) {
      call('request', o);
      return network('request', o);
    },
    uploadFile(o) {
      call('uploadFile', o);
      return network('uploadFile', o);
    },
    // storage: kept per session, read by Java at the end of the run
    setStorageSync(key, value) {
      call('setStorageSync', {key});
      storage.set(String(key), value);
    },
    getStorageSync(key) {
      call('getStorageSync', {key});
      return storage.has(String(key)) ? storage.get(String(key)) : '';
    },
    removeStorageSync(key) {
      call('removeStorageSync', {key});
      storage.delete(String(key));
    },
    clearStorageSync() {
      call('clearStorageSync', {});
      storage.clear();
    },
    getStorageInfoSync() {
      return {keys: [...storage.keys()], currentSize: 1, limitSize: 10240};
    },
    getStorageInfo(o) {
      call('getStorageInfo', o);
      return respond('getStorageInfo', o, done => done.ok({keys: [...storage.keys()], currentSize: 1, limitSize: 10240}));
    },
    setStorage(o) {
      call('setStorage', {key: o && o.key});
      return respond('setStorage', o, done => { storage.set(String(o.key), o.data); done.ok(); });
    },
    getStorage(o) {
      call('getStorage', {key: o && o.key});
      return respond('getStorage', o, done => storage.has(String(o.key)) ? done.ok({data: storage.get(String(o.key))})
        : done.fail('data not found'));
    },
    removeStorage(o) {
      call('removeStorage', {key: o && o.key});
      return respond('removeStorage', o, done => { storage.delete(String(o.key)); done.ok(); });
    },
    clearStorage(o) {
      call('clearStorage', o);
      return respond('clearStorage', o, done => { storage.clear(); done.ok(); });
    },
    navigateTo(o) { return nav('navigateTo', o); },
    redirectTo(o) { return nav('redirectTo', o); },
    reLaunch(o) { return nav('reLaunch', o); },
    switchTab(o) { return nav('switchTab', o); },
    navigateBack(o) { return nav('navigateBack', o); },
    // leaving the program: WeChat closes it (exit needs a tap, as WeChat requires); nothing of it stays on screen
    exitMiniProgram(o) {
      call('exitMiniProgram', o);
      if (!auth.hasGesture()) {
        journal.add('exit', {api: 'exitMiniProgram', left: false, reason: 'not called on a tap'});
        return respond('exitMiniProgram', o, done => done.fail('can only be invoked by user TAP gesture.'));
      }
      router.leave('exitMiniProgram');
      return respond('exitMiniProgram', o, done => done.ok());
    },
    navigateBackMiniProgram(o) {
      call('navigateBackMiniProgram', o);
      // WeChat goes back only to a program that opened this one; the runtime launches it as from WeChat (scene 1001)
      if (!router.openedByProgram()) {
        journal.add('exit', {api: 'navigateBackMiniProgram', left: false, reason: 'no mini-program opened this one (scene 1001)'});
        return respond('navigateBackMiniProgram', o, done => done.fail('the mini-program was not opened by another mini-program'));
      }
      router.leave('navigateBackMiniProgram');
      return respond('navigateBackMiniProgram', o, done => done.ok());
    },
    getSystemInfoSync() { return Object.assign({}, SYSTEM_INFO); },
    getWindowInfo() { return Object.assign({}, SYSTEM_INFO); },
    getDeviceInfo() { return Object.assign({}, SYSTEM_INFO); },
    getAppBaseInfo() { return Object.assign({}, SYSTEM_INFO); },
    getSystemSetting() { return {bluetoothEnabled: true, locationEnabled: true, wifiEnabled: true, deviceOrientation: 'portrait'}; },
    getAppAuthorizeSetting() { return {locationAuthorized: 'authorized', cameraAuthorized: 'authorized', microphoneAuthorized: 'authorized'}; },
    getSystemInfo(o) { return respond('getSystemInfo', o, done => done.ok(Object.assign({}, SYSTEM_INFO))); },
    getAccountInfoSync() { return {miniProgram: {appId: 'wx0000000000000000', envVersion: 'develop', version: ''}}; },
    getLaunchOptionsSync() { return {path: router.launchPath(), query: {}, scene: 1001, referrerInfo: {}}; },
    getEnterOptionsSync() { return {path: router.launchPath(), query: {}, scene: 1001, referrerInfo: {}}; },
    getMenuButtonBoundingClientRect() { return {width: 87, height: 32, top: 51, right: 381, bottom: 83, left: 294}; },
    canIUse() { return true; },
    nextTick(fn) { setTimeout(() => ctx.guard('nextTick', fn), 0); },
    createSelectorQuery() { return ctx.selectorQuery(); },
  });

  function nav(api, o) {
    call(api, o);
    return respond(api, o, done => {
      const problem = router.navigate(api, o || {});
      if (problem) done.fail(problem); else done.ok();
    });
  }

  /** Every other API: recorded, and answered with a plausible success, marked simulated. */
  function simulated(api) {
    return function (o) {
      journal.add('api', {api, options: summarize(o), simulated: true});
      if (SYNC_PAYLOADS[api]) return SYNC_PAYLOADS[api](o || {});
      if (/Sync$/.test(api)) return undefined;
      if (/^(on|off)[A-Z]/.test(api)) return undefined;
      if (/^create[A-Z]/.test(api)) return simulatedObject(api);
      // wx.getRecorderManager() and the like return the manager itself, at once (RecorderManager.start, …)
      if (/^get[A-Z]\w*Manager$/.test(api)) return simulatedObject(api.slice(3));
      return respond(api, o, done => done.ok(PAYLOADS[api] ? PAYLOADS[api](o || {}) : undefined));
    };
  }

  /**
   * A context or manager: every method recorded; listeners given to its on… methods kept, so that a scoped method
   * (RecorderManager.start) tells the program as WeChat does — onStart when allowed, onError when refused.
   */
  function simulatedObject(owner) {
    const listeners = {};
    const fire = (event, payload) => (listeners[event] || []).forEach(fn => ctx.guard(owner + '.' + event + ' listener', () => fn(payload)));
    return new Proxy({}, {get: (t, k) => typeof k !== 'string' || k === 'then' ? undefined : (...args) => {
      const api = owner + '.' + k;
      journal.add('api', {api, options: summarize(args[0]), simulated: true});
      if (/^on[A-Z]/.test(k) && typeof args[0] === 'function') (listeners[k] = listeners[k] || []).push(args[0]);
      // a context's own scoped methods still go through the model
      if (auth.scopeOf(api)) {
        return scoped(api, {fail: (e) => fire('onError', e)}, done => { done.ok(); fire('onStart', {}); });
      }
      // stop() → onStop, pause() → onPause, …: what the method did, told a moment later as WeChat does
      const event = 'on' + k.charAt(0).toUpperCase() + k.slice(1);
      if (!/^on[A-Z]/.test(k) && listeners[event]) setTimeout(() => fire(event, endedWith(owner, k)), 0);
      return undefined;
    }});
  }

  /** What a stopped recording or playback hands its listener: a temporary file, as WeChat's onStop does. */
  function endedWith(owner, method) {
    return method === 'stop' ? {tempFilePath: 'wxfile://tmp/' + owner.toLowerCase() + '-simulated.mp3', duration: 1000, fileSize: 16000} : {};
  }

  // the camera component's and open-type buttons' sheets go through here (see tree taps in runtime.js)
  handlers.__scoped = scoped;
  return new Proxy(handlers, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in target) return target[key];
      if (auth.scopeOf(key)) return (o) => scoped(key, o, done => done.ok(PAYLOADS[key] ? PAYLOADS[key](o || {}) : undefined));
      return simulated(key);
    },
    has() { return true; },
  });
}

/**
 * What WeChat sends: GET data goes into the query string, other methods send JSON (or a form when the program sets
 * that content type); the Referer names the program, as WeChat's does.
 */
function onTheWire(api, method, url, header, o) {
  const h = Object.assign({}, header);
  const type = Object.keys(h).find(k => k.toLowerCase() === 'content-type');
  if (!type && api === 'request') h['content-type'] = 'application/json';
  h.Referer = 'https://servicewechat.com/permlab-simulated/0/page-frame.html';
  h['User-Agent'] = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) MicroMessenger/8.0.50 MiniProgramEnv/android';
  const contentType = String(h[type] || h['content-type'] || '');
  if (api === 'uploadFile') {
    return {url, header: h, body: form(o.formData || {}) + (o.filePath ? (o.formData ? '&' : '') + encodeURIComponent(o.name || 'file') + '=' + encodeURIComponent(o.filePath) : '')};
  }
  const data = o.data;
  if (method === 'GET') {
    const q = data === undefined || data === null ? '' : typeof data === 'object' ? form(data) : String(data);
    return {url: q ? url + (url.includes('?') ? '&' : '?') + q : url, header: h, body: null};
  }
  if (data === undefined || data === null) return {url, header: h, body: null};
  if (typeof data === 'string') return {url, header: h, body: data};
  return {url, header: h, body: /x-www-form-urlencoded/i.test(contentType) ? form(data) : JSON.stringify(data)};
}

function form(data) {
  return Object.entries(data).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))).join('&');
}

function str(v) {
  return v === undefined || v === null ? '' : String(v);
}

/** Options as evidence: functions named, values kept short. */
function summarize(o) {
  if (!o || typeof o !== 'object') return o === undefined ? {} : {value: o};
  const out = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'function') continue;
    try {
      const text = JSON.stringify(v);
      out[k] = text && text.length > 4000 ? text.slice(0, 4000) + '…' : v;
    } catch (e) {
      out[k] = String(v);
    }
  }
  return out;
}

module.exports = {createWx, summarize};
