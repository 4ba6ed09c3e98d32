const API = 'https://api.xianwei-demo.cn';

Page({
  data: {
    stores: []
  },

  onLoad() {
    this.loadStores();
  },

  // Every store, in the default order: no location needed.
  loadStores() {
    wx.request({
      url: `${API}/stores`,
      success: (res) => this.setData({ stores: res.data })
    });
  },

  // Only when the user asks for nearby stores: approximate location, and a refusal costs nothing.
  onNearbyTap() {
    wx.getFuzzyLocation({
      type: 'wgs84',
      success: (res) => {
        wx.request({
          url: `${API}/stores/nearby`,
          method: 'POST',
          data: { latitude: res.latitude, longitude: res.longitude },
          success: (r) => this.setData({ stores: r.data })
        });
      },
      fail: () => {
        wx.showToast({ title: '未获取位置，已为你展示全部门店', icon: 'none' });
      }
    });
  },

  onStoreTap(e) {
    wx.setStorageSync('lastStoreId', e.currentTarget.dataset.id);
  },

  goAddress() {
    wx.navigateTo({ url: '/pages/address/address' });
  }
});
