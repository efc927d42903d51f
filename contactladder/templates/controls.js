/* contactladder pages: the controls both pages share, with the DOM: tooltips built as text,
 * a person's tooltip rows, the wijk and lowest-rung filters.
 *
 * Inlined in the page's <script> after page.js (clPage: the network) and before the page's own
 * script, as clControls. Every value from the data is put in the page as text (textContent,
 * option.value), never as markup.
 */
var clControls = (function () {
  "use strict";
  var H = clHelpers, el = clPeople.el, batch = clPage.batch;

  // --- tooltips: built as text -----------------------------------------------------------------
  // The tooltip (#cl-tooltip) that follows the pointer over #cl-main. hoverOn(network, nodeRows,
  // edgeRows) shows it over a person or a tie, with the [label, value] rows those functions give.
  function tooltip(data) {
    var tip = document.getElementById("cl-tooltip");
    var main = document.getElementById("cl-main");
    var pointer = {x: 0, y: 0};
    main.addEventListener("pointermove", function (ev) {
      var box = main.getBoundingClientRect();
      pointer.x = ev.clientX - box.left; pointer.y = ev.clientY - box.top;
      if (!tip.hidden) { place(); }
    });
    function place() {
      var x = pointer.x + 14, y = pointer.y + 14;
      if (x + tip.offsetWidth > main.clientWidth) { x = Math.max(0, pointer.x - tip.offsetWidth - 8); }
      if (y + tip.offsetHeight > main.clientHeight) { y = Math.max(0, pointer.y - tip.offsetHeight - 8); }
      tip.style.left = x + "px"; tip.style.top = y + "px";
    }
    function show(head, rows) {
      tip.replaceChildren();
      tip.appendChild(el("div", head, "cl-tip-head"));
      var list = el("dl");
      rows.forEach(function (row) {
        list.appendChild(el("dt", row[0]));
        list.appendChild(el("dd", row[1]));
      });
      tip.appendChild(list);
      tip.hidden = false;
      place();
    }
    function hide() { tip.hidden = true; }
    function hoverOn(network, nodeRows, edgeRows) {
      var label = data.nodes.label;
      network.on("hoverNode", function (p) {
        if (data.details !== false) { show(label[p.node], nodeRows(p.node)); }
      });
      network.on("hoverEdge", function (p) {
        var E = data.edges;
        show(label[E.a[p.edge]] + " \u2014 " + label[E.b[p.edge]], edgeRows(p.edge));
      });
      network.on("blurNode", hide);
      network.on("blurEdge", hide);
      network.on("dragStart", hide);
      network.on("zoom", hide);
    }
    return {hide: hide, hoverOn: hoverOn};
  }

  // A person's tooltip rows: role, wijk, organisation, then the rows of `more`, then their
  // number of ties and the ties per rung (`ties`: {level: number}).
  function personRows(data, i, more, ties) {
    var T = data.text, wijk = data.nodes.wijk[i], g = data.groups[data.nodes.group[i]];
    var rows = [[T.role, g.role], [T.wijk, wijk >= 0 ? data.wijken[wijk] : T.unknown]];
    if (g.organisation) { rows.push([T.organisation, g.organisation]); }
    rows = rows.concat(more);
    var total = 0;
    Object.keys(ties).forEach(function (level) { total += ties[level]; });
    rows.push([T.ties_total, total]);
    data.rungs.forEach(function (r) { if (ties[r.level]) { rows.push([r.label, ties[r.level]]); } });
    return rows;
  }

  // --- filters ---------------------------------------------------------------------------------
  // Fill the wijk select (when byWijk and the data have more than one wijk; else hide it) and
  // the lowest-rung select. Returns setFilter(wijk, minLevel), which the selects call when the
  // reader changes one: it sets state.wijk (-1 without byWijk) and state.minLevel, shows them in
  // the selects, calls prepare() (optional: what the views' filters need), refreshes the views
  // of `views()` and calls changed().
  function filters(data, byWijk, state, shown, changed, prepare) {
    var wijkSelect = document.getElementById("cl-wijk");
    if (byWijk && data.wijken.length > 1) {
      var all = el("option", data.text.all_wijken); all.value = "-1"; wijkSelect.appendChild(all);
      data.wijken.forEach(function (w, i) {
        var option = el("option", w); option.value = String(i); wijkSelect.appendChild(option);
      });
    } else {
      document.getElementById("cl-wijk-label").hidden = true;
    }
    var rungSelect = document.getElementById("cl-min-rung");
    data.rungs.forEach(function (r) {
      var option = el("option", H.rungText(r)); option.value = String(r.level);
      rungSelect.appendChild(option);
    });
    rungSelect.value = String(state.minLevel);
    function setFilter(wijk, minLevel) {
      state.wijk = byWijk ? wijk : -1;
      state.minLevel = minLevel;
      wijkSelect.value = String(state.wijk); rungSelect.value = String(minLevel);
      batch(function () {
        if (prepare) { prepare(); }
        shown.nodeView.refresh();
        shown.edgeView.refresh();
        changed();
      });
    }
    wijkSelect.addEventListener("change", function () {
      setFilter(parseInt(wijkSelect.value, 10), state.minLevel);
    });
    rungSelect.addEventListener("change", function () {
      setFilter(state.wijk, parseInt(rungSelect.value, 10));
    });
    return setFilter;
  }

  return {tooltip: tooltip, personRows: personRows, filters: filters};
}());
