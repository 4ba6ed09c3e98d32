// 鲜味外卖 H5 — the privacy dialog of every page of PermLab's NON-COMPLIANT sample.
// VIOLATION PIPL Art. 16, 必要信息规定 Art. 4 (DYN-CONSENT-MANDATORY): declining the privacy policy refuses the whole service.
//   The dialog stays over the page with nothing but 同意 left to tap, even on pages that collect no personal information
//   at all (附近订单 sends none and stores none: the category's necessary PI is not what they need).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  $('agree').addEventListener('click', () => {
    $('privacy').hidden = true;
  });

  $('disagree').addEventListener('click', () => {
    $('privacy-text').textContent = '您需要同意隐私政策才能使用本服务';
    $('privacy-text-en').textContent = 'You must accept the privacy policy to use this service.';
    $('disagree').hidden = true; // the only way on is 同意
  });
})();
