Page({
  data: {
    saved: false
  },

  savePoster() {
    wx.saveImageToPhotosAlbum({
      filePath: 'wxfile://tmp/poster.png',
      success: () => this.setData({ saved: true }),
      fail: () => wx.showToast({ title: '保存失败', icon: 'none' })
    });
  }
});
