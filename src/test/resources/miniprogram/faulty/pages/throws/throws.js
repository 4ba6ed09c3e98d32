Page({
  onLoad() {
    const order = null;
    this.setData({id: order.id}); // TypeError: the page still shows, as in WeChat
  }
});
