const helper = require('../../utils/missing.js');
Page({data: {x: helper.x}});
