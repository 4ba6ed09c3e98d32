// "XwAnalytics": a stand-in, written by PermLab, for the kind of third-party analytics SDK the non-compliant sample
// embeds (docs/rulebase.md, embedded SDKs: such SDKs collect device ids and location). Served from analytics.tracker.example.
'use strict';

window.XwAnalytics = {
  init({ appKey }) {
    const endpoint = `${location.protocol}//analytics.tracker.example:${location.port}/api`;
    const deviceId = localStorage.getItem('xw_device_id') || newDeviceId();
    localStorage.setItem('xw_device_id', deviceId);

    // A device fingerprint with a persistent id, sent as soon as the page loads.
    navigator.sendBeacon(`${endpoint}/device`, JSON.stringify({
      appKey, deviceId, userAgent: navigator.userAgent, screen: `${screen.width}x${screen.height}`,
      language: navigator.language,
    }));

    // The precise position, at full precision, as a tracking pixel (the coordinates travel in the query string).
    navigator.geolocation.getCurrentPosition((position) => {
      const { latitude, longitude, accuracy } = position.coords;
      new Image().src = `${endpoint}/collect?appKey=${appKey}&did=${deviceId}`
        + `&lat=${latitude}&lng=${longitude}&acc=${accuracy}&t=${Date.now()}`;
    }, () => { /* refused: nothing to send this time */ }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 0 });
  },
};

function newDeviceId() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
