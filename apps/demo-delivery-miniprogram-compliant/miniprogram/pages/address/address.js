Page({
  data: {
    name: '',
    phone: '',
    address: '',
    detail: '',
    latitude: null,
    longitude: null
  },

  // The user's own WeChat addresses: no location permission involved.
  onImportWechatAddress() {
    wx.chooseAddress({
      success: (res) => {
        this.setData({
          name: res.userName,
          phone: res.telNumber,
          address: res.provinceName + res.cityName + res.countyName + res.detailInfo
        });
      }
    });
  },

  // A point the user picks on the map: a place they chose, not where the phone is.
  onPickOnMap() {
    wx.chooseLocation({
      success: (res) => {
        this.setData({ address: res.address, latitude: res.latitude, longitude: res.longitude });
      }
    });
  },

  onInput(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  saveAddress() {
    const { name, phone, address, detail, latitude, longitude } = this.data;
    if (!name || !phone || !address) {
      wx.showToast({ title: '请填写完整的收货信息', icon: 'none' });
      return;
    }
    // The rider needs a point on the map; the user picks it, the phone's position is never asked for.
    if (!latitude || !longitude) {
      wx.showToast({ title: '请在地图上选择收货位置', icon: 'none' });
      return;
    }
    wx.request({
      url: 'https://api.xianwei-demo.cn/addresses',
      method: 'POST',
      data: { name, phone, address, detail, latitude, longitude },
      success: () => wx.navigateBack()
    });
  }
});
