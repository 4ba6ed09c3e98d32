// The API host, without TLS.
const BASE_URL = 'http://api.xianwei-demo.cn';

module.exports = {
  BASE_URL
};
