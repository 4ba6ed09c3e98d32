const BASE_URL = 'https://api.yuedong-demo.cn';

function post(path, data) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: BASE_URL + path,
      method: 'POST',
      data,
      success: (res) => resolve(res.data),
      fail: reject
    });
  });
}

module.exports = { BASE_URL, post };
