const auth = require('../../utils/auth');
const {post} = require('../../utils/request');

Page({
  data: {name: '', phone: '', located: false, saved: false},

  onField(e) {
    this.setData({[e.currentTarget.dataset.field]: e.detail});
  },

  onLocate() {
    auth.ensureLocation()
      .then(res => {
        getApp().globalData.located = res;
        this.setData({located: true});
      })
      .catch(() => wx.showToast({title: '未获取位置，请手动填写', icon: 'none'}));
  },

  onSave() {
    const {name, phone} = this.data;
    const {latitude, longitude} = getApp().globalData.located;
    post('/addresses', {name, phone, latitude, longitude}).then(() => this.setData({saved: true}));
  }
});
