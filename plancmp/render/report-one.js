// plancmp report over many provinces (layout "one"): the tables hold one province's column.
// The page is written with the first province's cells; every province's cells are kept once in
// the JSON of #one-data (its strings, its heatmap cells and its cells on national's target rows
// in the page's order, its own target rows by domain: render/html.py, one_data). Choosing a
// province in the filter bar (#f-plan) writes its cells in place, with the markup the templates write; text goes
// in as text (textContent), never as markup. report.js (run before) keeps working: the heatmap's
// <td>, <details> and rows stay the same elements; a province's own target rows are new rows,
// filtered here by the same rule as report.js's.
(function () {
  'use strict';
  var source = document.getElementById('one-data'), pick = document.getElementById('f-plan');
  if (!source || !pick) return;
  var D = JSON.parse(source.textContent), G = D.g;   // G: the names, ids, sections and notes of every province
  var $ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (kids || []).forEach(function (k) {
      if (k === null || k === undefined || k === '') return;
      e.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));   // a year is a number
    });
    return e;
  }
  function frag(list) {
    var f = document.createDocumentFragment();
    list.forEach(function (k) { if (k !== null && k !== undefined && k !== '') f.appendChild(k instanceof Node ? k : document.createTextNode(String(k))); });
    return f;
  }
  function at(S, i) { return i === null || i === undefined ? '' : S[i]; }   // a string by its number
  function fill(e, list) { while (e.firstChild) e.removeChild(e.firstChild); e.appendChild(frag(list)); }

  // common.html: quote_block, also, notes (S: the province's quotes)
  function quoteBlock(S, q, section, where) {
    var quote = at(S, q), sec = at(G, section);
    if (!quote) return [];
    var out = [el('blockquote', {'class': 'quote'}, [quote])];
    if (sec || where) {
      out.push(el('div', {'class': 'muted where'}, [sec, sec && where ? ', ' : '', where ? el('span', {'class': 'at'}, [where]) : null]));
    }
    return out;
  }
  function also(S, list) {
    var out = [];
    (list || []).forEach(function (a) {
      out.push(el('div', {'class': 'who'}, ['+ ' + at(G, a[0]) + ' ', el('span', {'class': 'muted'}, [a[1] || ''])]));
      out = out.concat(quoteBlock(S, a[2], a[3], ''));
    });
    return out;
  }
  function notes(list) {
    return (list || []).map(function (n) { return el('div', {'class': 'muted note'}, [G[n]]); });
  }

  // the words the filter reads on a row (html.py: _filter_attrs): folded to one line, lower case
  function words(list) {
    return list.filter(Boolean).map(function (w) { return String(w).trim().split(/\s+/).join(' '); }).join(' ').toLowerCase();
  }

  // heatmap.html: cell (the <td> and its <details> are kept: report.js listens on them)
  function heatCell(td, pid, P, c, rowName) {
    var S = P.s, w = D.words[c[0]], st = w[0], shown = c[1] || '';
    var look = (shown === '—' || shown === '?') ? 'plain' : (shown ? 'value' : 'words');
    td.className = 'cell s-' + st;
    td.setAttribute('data-plan', pid);
    td.setAttribute('data-status', st);
    td.setAttribute('title', pid + ': ' + w[2] + (shown && look !== 'plain' ? ' · ' + shown : ''));
    var d = td.querySelector('details'), sum = d.querySelector('summary'), pop = d.querySelector('.pop');
    d.open = false;
    sum.className = 's-' + st;
    fill(sum, look === 'plain' ? [el('span', {'class': 'v'}, [shown])] :
      [el('span', {'class': 'sym', 'aria-hidden': 'true'}, [w[1]]),
       look === 'value' ? el('span', {'class': 'v'}, [shown]) : el('span', {'class': 'w'}, [w[2]])]);
    var kids = [el('h5', {}, [P.name + ': ' + w[2]]), el('div', {'class': 'muted ref'}, [D.ref + ': ' + rowName])];
    if (c[6] !== null && c[6] !== undefined) {
      kids.push(el('div', {'class': 'who'}, [at(G, c[2]) + ' ', el('span', {'class': 'muted'}, [c[3] || ''])]));
      kids = kids.concat(quoteBlock(S, c[4], c[5], pid + ':' + G[c[6]]), also(S, c[10]));
      if (c[7]) kids.push(el('div', {'class': 'muted score'}, [D.score + ' ' + c[7] + ' (' + (D.confidence[c[8]] || '') + ')']));
    }
    fill(pop, kids.concat(notes(c[9])));
    var tr = td.parentNode;
    tr.setAttribute('data-statuses', pid + ':' + st);
    tr.setAttribute('data-text', words([rowName, td.getAttribute('data-item'), at(G, c[2])]));
  }

  // tables.html: target_cell
  function targetCell(pid, S, c) {
    var w = D.words[c[0]], st = w[0];
    if (!c[1]) {
      var text = c[3] || '';
      return el('td', {'class': 'val s-' + st}, c[4] && c[4].length ?
        [el('details', {}, [el('summary', {}, [text]), el('div', {}, notes(c[4]))])] : [text]);
    }
    var face = [c[3]].concat((c[4] || []).map(function (t) { return el('span', {'class': 'tag'}, [t]); }));
    var body = quoteBlock(S, c[5], c[6], c[7] || '').concat(also(S, c[9]), notes(c[8]));
    return el('td', {'class': 'val s-' + st, 'data-plan': pid, 'title': w[2]},
      [el('details', {}, [el('summary', {}, face), el('div', {}, body)])]);
  }
  function ownRow(pid, S, o) {
    var c = o[4], name = at(G, o[1]);
    return el('tr', {'class': 'fr', 'data-kind': 'targets', 'data-domain': o[0], 'data-binding': o[3] || '',
                     'data-statuses': pid + ':' + D.words[c[0]][0], 'data-text': words([name, at(G, c[2])]), 'data-own': pid},
      [el('td', {}, [name]), el('td', {}, [o[2]]), el('td', {'class': 'val s-absent'}), targetCell(pid, S, c)]);
  }

  function head(th, h) {
    fill(th, [h[2]].concat(D.zh ? [] : [el('br'), el('span', {'class': 'muted'}, [h[0]])])
      .concat(h[3] ? [el('br'), el('span', {'class': 'draft', 'title': h[3]}, [D.draft])] : []));
    th.setAttribute('title', h[2]);
  }

  // a quote or note printed before in the tables gives way in print to where it stands (html.py: Once)
  function once() {
    [['blockquote.quote', 'quote'], ['.note', 'note']].forEach(function (what) {
      var seen = {};
      $('#heatmaps ' + what[0] + ', #targets ' + what[0]).forEach(function (e) {
        var key = e.textContent.split(/\s+/).join(' ').trim();
        e.classList.toggle('again', seen[key] === true);
        seen[key] = true;
      });
    });
  }

  var heads = {};
  D.heads.forEach(function (h) { heads[h[0]] = h; });

  function show(pid) {
    var P = D.plans[pid], h = heads[pid];
    if (!P || !h) return;
    P.name = h[1];
    var tds = $('table.heatmap td.cell');
    tds.forEach(function (td, i) {
      var name = td.parentNode.querySelector('th.item summary');
      heatCell(td, pid, P, P.h[i], name ? name.textContent : '');
    });
    $('table.heatmap th.picked').forEach(function (th) { head(th, h); });
    $('table.grid th.picked').forEach(function (th) {
      fill(th, [h[1]].concat(h[3] ? [' ', el('span', {'class': 'draft', 'title': h[3]}, ['(' + D.draft + ')'])] : []));
    });
    $('table.grid tr[data-from="reference"]').forEach(function (tr, i) {
      var c = P.t[i];
      tr.replaceChild(targetCell(pid, P.s, c), tr.lastElementChild);
      tr.setAttribute('data-statuses', pid + ':' + D.words[c[0]][0]);
      var name = tr.firstElementChild.textContent;   // national's indicator, in its row and its cell
      tr.setAttribute('data-text', words([name, name, at(G, c[2])]));
    });
    $('table.grid tr[data-own]').forEach(function (tr) { tr.parentNode.removeChild(tr); });
    var bodies = {};
    $('section.tdomain').forEach(function (s) { bodies[s.getAttribute('data-domain')] = s.querySelector('tbody'); });
    P.o.forEach(function (o) { if (bodies[o[0]]) bodies[o[0]].appendChild(ownRow(pid, P.s, o)); });
    $('.pick-name').forEach(function (b) { b.textContent = h[2]; });
    once();
    if (form) form.dispatchEvent(new Event('input'));   // report.js's filter, on the new cells
  }

  var form = document.getElementById('filter');
  if (form) form.addEventListener('reset', function () { window.setTimeout(function () { show(pick.value); }, 0); });
  pick.addEventListener('change', function () { show(pick.value); });
})();
