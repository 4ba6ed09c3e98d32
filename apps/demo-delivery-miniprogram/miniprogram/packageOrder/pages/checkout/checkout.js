Page({
  data: {
    phone: '',
    count: 0
  },

  onLoad() {
    this.setData({ phone: wx.getStorageSync('userPhone') });
  },

  submitOrder() {
    wx.request({
      url: 'http://api.xianwei-demo.cn/order/create?phone=' + this.data.phone,
      method: 'POST',
      success: () => wx.showToast({ title: '下单成功' })
    });
  }
});
