// The hand-over desk without page loads: the scan form is sent in the background (with its CSRF token)
// and the answer shown in the result region; the field is emptied and keeps the focus for the scanner.
// Without this script the form posts as usual. Nothing from the answer is inserted as markup.
(function () {
  'use strict';
  var form = document.getElementById('scan-form');
  var field = document.getElementById('code');
  var round = document.getElementById('round');
  var count = document.getElementById('round-count');
  var region = document.getElementById('outcome');
  var problem = document.getElementById('scan-problem');
  if (!form || !field || !region || !window.fetch || !window.FormData) { return; }
  var busy = false;
  var queue = [];

  function text(tag, className, words) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    element.textContent = words;
    return element;
  }

  function format(template, value) {
    return (template || '{0}').replace('{0}', value);
  }

  function keepFocus() {
    if (document.activeElement !== field) { field.focus(); }
  }

  function showProblem(words) {
    problem.textContent = words;
    problem.hidden = false;
  }

  function show(scan) {
    problem.hidden = true;
    while (region.firstChild) { region.removeChild(region.firstChild); }
    region.className = 'outcome outcome-' + scan.tone;
    region.setAttribute('data-outcome', scan.outcome);
    region.appendChild(text('p', 'outcome-code', format(region.getAttribute('data-label-code'), scan.code)));
    var title = document.createElement('p');
    title.className = 'outcome-banner';
    var icon = text('span', 'outcome-icon', scan.icon);
    icon.setAttribute('aria-hidden', 'true');
    title.appendChild(icon);
    title.appendChild(document.createTextNode(' '));
    title.appendChild(text('span', 'outcome-title', scan.title));
    region.appendChild(title);
    region.appendChild(text('p', 'outcome-advice', scan.advice));
    if (scan.detail) { region.appendChild(text('p', 'outcome-detail', scan.detail)); }
    if (scan.prisoner) {
      var list = document.createElement('dl');
      list.className = 'prisoner';
      [['data-label-prisoner', scan.prisoner.name + ' (' + scan.prisoner.number + ')'],
        ['data-label-unit', scan.prisoner.unit], ['data-label-cell', scan.prisoner.cell]].forEach(function (row) {
        list.appendChild(text('dt', null, region.getAttribute(row[0])));
        list.appendChild(text('dd', null, row[1]));
      });
      region.appendChild(list);
    }
    region.hidden = false;
    round.value = String(scan.round);
    count.textContent = format(count.getAttribute('data-template'), scan.round);
  }

  function send(code) {
    busy = true;
    var body = new FormData(form);
    body.set('code', code);
    fetch(form.action, {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok) { show(answer); } else { showProblem(answer.problem || problem.getAttribute('data-offline')); }
      });
    }).catch(function () {
      showProblem(problem.getAttribute('data-offline'));
    }).then(function () {
      busy = false;
      keepFocus();
      if (queue.length > 0) { send(queue.shift()); }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var code = field.value.trim();
    field.value = '';
    keepFocus();
    if (code === '') { return; }
    // A scanner may type the next code before the answer to the last one came: keep the order.
    if (busy) { queue.push(code); } else { send(code); }
  });
  // The scanner types wherever the focus is: bring it back to the field after a click elsewhere.
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target && (target.tagName === 'A' || target.tagName === 'BUTTON' || target.tagName === 'INPUT')) { return; }
    window.setTimeout(keepFocus, 0);
  });
  window.addEventListener('focus', keepFocus);
  keepFocus();
}());
