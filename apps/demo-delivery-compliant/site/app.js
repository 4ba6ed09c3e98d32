// 鲜味外卖（合规版） — PermLab's COMPLIANT twin of demo-delivery. A PermLab run should find nothing here; the
// comments say which rule each choice satisfies (docs/rulebase.md; 认定方法 = 《App违法违规收集使用个人信息行为认定方法》,
// 164号文 = 工信部信管函〔2020〕164号).
'use strict';

const $ = (id) => document.getElementById(id);
const APPROXIMATE = { enableHighAccuracy: false, timeout: 10000 };

// Page load does nothing but show the privacy dialog: no permission, no request, no storage before consent
// (认定方法 三.1, 164号文 1.1). There is no third-party script at all (认定方法 五.1).
let consented = false;

$('agree').addEventListener('click', () => {
  consented = true;
  $('privacy').hidden = true;
  $('browse-only').hidden = true;
});
$('disagree').addEventListener('click', () => {
  $('privacy').hidden = true;
  $('browse-only').hidden = false;
});

// ---- The business function: add a delivery address. -------------------------------------------------------------
$('add-address').addEventListener('click', () => {
  if (!consented) {
    $('privacy').hidden = false; // the address is personal information: ask for consent first, collect nothing
    return;
  }
  $('home').hidden = true;
  $('address-form').hidden = false;
});
$('cancel').addEventListener('click', closeAddressForm);
$('locate').addEventListener('click', fillDistrictFromLocation);
$('save').addEventListener('click', saveAddress);

function closeAddressForm() {
  $('address-form').hidden = true;
  $('home').hidden = false;
}

// Location is OPTIONAL: for 餐饮外卖 the delivery address is necessary, the device location is not
// (《常见类型移动互联网应用程序必要个人信息范围规定》). So it is asked only when the user taps the button (164号文 S7),
// with the purpose printed beside the button (认定方法 二.3), approximate only, once per tap (no re-asking, S5),
// rounded to 2 decimals (about 1 km) before any use, and never sent anywhere. Refusal costs nothing but a hint.
function fillDistrictFromLocation() {
  showHint('正在获取大致位置… / Getting your approximate location');
  navigator.geolocation.getCurrentPosition((position) => {
    const lat = roundTo2(position.coords.latitude);
    const lng = roundTo2(position.coords.longitude);
    const district = nearestDistrict(lat, lng);
    if (!$('area').value) {
      $('area').value = district;
    }
    showHint(`已按大致位置填写：${district} / District filled in from your approximate location`);
  }, () => {
    showHint('未获得位置权限，请手动填写地址 / No location: please type the address');
  }, APPROXIMATE);
}

function roundTo2(degrees) {
  return Math.round(degrees * 100) / 100;
}

// An offline stand-in for a map service's reverse geocoder, so that the coordinates never leave the page.
const DISTRICTS = [
  ['上海市黄浦区', 31.23, 121.48], ['上海市静安区', 31.23, 121.45], ['上海市徐汇区', 31.19, 121.44],
  ['上海市长宁区', 31.22, 121.42], ['上海市浦东新区', 31.22, 121.54], ['上海市虹口区', 31.26, 121.50],
];

function nearestDistrict(lat, lng) {
  const distance = ([, dLat, dLng]) => (dLat - lat) ** 2 + (dLng - lng) ** 2;
  return DISTRICTS.reduce((best, d) => (distance(d) < distance(best) ? d : best))[0];
}

async function saveAddress() {
  const name = $('name').value.trim();
  const phone = $('phone').value.trim();
  const address = [$('area').value.trim(), $('address').value.trim()].filter(Boolean).join(' ');
  if (!name || !/^1[3-9]\d{9}$/.test(phone) || !$('address').value.trim()) {
    return showError('请填写收货人、11 位手机号和详细地址 / Name, 11-digit phone and address are required');
  }
  try {
    // Only what delivery needs, to its own host, over https (the page's origin).
    const response = await fetch('/api/address', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, phone, address }),
    });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
  } catch (e) {
    return showError(`保存失败，请重试 / Not saved, please retry (${e.message})`);
  }
  // Stored on the device: the masked phone only, to label the last address (PIPL Art. 51, docs/rulebase.md, personal information masking).
  localStorage.setItem('last_receiver_phone', maskPhone(phone));
  showSaved(name, maskPhone(phone), address);
}

function maskPhone(phone) {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

function showSaved(name, maskedPhone, address) {
  const list = $('address-list');
  list.querySelector('.empty')?.remove();
  const item = document.createElement('li');
  item.textContent = `${name} ${maskedPhone} ${address}`;
  list.appendChild(item);
  closeAddressForm();
  $('saved').hidden = false; // the flow's checkpoint: "地址已保存"
}

function showHint(text) {
  $('locate-hint').textContent = text;
  $('locate-hint').hidden = false;
}

function showError(text) {
  $('form-error').textContent = text;
  $('form-error').hidden = false;
}
