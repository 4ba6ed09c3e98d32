Page({
  data: {
    addressId: '',
    items: [],
    count: 0
  },

  onLoad(query) {
    this.setData({ addressId: query.addressId || '' });
  },

  submitOrder() {
    wx.request({
      url: 'https://api.xianwei-demo.cn/orders',
      method: 'POST',
      data: { addressId: this.data.addressId, items: this.data.items },
      success: () => wx.showToast({ title: '下单成功' })
    });
  }
});
