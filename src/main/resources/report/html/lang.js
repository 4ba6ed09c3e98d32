// The language switch: both languages are in the page; this only flips which one the stylesheet shows.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-set-lang]');
  if (!button) {
    return;
  }
  var lang = button.getAttribute('data-set-lang');
  document.documentElement.setAttribute('data-lang', lang);
  document.documentElement.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
});
// Collapsed evidence is opened for printing: a printed report must show everything.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
});
