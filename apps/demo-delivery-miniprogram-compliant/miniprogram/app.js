// 鲜味外卖 (compliant twin) — a sample written by the PermLab project.
App({
  globalData: {
    resolvePrivacy: null,
    showPrivacy: null
  },

  onLaunch() {
    // WeChat calls this before the first API that needs the privacy agreement; the popup asks the user.
    wx.onNeedPrivacyAuthorization((resolve) => {
      this.globalData.resolvePrivacy = resolve;
      if (this.globalData.showPrivacy) {
        this.globalData.showPrivacy();
      }
    });
  }
});
