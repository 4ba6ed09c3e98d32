Page({
  data: {n: 0},
  onLoad() { this.tick(); },
  tick() { this.setData({n: this.data.n + 1}, () => this.tick()); }
});
