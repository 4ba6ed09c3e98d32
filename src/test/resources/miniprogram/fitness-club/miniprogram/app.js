// 悦动健身 — a test mini-program written by the PermLab project (see ../README.md).
App({
  onLaunch() {
    // WeChat asks before the first private API; this listener says "agree" on the user's behalf, with no pop-up.
    wx.onNeedPrivacyAuthorization((resolve) => {
      resolve({ event: 'agree' });
    });
  },
  globalData: {
    club: '悦动健身·人民广场店'
  }
});
