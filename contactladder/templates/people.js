/* contactladder pages: how people look and are counted, with the DOM (no vis-network).
 *
 * Inlined in the page's <script> after helpers.js (clHelpers) and before page.js, as clPeople:
 * the element maker, the legend (groups of people, the people who need a link with their
 * counts, the rungs), how each person looks (ringed when they need a link), the filter "only
 * <focal people> without a tie" and the map as a table (the text alternative). Every value from
 * the data is put in the page as text (textContent, setAttribute on SVG), never as markup.
 */
var clPeople = (function () {
  "use strict";
  var H = clHelpers;

  // An element `tag` holding `text` (as text), of class `cls`.
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = H.text(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  // --- the people who need a link ------------------------------------------------------------
  // Per person, 1 for the focal role (data.focal_role), as clHelpers.aloneKinds wants it.
  function focalPeople(data) {
    var focal = data.groups.map(function (g) { return g.role_key === data.focal_role ? 1 : 0; });
    return Uint8Array.from(data.nodes.group, function (g) { return focal[g]; });
  }

  // How person i looks: as their group, or with `kind` (clHelpers.aloneKinds) 1 or 2 ringed in
  // data.alone_colour (solid for 1, dashed for 2) and at least `least` in size; `joined` (the
  // timeline: new in the step) outlines them in dark grey; others get a white border of `plain`.
  var RING = 4;
  function personLook(data, i, kind, size, least, joined, plain) {
    var g = data.groups[data.nodes.group[i]];
    var border = kind ? data.alone_colour : joined ? "#222222" : "#ffffff";
    return {id: i, size: kind ? Math.max(size, least) : size,
            borderWidth: kind ? RING : joined ? 2.5 : plain,
            borderWidthSelected: kind ? RING + 1 : 3,
            shapeProperties: {borderDashes: kind === 2 ? [5, 3] : false},
            color: {background: g.colour, border: border,
                    highlight: {background: g.colour, border: kind ? border : "#000000"},
                    hover: {background: g.colour, border: kind ? border : "#333333"}}};
  }

  // Keeps the people in the data set `nodes` looking as they should, changing only those whose
  // look changed: restyle(kinds, sizeOf, least, joined) with sizeOf(i) their size from their
  // ties and joined(i) (optional) whether they are new; finish(item) (optional) completes each
  // changed person. Returns the number of people changed.
  function peopleLook(data, nodes, finish) {
    var n = data.nodes.x.length, mark = new Int8Array(n).fill(-1), shownSize = new Float64Array(n);
    var plain = H.isBig(data) ? 0 : 1;  // on a big map no border: it costs more than it shows
    return function restyle(kinds, sizeOf, least, joined) {
      var updates = [];
      for (var i = 0; i < n; i++) {
        var size = sizeOf(i), kind = kinds[i], fresh = joined && joined(i) ? 1 : 0;
        var drawnSize = kind ? Math.max(size, least) : size, item;
        if (mark[i] !== kind * 2 + fresh) {  // a new look
          mark[i] = kind * 2 + fresh;
          item = personLook(data, i, kind, size, least, fresh, plain);
        } else if (shownSize[i] !== drawnSize) {  // only a new size: the lighter update
          item = {id: i, size: drawnSize};
        } else {
          continue;
        }
        shownSize[i] = drawnSize;
        updates.push(finish ? finish(item) : item);
      }
      if (updates.length) { nodes.update(updates); }
      return updates.length;
    };
  }

  // The least size of the people who need a link: the median size of the people kept.
  function leastSize(n, sizeOf, keep) {
    var sizes = [];
    for (var i = 0; i < n; i++) { if (keep(i)) { sizes.push(sizeOf(i)); } }
    return H.median(sizes);
  }

  // The filter "only <focal people> without a tie" (#cl-only-alone): sets state.onlyAlone,
  // refreshes the views, centres the map on them and calls changed(), as one redraw
  // (clPage.batch, defined by page.js, which is loaded after this file). Returns set(on).
  function aloneFilter(data, state, shown, network, changed) {
    var box = document.getElementById("cl-only-alone");
    document.getElementById("cl-alone-label").hidden = !!data.grouped;  // no one to show alone
    function set(on) {
      clPage.batch(function () { show(on); });
    }
    function show(on) {
      state.onlyAlone = !!on;
      box.checked = state.onlyAlone;
      shown.nodeView.refresh();
      shown.edgeView.refresh();
      var ids = shown.nodeView.getIds();
      if (state.onlyAlone && ids.length) {  // zoomed to them, centred on their places
        var N = data.nodes, bounds = [Infinity, Infinity, -Infinity, -Infinity];
        ids.forEach(function (i) {
          bounds = [Math.min(bounds[0], N.x[i]), Math.min(bounds[1], N.y[i]),
                 Math.max(bounds[2], N.x[i]), Math.max(bounds[3], N.y[i])];
        });
        network.fit({nodes: ids, animation: false});
        network.moveTo({scale: Math.min(1.5, network.getScale()), animation: false,
                        position: {x: (bounds[0] + bounds[2]) / 2,
                                   y: (bounds[1] + bounds[3]) / 2}});
      }
      changed();
    }
    box.addEventListener("change", function () { set(box.checked); });
    return set;
  }

  // --- the map as a table ----------------------------------------------------------------------
  // The text alternative (#cl-table): people by group and wijk with their ties per rung
  // (clHelpers.summaryRows), hidden visually but read by screen readers; the button "table"
  // (#cl-table-toggle) shows it over the map. Returns update(levels, kinds, keep).
  function mapTable(data) {
    var T = data.text, box = document.getElementById("cl-table");
    var toggle = document.getElementById("cl-table-toggle");
    var table = el("table"), body = el("tbody");
    table.appendChild(el("caption", T.table_caption));
    var head = el("tr");
    [T.role, T.wijk, T.people_count, T.alone].concat(data.rungs.map(H.rungText))
      .forEach(function (text) {
        var th = el("th", text); th.scope = "col"; head.appendChild(th);
      });
    var thead = el("thead"); thead.appendChild(head);
    table.appendChild(thead); table.appendChild(body); box.appendChild(table);
    toggle.addEventListener("click", function () {
      var on = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(on));
      box.classList.toggle("cl-sr", !on);
    });
    return function update(levels, kinds, keep) {
      var rows = H.summaryRows(data.nodes, data.edges.a, data.edges.b, levels, data.rungs,
                               kinds, keep);
      body.replaceChildren.apply(body, rows.map(function (row) {
        var tr = el("tr"), th = el("th", data.groups[row[0]].label);
        th.scope = "row"; tr.appendChild(th);
        tr.appendChild(el("td", row[1] >= 0 ? data.wijken[row[1]] : T.unknown));
        row.slice(2).forEach(function (value) { tr.appendChild(el("td", value)); });
        return tr;
      }));
    };
  }

  // --- legend ----------------------------------------------------------------------------------
  // The legend (#cl-legend): the groups of people, the size note, the rungs. Returns its element.
  function legend(data) {
    var T = data.text;
    var box = document.getElementById("cl-legend");
    box.appendChild(el("h2", T.legend_people));
    var ul = el("ul");
    data.groups.forEach(function (g) {
      var li = el("li"); li.appendChild(swatch(g.shape, g.colour));
      li.appendChild(el("span", g.label)); ul.appendChild(li);
    });
    box.appendChild(ul);
    ul = el("ul", null, "cl-alone");
    var counts = data.grouped ? [] : [T.alone, T.no_peer_tie].map(function (text, k) {
      var li = el("li"); li.appendChild(ring(data.alone_colour, k === 1));
      var count = el("span", "", "cl-count");
      li.appendChild(el("span", text + " "));
      li.lastChild.appendChild(count);
      li.setAttribute("data-kind", String(k + 1));
      ul.appendChild(li);
      return count;
    });
    if (counts.length) { box.appendChild(ul); }  // groups are never ringed as alone
    box.appendChild(el("p", T.size_note));
    box.appendChild(el("h2", T.legend_rungs));
    ul = el("ul");
    data.rungs.forEach(function (r) {
      var li = el("li"); li.appendChild(line(r.colour, r.width));
      li.appendChild(el("span", H.rungText(r))); ul.appendChild(li);
    });
    box.appendChild(ul);
    // The counts of the people who need a link, from their kinds (clHelpers.aloneKinds).
    box.clCount = function (kinds) {
      if (!counts.length) { return; }
      var n = [0, 0, 0];
      for (var i = 0; i < kinds.length; i++) { n[kinds[i]] += 1; }
      counts[0].textContent = "(" + n[1] + ")"; counts[1].textContent = "(" + n[2] + ")";
    };
    return box;
  }

  // A ring in `colour`, dashed or not: the mark of the people who need a link.
  function ring(colour, dashed) {
    var box = svg("svg", {width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true"});
    box.appendChild(svg("circle", {cx: 8, cy: 8, r: 5.5, fill: "#ffffff", stroke: colour,
                                   "stroke-width": 2.5,
                                   "stroke-dasharray": dashed ? "3 2" : "none"}));
    return box;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  // A person's shape in their colour, as on the map.
  function swatch(shape, colour) {
    var box = svg("svg", {width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true"});
    var shapes = {
      dot: ["circle", {cx: 8, cy: 8, r: 6}],
      diamond: ["polygon", {points: "8,1 15,8 8,15 1,8"}],
      square: ["rect", {x: 2, y: 2, width: 12, height: 12}],
      triangle: ["polygon", {points: "8,1 15,14 1,14"}],
      triangleDown: ["polygon", {points: "1,2 15,2 8,15"}],
      star: ["polygon", {points: "8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6"}],
      hexagon: ["polygon", {points: "4,2 12,2 15,8 12,14 4,14 1,8"}]
    };
    var s = shapes[shape] || shapes.dot;
    var node = svg(s[0], s[1]);
    var style = {fill: colour, stroke: "#555555", "stroke-width": 0.8};
    Object.keys(style).forEach(function (k) { node.setAttribute(k, style[k]); });
    box.appendChild(node);
    return box;
  }

  // A tie of a rung: a line in its colour and width.
  function line(colour, width) {
    var box = svg("svg", {width: 28, height: 12, viewBox: "0 0 28 12", "aria-hidden": "true"});
    box.appendChild(svg("line", {x1: 1, y1: 6, x2: 27, y2: 6, stroke: colour,
                                 "stroke-width": width, "stroke-linecap": "round"}));
    return box;
  }
  return {el: el, legend: legend, line: line, focalPeople: focalPeople,
          peopleLook: peopleLook, leastSize: leastSize, aloneFilter: aloneFilter,
          mapTable: mapTable};
}());
