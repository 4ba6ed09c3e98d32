'use strict';
// WeChat's authorization model (docs/miniprogram-runtime.md): a scoped API or wx.authorize shows the sheet once,
// with the purpose from app.json's permission[scope].desc; the answer is kept, and a refused scope fails at once
// afterwards without a sheet. openSetting shows the settings page; a refusing user changes nothing there.
// The privacy agreement (__usePrivacyCheck__) comes before any private API.

// scope -> the APIs it guards (WeChat's scope list; scope.address, invoice and userInfo no longer show a sheet, nor do
// chooseLocation and choosePoi since 2022-06-13: docs/rulebase.md, "WeChat")
const SCOPED = {
  'scope.userLocation': ['getLocation', 'startLocationUpdate', 'onLocationChange'],
  'scope.userLocationBackground': ['startLocationUpdateBackground'],
  'scope.userFuzzyLocation': ['getFuzzyLocation'],
  'scope.record': ['startRecord', 'joinVoIPChat', 'RecorderManager.start'],
  'scope.camera': ['createCameraContext', 'createVKSession'],
  'scope.writePhotosAlbum': ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'],
  'scope.bluetooth': ['openBluetoothAdapter', 'createBLEPeripheralServer'],
  'scope.addPhoneContact': ['addPhoneContact'],
  'scope.addPhoneCalendar': ['addPhoneRepeatCalendar', 'addPhoneCalendar'],
  'scope.werun': ['getWeRunData'],
};

// scopes wx.authorize still accepts but WeChat no longer asks the user about: authorize succeeds at once with no sheet
// (userInfo since 2021-04: "不会弹出授权窗口"; address, invoice and invoiceTitle need no authorization any more, and
// getSetting reports them true)
const NO_SHEET = ['scope.userInfo', 'scope.address', 'scope.invoice', 'scope.invoiceTitle'];

// how long a user's tap lets the program open the settings page (wx.openSetting needs one since base library 2.3.0)
const GESTURE_MS = 1000;

const SCOPE_OF = {};
for (const [scope, apis] of Object.entries(SCOPED)) apis.forEach(a => { SCOPE_OF[a] = scope; });

// APIs that must be listed in app.json requiredPrivateInfos (since 2022-07)
const REQUIRED_PRIVATE_INFOS = ['getLocation', 'getFuzzyLocation', 'chooseLocation', 'chooseAddress', 'onLocationChange',
  'startLocationUpdate', 'startLocationUpdateBackground', 'choosePoi'];

// APIs that need the privacy agreement first (WeChat's list of 隐私接口, the ones programs here meet)
const PRIVATE_APIS = ['getLocation', 'getFuzzyLocation', 'chooseLocation', 'chooseAddress', 'choosePoi', 'startLocationUpdate',
  'startLocationUpdateBackground', 'onLocationChange', 'chooseImage', 'chooseMedia', 'chooseVideo', 'chooseMessageFile',
  'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum', 'getClipboardData', 'setClipboardData', 'startRecord',
  'getWeRunData', 'addPhoneContact', 'addPhoneCalendar', 'addPhoneRepeatCalendar', 'openBluetoothAdapter',
  'chooseInvoice', 'chooseInvoiceTitle', 'chooseLicensePlate', 'getUserProfile', 'createCameraContext', 'scanCode',
  'getPhoneNumber', 'getUserInfo', 'chooseAvatar'];

/** A private API (隐私接口), wx.authorize for one of the scopes above included, as WeChat lists them. */
function isPrivate(api) {
  return PRIVATE_APIS.includes(api) || api === 'authorize' || api === 'requirePrivacyAuthorize';
}

class Authorization {
  constructor(appJson, policy, journal) {
    this.appJson = appJson || {};
    this.policy = policy || {};
    this.journal = journal;
    this.state = {}; // scope -> true | false, as getSetting reports it
    this.privacyAgreed = false;
    // who agreed: 'user' (the agree button tapped, or WeChat's own pop-up answered), 'program' (the listener's resolve
    // said agree though no agree button was tapped since it was called); null while nobody has
    this.privacyAgreedBy = null;
    this.agreeButtonTapped = false;
    this.privacyListener = null;
    this.privacyWaiting = [];
    this.gestureAt = 0; // when the user last tapped something the program gets (an element, a modal's button)
  }

  /** The user tapped: for a moment the program may do what WeChat allows only after a tap (openSetting). */
  gesture() {
    this.gestureAt = Date.now();
  }

  hasGesture() {
    return Date.now() - this.gestureAt <= GESTURE_MS;
  }

  scopeOf(api) {
    return SCOPE_OF[api];
  }

  desc(scope) {
    const p = this.appJson.permission || {};
    return p[scope] && typeof p[scope].desc === 'string' ? p[scope].desc : null;
  }

  undeclared(api) {
    const declared = Array.isArray(this.appJson.requiredPrivateInfos) ? this.appJson.requiredPrivateInfos : [];
    return REQUIRED_PRIVATE_INFOS.includes(api) && !declared.includes(api);
  }

  usesPrivacyCheck() {
    return this.appJson.__usePrivacyCheck__ === true;
  }

  needsPrivacy(api) {
    return this.usesPrivacyCheck() && !this.privacyAgreed && isPrivate(api);
  }

