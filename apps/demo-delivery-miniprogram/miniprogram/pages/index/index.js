const api = require('../../utils/api.js');

Page({
  data: {
    shops: []
  },

  onLoad() {
    wx.request({
      url: api.BASE_URL + '/shops',
      success: (res) => this.setData({ shops: res.data })
    });
  },

  goAddress() {
    wx.navigateTo({ url: '/pages/address/address' });
  }
});
