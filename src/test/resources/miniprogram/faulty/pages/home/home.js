Page({
  goThrows() { wx.navigateTo({url: '/pages/throws/throws'}); },
  goLoop() { wx.navigateTo({url: '/pages/loop/loop'}); },
  spin() { for (;;) { /* a handler that never returns */ } }
});
