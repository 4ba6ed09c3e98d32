App({
  globalData: {located: null}
});
