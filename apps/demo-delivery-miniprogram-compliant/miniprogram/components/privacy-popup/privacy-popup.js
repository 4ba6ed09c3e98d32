Component({
  data: {
    visible: false,
    contractName: '《鲜味外卖隐私保护指引》'
  },

  lifetimes: {
    attached() {
      getApp().globalData.showPrivacy = () => this.setData({ visible: true });
      wx.getPrivacySetting({
        success: (res) => this.setData({ visible: res.needAuthorization, contractName: res.privacyContractName })
      });
    }
  },

  methods: {
    openContract() {
      wx.openPrivacyContract();
    },

    onAgree() {
      const resolve = getApp().globalData.resolvePrivacy;
      if (resolve) {
        resolve({ buttonId: 'agree-btn', event: 'agree' });
      }
      this.setData({ visible: false });
    },

    onDisagree() {
      const resolve = getApp().globalData.resolvePrivacy;
      if (resolve) {
        resolve({ event: 'disagree' });
      }
      this.setData({ visible: false });
    }
  }
});
