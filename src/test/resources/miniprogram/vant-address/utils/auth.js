// Promise wrappers around wx's authorization APIs, shared by every page.
function promisify(api) {
  return (options = {}) => new Promise((resolve, reject) => api(Object.assign({}, options, {success: resolve, fail: reject})));
}

const getSetting = promisify(wx.getSetting);
const authorize = promisify(wx.authorize);
const getLocation = promisify(wx.getLocation);
const showModal = promisify(wx.showModal);

// Asks for location the polite way: authorize first; after a refusal, explain and offer the settings, cancel allowed.
async function ensureLocation() {
  const setting = await getSetting();
  if (setting.authSetting['scope.userLocation'] === false) {
    const answer = await showModal({title: '需要位置', content: '开启位置后可自动填写街道', showCancel: true});
    if (answer.confirm) {
      wx.openSetting();
    }
    throw new Error('location refused before');
  }
  await authorize({scope: 'scope.userLocation'});
  return getLocation({type: 'gcj02'});
}

module.exports = {ensureLocation, getSetting};
