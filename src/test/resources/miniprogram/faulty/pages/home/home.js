Page({
  goThrows() { wx.navigateTo({url: '/pages/throws/throws'}); },
  goLoop() { wx.navigateTo({url: '/pages/loop/loop'}); },
  spin() { for (;;) { /* a handler that never returns */ } },
  hog() { const kept = []; for (;;) { kept.push(new Array(1e6).fill(kept.length)); } /* memory without end */ }
});
