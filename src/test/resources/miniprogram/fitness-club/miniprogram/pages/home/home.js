Page({
  data: {
    club: ''
  },

  onLoad() {
    this.setData({ club: getApp().globalData.club });
  },

  goSteps() {
    wx.navigateTo({ url: '/pages/steps/steps' });
  },

  goPoster() {
    wx.navigateTo({ url: '/pages/poster/poster' });
  }
});
