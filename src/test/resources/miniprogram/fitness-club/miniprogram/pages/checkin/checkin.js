const api = require('../../utils/api.js');

Page({
  data: {
    checked: false
  },

  checkIn() {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => {
        api.post('/checkin', { lat: res.latitude, lng: res.longitude });
        this.setData({ checked: true });
      },
      fail: () => {
        wx.showModal({
          title: '需要位置权限',
          content: '签到需要你的位置，请在设置中开启',
          showCancel: false,
          success: () => {
            wx.openSetting();
          }
        });
      }
    });
  },

  // a cancellable explanation: the user may decline and read on
  showRules() {
    wx.showModal({
      title: '签到规则',
      content: '到店后点击签到即可累计打卡天数',
      showCancel: true
    });
  }
});
