/* contactladder map page: draws the map from the JSON data block with vis-network.
 *
 * Every value from the data is put in the page as text (textContent, option.value, setAttribute
 * on SVG), never as markup. Positions are fixed (physics off); the browser only draws.
 * window.contactladder exposes the network and its data sets, for tests and for the curious.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cl-data").textContent);
  var T = data.text;
  var rungByLevel = {};
  data.rungs.forEach(function (r) { rungByLevel[r.level] = r; });
  var nNodes = data.nodes.length;
  var big = nNodes > 2000 || data.edges.length > 4000;

  // Ties per rung of each person, and neighbours, from the edge list.
  var ties = data.nodes.map(function () { return {}; });
  var wijkOf = data.nodes.map(function (n) { return n[4]; });
  data.edges.forEach(function (e) {
    ties[e[0]][e[2]] = (ties[e[0]][e[2]] || 0) + 1;
    ties[e[1]][e[2]] = (ties[e[1]][e[2]] || 0) + 1;
  });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  // --- the network ---------------------------------------------------------------------------
  var groups = {};
  data.groups.forEach(function (g, i) {
    groups["g" + i] = {
      shape: g.shape,
      color: {background: g.colour, border: "#ffffff",
              highlight: {background: g.colour, border: "#000000"},
              hover: {background: g.colour, border: "#333333"}}
    };
  });
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    var item = {id: i, x: n[0], y: n[1], size: n[2], group: "g" + n[3], label: n[5]};
    if (i === data.focus) {  // the person in focus: larger, bold, glowing
      item.size = n[2] + 6; item.borderWidth = 3;
      item.font = {size: 16, bold: true};
      item.shadow = {enabled: true, color: "rgba(0,0,0,0.55)", size: 14, x: 0, y: 0};
    }
    return item;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var rung = rungByLevel[e[2]] || data.rungs[0];
    return {id: i, from: e[0], to: e[1], level: e[2], width: rung.width,
            color: {color: rung.colour, highlight: rung.colour, hover: rung.colour,
                    opacity: 0.85, inherit: false}};
  }));

  var state = {wijk: -1,
               minLevel: data.min_level || (data.rungs.length ? data.rungs[0].level : 1)};
  var shown = null;  // null: every person; else a per-person flag
  function edgeShown(item) {
    return item.level >= state.minLevel &&
      (state.wijk < 0 || wijkOf[item.from] === state.wijk || wijkOf[item.to] === state.wijk);
  }
  function computeShown() {
    if (state.wijk < 0) { shown = null; return; }
    shown = new Uint8Array(nNodes);
    for (var i = 0; i < nNodes; i++) { if (wijkOf[i] === state.wijk) { shown[i] = 1; } }
    edges.forEach(function (item) {  // people elsewhere tied to people of this wijk
      if (edgeShown(item)) { shown[item.from] = 1; shown[item.to] = 1; }
    });
  }
  var nodeView = new vis.DataView(nodes, {filter: function (item) {
    return shown === null || shown[item.id] === 1;
  }});
  var edgeView = new vis.DataView(edges, {filter: edgeShown});

  var options = {
    autoResize: true, width: "100%", height: "100%",
    physics: false,
    layout: {improvedLayout: false, randomSeed: 0},
    groups: groups,
    nodes: {borderWidth: 1, borderWidthSelected: 3,
            font: {size: 12, color: "#222222", face: "system-ui, sans-serif",
                   strokeWidth: 3, strokeColor: "#fbfaf7"}},
    edges: {smooth: false, selectionWidth: 2, hoverWidth: 1},
    interaction: {hover: true, dragNodes: false, navigationButtons: false, keyboard: false,
                  multiselect: false, tooltipDelay: 100,
                  hideEdgesOnDrag: big, hideEdgesOnZoom: big}
  };
  var container = document.getElementById("cl-network");
  var network = new vis.Network(container, {}, options);
  network.once("afterDrawing", function () {
    document.documentElement.setAttribute("data-cl-drawn", "1");
  });
  network.setData({nodes: nodeView, edges: edgeView});
  network.fit({animation: false});
  if (network.getScale() > 1.5) { network.moveTo({scale: 1.5, animation: false}); }
  // Draw now, not on the next animation frame: a browser gives none to a frame out of sight
  // (a sandboxed iframe further down a report), and the page should still say it is drawn.
  network.redraw();
  if (data.focus >= 0) { network.selectNodes([data.focus]); }

  // --- tooltips: built as text ---------------------------------------------------------------
  var tip = document.getElementById("cl-tooltip");
  var main = document.getElementById("cl-main");
  var pointer = {x: 0, y: 0};
  main.addEventListener("pointermove", function (ev) {
    var box = main.getBoundingClientRect();
    pointer.x = ev.clientX - box.left; pointer.y = ev.clientY - box.top;
    if (!tip.hidden) { placeTip(); }
  });
  function placeTip() {
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tip.offsetWidth > main.clientWidth) { x = Math.max(0, pointer.x - tip.offsetWidth - 8); }
    if (y + tip.offsetHeight > main.clientHeight) { y = Math.max(0, pointer.y - tip.offsetHeight - 8); }
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function showTip(head, rows) {
    tip.replaceChildren();
    tip.appendChild(el("div", head, "cl-tip-head"));
    var dl = el("dl");
    rows.forEach(function (row) {
      dl.appendChild(el("dt", row[0]));
      dl.appendChild(el("dd", row[1]));
    });
    tip.appendChild(dl);
    tip.hidden = false;
    placeTip();
  }
  function hideTip() { tip.hidden = true; }
  function nodeRows(i) {
    var n = data.nodes[i], g = data.groups[n[3]];
    var rows = [[T.role, g.role], [T.wijk, n[4] >= 0 ? data.wijken[n[4]] : T.unknown]];
    if (g.organisation) { rows.push([T.organisation, g.organisation]); }
    var total = 0;
    data.rungs.forEach(function (r) { total += ties[i][r.level] || 0; });
    rows.push([T.ties_total, total]);
    data.rungs.forEach(function (r) {
      if (ties[i][r.level]) { rows.push([r.label, ties[i][r.level]]); }
    });
    return rows;
  }
  function edgeRows(j) {
    var e = data.edges[j], rung = rungByLevel[e[2]];
    var rows = [[T.rung, rung ? rung.level + ". " + rung.label : e[2]]];
    if (e[3]) { rows.push([T.first_contact, e[3]]); }
    if (e[4]) { rows.push([T.last_contact, e[4]]); }
    rows.push([T.contacts, e[5]]);
    if (e[6].length) {
      rows.push([T.activities, e[6].map(function (a) { return data.activities[a]; }).join(", ")]);
    }
    return rows;
  }
  network.on("hoverNode", function (p) { showTip(data.nodes[p.node][5], nodeRows(p.node)); });
  network.on("hoverEdge", function (p) {
    var e = data.edges[p.edge];
    showTip(data.nodes[e[0]][5] + " \u2014 " + data.nodes[e[1]][5], edgeRows(p.edge));
  });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // --- filters ---------------------------------------------------------------------------------
  var wijkSelect = document.getElementById("cl-wijk");
  var all = el("option", T.all_wijken); all.value = "-1"; wijkSelect.appendChild(all);
  data.wijken.forEach(function (w, i) {
    var option = el("option", w); option.value = String(i); wijkSelect.appendChild(option);
  });
  var rungSelect = document.getElementById("cl-min-rung");
  data.rungs.forEach(function (r) {
    var option = el("option", r.level + ". " + r.label); option.value = String(r.level);
    rungSelect.appendChild(option);
  });
  function setFilter(wijk, minLevel) {
    state.wijk = wijk; state.minLevel = minLevel;
    wijkSelect.value = String(wijk); rungSelect.value = String(minLevel);
    computeShown();
    nodeView.refresh();
    edgeView.refresh();
  }
  wijkSelect.addEventListener("change", function () {
    setFilter(parseInt(wijkSelect.value, 10), state.minLevel);
  });
  rungSelect.value = String(state.minLevel);
  rungSelect.addEventListener("change", function () {
    setFilter(state.wijk, parseInt(rungSelect.value, 10));
  });

  // --- search ----------------------------------------------------------------------------------
  var input = document.getElementById("cl-search");
  var found = document.getElementById("cl-found");
  var list = document.getElementById("cl-people");
  var labels = data.nodes.map(function (n) { return n[5]; });
  function fillList() {  // on first use: thousands of options slow the first drawing down
    input.removeEventListener("focus", fillList);
    var fragment = document.createDocumentFragment();
    labels.slice().sort().forEach(function (label) {
      var option = document.createElement("option"); option.value = label;
      fragment.appendChild(option);
    });
    list.appendChild(fragment);
  }
  input.addEventListener("focus", fillList);
  function find(query) {
    var q = String(query).trim().toLowerCase();
    if (!q) { found.textContent = ""; return null; }
    var lower = labels.map(function (l) { return l.toLowerCase(); });
    var hit = lower.indexOf(q);
    if (hit < 0) { hit = lower.findIndex(function (l) { return l.indexOf(q) === 0; }); }
    if (hit < 0) { hit = lower.findIndex(function (l) { return l.indexOf(q) >= 0; }); }
    if (hit < 0) { found.textContent = T.not_found; return null; }
    if (shown !== null && shown[hit] !== 1) { setFilter(-1, state.minLevel); }
    found.textContent = T.found + ": " + labels[hit];
    network.selectNodes([hit]);
    network.focus(hit, {scale: Math.max(network.getScale(), 1.0),
                        animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    return hit;
  }
  document.getElementById("cl-controls").addEventListener("submit", function (ev) {
    ev.preventDefault();
    find(input.value);
  });

  // --- legend ----------------------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function swatch(shape, colour) {
    var box = svg("svg", {width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true"});
    var style = {fill: colour, stroke: "#555555", "stroke-width": 0.8};
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
    Object.keys(style).forEach(function (k) { node.setAttribute(k, style[k]); });
    box.appendChild(node);
    return box;
  }
  function line(colour, width) {
    var box = svg("svg", {width: 28, height: 12, viewBox: "0 0 28 12", "aria-hidden": "true"});
    box.appendChild(svg("line", {x1: 1, y1: 6, x2: 27, y2: 6, stroke: colour,
                                 "stroke-width": width, "stroke-linecap": "round"}));
    return box;
  }
  var legend = document.getElementById("cl-legend");
  legend.appendChild(el("h2", T.legend_people));
  var ul = el("ul");
  data.groups.forEach(function (g) {
    var li = el("li"); li.appendChild(swatch(g.shape, g.colour));
    li.appendChild(el("span", g.label)); ul.appendChild(li);
  });
  legend.appendChild(ul);
  legend.appendChild(el("p", T.size_note));
  legend.appendChild(el("h2", T.legend_rungs));
  ul = el("ul");
  data.rungs.forEach(function (r) {
    var li = el("li"); li.appendChild(line(r.colour, r.width));
    li.appendChild(el("span", r.level + ". " + r.label)); ul.appendChild(li);
  });
  legend.appendChild(ul);

  window.contactladder = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
                          edgeView: edgeView, data: data, find: find, setFilter: setFilter};
}());
