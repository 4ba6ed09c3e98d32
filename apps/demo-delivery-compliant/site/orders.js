// Compliant twin (PermLab sample): the API masks receivers' names, phone numbers and addresses on the server; the
// page shows what it received.
(function () {
  // Declining the privacy policy costs nothing here: the list needs no personal information (PIPL Art. 16).
  document.getElementById('agree').addEventListener('click', function () {
    document.getElementById('privacy').hidden = true;
  });
  document.getElementById('disagree').addEventListener('click', function () {
    document.getElementById('privacy').hidden = true;
    document.getElementById('browse-only').hidden = false;
  });
  document.getElementById('load-orders').addEventListener('click', function () {
    fetch('data/nearby-orders.json').then(function (r) { return r.json(); }).then(function (answer) {
      var list = document.getElementById('order-list');
      list.innerHTML = '';
      answer.data.forEach(function (o) {
        var li = document.createElement('li');
        li.textContent = o.dish + ' — ' + o.receiver + ' ' + o.phone + ' ' + o.address;
        list.appendChild(li);
      });
      var count = document.getElementById('order-count');
      count.textContent = '共 ' + answer.data.length + ' 单';
      count.hidden = false;
    });
  });
})();
