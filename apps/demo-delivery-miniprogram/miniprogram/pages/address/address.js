const api = require('../../utils/api.js');

Page({
  data: {
    name: '',
    phone: '',
    detail: '',
    latitude: null,
    longitude: null
  },

  onLoad() {
    this.locate();
  },

  // The device's precise position, asked for as soon as the page opens.
  locate() {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => {
        this.setData({ latitude: res.latitude, longitude: res.longitude });
      },
      fail: () => {
        wx.showModal({
          title: '需要位置权限',
          content: '请在设置中开启位置权限，否则无法添加收货地址',
          showCancel: false,
          success: () => {
            wx.openSetting();
          }
        });
      }
    });
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  saveAddress() {
    const { name, phone, detail, latitude, longitude } = this.data;
    if (!latitude || !longitude) {
      wx.showToast({ title: '请先授权定位', icon: 'none' });
      return;
    }
    wx.setStorageSync('userPhone', phone);
    wx.request({
      url: api.BASE_URL + '/address/save?phone=' + phone + '&lat=' + latitude + '&lng=' + longitude,
      method: 'POST',
      data: { name, detail },
      success: () => wx.navigateBack()
    });
  }
});