  /**
   * A private API goes ahead (its sheet is next, or the PI is handed): journalled with who had agreed to the privacy
   * agreement by then, 'off' when the program does not opt in (__usePrivacyCheck__), where WeChat's own pop-up or the
   * sheet's privacy tick box stands between (docs/miniprogram-runtime.md), so the program cannot ask before it.
   */
  proceeding(api) {
    if (!isPrivate(api) || api === 'requirePrivacyAuthorize') return; // it collects nothing itself
    const privacy = !this.usesPrivacyCheck() ? 'off' : this.privacyAgreedBy || 'nobody';
    this.journal.add('private', {api, privacy});
  }

  /** The user's answer to a sheet for this scope under the run's policy. */
  answer(scope) {
    const refused = (this.policy.refuse || []).includes(scope);
    if (refused) return 'deny';
    if (this.policy.location === 'approximate' && scope === 'scope.userLocation') return 'allow-approximate';
    return 'allow';
  }

  /**
   * Decides a scoped call: returns {granted, sheet, answer}. The sheet is shown only while the scope is undecided.
   */
  decide(scope, api, options) {
    if (scope in this.state) {
      const granted = this.state[scope];
      this.journal.add('auth', {scope, api, sheet: false, granted, answer: granted ? 'allowed-before' : 'refused-before'});
      return {granted, sheet: false, answer: granted ? this.approximate(scope) : 'deny'};
    }
    const answer = this.answer(scope);
    this.state[scope] = answer !== 'deny';
    this.gestureAt = 0; // the answer on WeChat's own sheet is no tap the program gets: the tap before it is used up
    this.journal.add('sheet', {scope, api, desc: this.desc(scope), answer, options: options || {}});
    return {granted: answer !== 'deny', sheet: true, answer};
  }

  approximate(scope) {
    return this.answer(scope) === 'allow-approximate' ? 'allow-approximate' : 'allow';
  }

  authSetting() {
    const out = {};
    for (const [k, v] of Object.entries(this.state)) out[k] = v;
    return out;
  }

  /** The settings page: the policy says whether the user turns refused scopes on there (a refusing user does not). */
  openSetting(api) {
    const before = this.authSetting();
    if (api === 'openSetting' && !this.hasGesture()) {
      // since base library 2.3.0 WeChat opens the settings page only after a tap: nothing shows, nothing changes
      this.journal.add('settings', {api, opened: false, reason: 'tried to open the settings page without a tap',
        before, after: before, afterRefusal: Object.values(before).includes(false)});
      return null;
    }
    if (this.policy.settingsGrant === true) {
      for (const k of Object.keys(this.state)) this.state[k] = true;
    }
    this.journal.add('settings', {api, opened: true, before, after: this.authSetting(), afterRefusal: Object.values(before).includes(false)});
    return this.authSetting();
  }

  /** Runs {@code proceed} once the privacy agreement is in place, or {@code refuse} when the user disagrees. */
  withPrivacy(api, proceed, refuse) {
    if (!this.needsPrivacy(api)) return proceed();
    const policyAgree = this.policy.privacy !== 'disagree';
    if (this.privacyListener) {
      this.journal.add('privacy', {api, shown: 'program-popup', waiting: true});
      let settled = false;
      this.agreeButtonTapped = false;
      const resolve = (res) => {
        if (res && res.event === 'exposureAuthorization') return; // the program telling WeChat its pop-up is showing
        if (settled) return;
        settled = true;
        const agreed = res && res.event === 'agree';
        // WeChat's base library checks the agree button was tapped; the runtime lets the program's word through and
        // records whose agreement it was, so that what the program does next is evidence (DYN-MP-BEFORE-PRIVACY)
        const by = this.agreeButtonTapped ? 'user' : 'program';
        if (agreed) {
          this.privacyAgreed = true;
          if (this.privacyAgreedBy !== 'user') this.privacyAgreedBy = by;
        }
        this.journal.add('privacy', {api, shown: 'program-popup', answer: agreed ? 'agree' : (res && res.event) || 'none',
          by: agreed ? by : 'user', buttonId: res && res.buttonId ? String(res.buttonId) : null});
        if (agreed) proceed(); else refuse('privacy permission is not authorized');
      };
      this.privacyWaiting.push(resolve);
      try {
        this.privacyListener(resolve, {referrer: api});
      } catch (e) {
        this.journal.add('error', {message: 'onNeedPrivacyAuthorization listener threw: ' + e.message, stack: e.stack});
      }
      return undefined;
    }
    // no listener: WeChat's own privacy pop-up, answered as the policy says
    this.journal.add('privacy', {api, shown: 'wechat-popup', answer: policyAgree ? 'agree' : 'disagree'});
    if (policyAgree) {
      this.privacyAgreed = true;
      this.privacyAgreedBy = 'user';
      return proceed();
    }
    return refuse('privacy permission is not authorized');
  }

  /** The agree button (open-type agreePrivacyAuthorization) was tapped. */
  agreeTapped() {
    this.privacyAgreed = true;
    this.privacyAgreedBy = 'user';
    this.agreeButtonTapped = true;
    this.journal.add('privacy', {api: 'button:agreePrivacyAuthorization', answer: 'agree'});
  }
}

module.exports = {Authorization, SCOPED, PRIVATE_APIS, NO_SHEET};
