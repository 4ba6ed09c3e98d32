const auth = require('../../utils/auth');

Page({
  data: {state: ''},
  goAddress() {
    wx.navigateTo({url: '../address/address'});
  },
  onCheck() {
    auth.getSetting().then(res => this.setData({state: JSON.stringify(res.authSetting)}));
  }
});
