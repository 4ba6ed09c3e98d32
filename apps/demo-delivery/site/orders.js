// Non-compliant on purpose (PermLab sample): the API returns every nearby order with the receivers' full phone
// numbers and addresses, and the page masks them only on the client. Anyone reading the traffic sees them all.
(function () {
  function maskPhone(p) { return p.slice(0, 3) + '****' + p.slice(-4); }
  function maskName(n) { return n.charAt(0) + '*'.repeat(n.length - 1); }
  function maskAddress(a) { return a.slice(0, 6) + '***'; }
  document.getElementById('load-orders').addEventListener('click', function () {
    fetch('data/nearby-orders.json').then(function (r) { return r.json(); }).then(function (answer) {
      var list = document.getElementById('order-list');
      list.innerHTML = '';
      answer.data.forEach(function (o) {
        var li = document.createElement('li');
        li.textContent = o.dish + ' — ' + maskName(o.receiver) + ' ' + maskPhone(o.phone) + ' ' + maskAddress(o.address);
        list.appendChild(li);
      });
      var count = document.getElementById('order-count');
      count.textContent = '共 ' + answer.data.length + ' 单';
      count.hidden = false;
    });
  });
})();
