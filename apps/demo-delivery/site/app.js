// 鲜味外卖 H5 — PermLab's NON-COMPLIANT sample: the founding case (docs/rulebase.md, founding case row 1).
// Each "VIOLATION" comment names what a PermLab run must find there and the clause it breaks
// (认定方法 = 《App违法违规收集使用个人信息行为认定方法》, 164号文 = 工信部信管函〔2020〕164号).
'use strict';

const $ = (id) => document.getElementById(id);
const PRECISE = { enableHighAccuracy: true, timeout: 5000, maximumAge: 0 };
const REQUIRED_ACCURACY_METRES = 100;
const RETRIES_AFTER_REFUSAL = 3;

let coords = null; // the device position the address form insists on

// ---- First load: a third-party analytics SDK starts before the privacy dialog is answered. ----------------------
// VIOLATION 认定方法 三.1 / 164号文 1.1, S1, S7: the SDK asks for precise location (and sends a device id) on first
//   load, before consent and before any function that could use a location; 二.3: no purpose is on screen.
// VIOLATION 认定方法 五.1: it sends the coordinates to a third party (analytics.tracker.example) without consent,
//   over cleartext http. The same port works for every local host, hence location.port.
const tracker = document.createElement('script');
tracker.src = `http://analytics.tracker.example:${location.port}/sdk.js`;
tracker.onload = () => window.XwAnalytics.init({ appKey: 'xianwei-h5' });
document.head.appendChild(tracker);

// ---- Privacy dialog (consent.js): shown on load, but nothing above waits for it; declining it refuses service. -----

// ---- The business function: add a delivery address. -------------------------------------------------------------
$('add-address').addEventListener('click', openAddressForm);
$('cancel').addEventListener('click', closeAddressForm);
$('save').addEventListener('click', saveAddress);

function openAddressForm() {
  $('home').hidden = true;
  $('address-form').hidden = false;
  coords = null;
  $('save').disabled = true;
  $('location-box').hidden = true; // nothing on screen says why the location is wanted (认定方法 二.3)
  demandPreciseLocation(RETRIES_AFTER_REFUSAL);
}

function closeAddressForm() {
  $('address-form').hidden = true;
  $('home').hidden = false;
}

// VIOLATION 认定方法 四.2 / 164号文 S2-S4: saving is refused unless the device's PRECISE location is granted,
//   though for 餐饮外卖 only the delivery address is necessary, not the device location
//   (《常见类型移动互联网应用程序必要个人信息范围规定》, docs/rulebase.md, the sources).
function demandPreciseLocation(retriesLeft) {
  navigator.geolocation.getCurrentPosition((position) => {
    if (position.coords.accuracy > REQUIRED_ACCURACY_METRES) {
      // VIOLATION 四.2 again: the approximate location a user may choose instead (about 2 km) is refused too.
      showStatus('定位精度不足，请开启精确定位', 'Approximate location is not accepted');
      return;
    }
    coords = position.coords;
    showStatus(`已定位 ${coords.latitude}, ${coords.longitude}`, `Located within ${Math.round(coords.accuracy)} m`);
    $('save').disabled = false;
  }, () => {
    showStatus('请开启定位权限后再添加地址', 'Allow location access to add an address');
    // VIOLATION 认定方法 三.2 / 164号文 S5: after the user refused, it asks again, every second.
    if (retriesLeft > 0 && !$('address-form').hidden) {
      setTimeout(() => demandPreciseLocation(retriesLeft - 1), 1000);
    }
  }, PRECISE);
}

async function saveAddress() {
  if (!coords) {
    return; // the button stays disabled without a precise position; this only guards against a forced click
  }
  const entry = {
    name: $('name').value.trim(),
    phone: $('phone').value.trim(),
    address: $('address').value.trim(),
    latitude: coords.latitude,   // full precision (~1 m), though the address says where to deliver
    longitude: coords.longitude,
  };
  if (!entry.name || !entry.phone || !entry.address) {
    return showError('请填写收货人、手机号和详细地址');
  }
  try {
    // VIOLATION docs/rulebase.md, founding case row 5 (security): name, phone, address and precise location sent over cleartext http
    //   (this page is http://, and so is its relative URL).
    const response = await fetch('/api/address', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(entry),
    });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    storeInPlaintext(entry);
    await storeInIndexedDb(entry);
  } catch (e) {
    return showError(`保存失败，请重试 (${e.message})`);
  }
  showSaved(entry);
}

// VIOLATION PIPL Art. 51 / docs/rulebase.md, founding case row 2 (storage): the phone number, name and location kept on the device
//   unencrypted and unmasked, in every kind of browser storage.
function storeInPlaintext(entry) {
  localStorage.setItem('user_phone', entry.phone);
  document.cookie = `user_phone=${entry.phone}; path=/; max-age=2592000`;
  sessionStorage.setItem('receiver', JSON.stringify({ name: entry.name, phone: entry.phone }));
}

function storeInIndexedDb(entry) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('xianwei', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('addresses', { autoIncrement: true });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('addresses', 'readwrite');
      tx.objectStore('addresses').add(entry);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
}

function showSaved(entry) {
  const list = $('address-list');
  list.querySelector('.empty')?.remove();
  const item = document.createElement('li');
  item.textContent = `${entry.name} ${entry.phone} ${entry.address}`;
  list.appendChild(item);
  closeAddressForm();
  $('saved').hidden = false; // the flow's checkpoint: "地址已保存"
}

function showStatus(zh, en) {
  $('location-box').hidden = false;
  $('location-status').textContent = zh;
  $('location-status-en').textContent = en;
}

function showError(text) {
  $('form-error').textContent = text;
  $('form-error').hidden = false;
}
