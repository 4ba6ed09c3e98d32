// 鲜味外卖 — a sample written by the PermLab project. Every compliance mistake in it is deliberate.
App({
  globalData: {
    userPhone: ''
  },

  onLaunch() {
    this.globalData.userPhone = wx.getStorageSync('userPhone') || '';
  }
});
