// One key per decision in the review queue: j / k move between messages, a approves the current one,
// r and w jump to its reject reason and withhold reason. Keys typed into a field are left alone.
(function () {
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.review'));
  if (cards.length === 0) { return; }
  var current = 0;
  function show(index) {
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach(function (card, i) { card.classList.toggle('current', i === current); });
    cards[current].focus();
    cards[current].scrollIntoView({ block: 'start' });
  }
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) { return; }
    var card = cards[current];
    switch (event.key) {
      case 'j': show(current + 1); break;
      case 'k': show(current - 1); break;
      case 'a': card.querySelector('[data-key="a"]').click(); break;
      case 'r': card.querySelector('[data-key="r"]').focus(); break;
      case 'w': card.querySelector('[data-key="w"]').focus(); break;
      default: return;
    }
    event.preventDefault();
  });
  show(0);
}());
