// plancmp report: progressive enhancement only. Without JS every row shows and every
// <details> still opens on click; with it, the filter bar appears, a cell's evidence opens
// beside its cell (one at a time), and Escape or a click elsewhere closes it.
(function () {
  'use strict';
  var $ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  // ---- expand / collapse the quotes (not the heatmap cells: those open one at a time)
  function all(open) { $('details').forEach(function (d) { if (!d.closest('td.cell')) d.open = open; }); }
  var show = document.getElementById('expand-all'), hide = document.getElementById('collapse-all');
  if (show) show.addEventListener('click', function () { all(true); });
  if (hide) hide.addEventListener('click', function () { all(false); });

  // ---- print: every quote open. The print sheet opens <details> by CSS (::details-content);
  // a browser without it gets them opened for the print and closed again after.
  var supports = window.CSS && CSS.supports && CSS.supports('selector(::details-content)');
  if (!supports) {
    var opened = [];
    window.addEventListener('beforeprint', function () {
      opened = $('details:not([open])');
      opened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener('afterprint', function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  // ---- a heatmap cell's evidence: beside the cell, inside the window
  function place(d) {
    var pop = d.querySelector('.pop'), s = d.querySelector('summary');
    if (!pop || !s) return;
    var r = s.getBoundingClientRect(), vw = document.documentElement.clientWidth, vh = window.innerHeight;
    if (r.bottom < 0 || r.top > vh) { d.open = false; return; }   // scrolled away: close it
    var w = Math.min(416, vw - 16);
    pop.classList.add('placed');
    pop.style.width = w + 'px';
    pop.style.maxHeight = Math.max(120, Math.min(vh * 0.6, vh - 16)) + 'px';
    var left = Math.min(Math.max(8, r.left), vw - w - 8);
    var h = pop.offsetHeight, top = r.bottom + 4;
    if (top + h > vh - 8) {
      if (r.top - h - 4 >= 8) top = r.top - h - 4;          // above the cell
      else {                                                // beside it, else over the page
        top = Math.max(8, Math.min(r.top, vh - h - 8));
        if (r.left - w - 4 >= 8) left = r.left - w - 4;
        else if (r.right + w + 4 <= vw - 8) left = r.right + 4;
      }
    }
    pop.style.left = left + 'px';
    pop.style.top = top + 'px';
  }
  var cells = $('td.cell details');
  cells.forEach(function (d) {
    d.addEventListener('toggle', function () {
      if (!d.open) return;
      cells.forEach(function (o) { if (o !== d && o.open) o.open = false; });
      place(d);
    });
  });
  var pending = false;
  function replace() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      cells.forEach(function (d) { if (d.open) place(d); });
    });
  }
  window.addEventListener('resize', replace);
  document.addEventListener('scroll', replace, true);   // the page and every table's scroll box
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') cells.forEach(function (d) { d.open = false; });
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest || e.target.closest('td.cell')) return;
    cells.forEach(function (d) { d.open = false; });
  });

  // ---- the filter: indicator names, domain, kind, verdict (in one province or any), 属性
  var form = document.getElementById('filter');
  if (!form) return;
  var text = form.querySelector('#f-text'), domain = form.querySelector('#f-domain'), kind = form.querySelector('#f-kind'),
      status = form.querySelector('#f-status'), plan = form.querySelector('#f-plan'), binding = form.querySelector('#f-binding'),
      count = form.querySelector('#f-count'), none = document.getElementById('f-none');
  function apply() {
    // queried each time: report-one.js writes another province's rows in place
    var rows = $('tr.fr'), counted = $('table.heatmap tr.fr');
    var groups = $('table.heatmap, table.grid, section.domain, section.tdomain');
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var d = domain.value, k = kind.value, st = status.value, p = plan.value, b = binding.value;
    var want = st ? (p ? ' ' + p + ':' + st + ' ' : ':' + st + ' ') : '';
    rows.forEach(function (tr) {
      var hay = tr.getAttribute('data-text') || '';
      var ok = words.every(function (w) { return hay.indexOf(w) >= 0; }) &&
        (!d || tr.getAttribute('data-domain') === d) && (!k || tr.getAttribute('data-kind') === k) &&
        (!b || tr.getAttribute('data-binding') === b) &&
        (!want || (' ' + tr.getAttribute('data-statuses') + ' ').indexOf(want) >= 0);
      tr.classList.toggle('off', !ok);
    });
    groups.forEach(function (g) { g.classList.toggle('off', !g.querySelector('tr.fr:not(.off)')); });
    var n = counted.filter(function (tr) { return !tr.classList.contains('off'); }).length;
    count.textContent = (count.getAttribute('data-template') || '{n}/{total}')
      .replace('{n}', n).replace('{total}', counted.length);
    if (none) none.hidden = n > 0;
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
