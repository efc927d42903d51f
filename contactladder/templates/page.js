/* contactladder pages: what the map page and the timeline page do alike.
 *
 * Inlined, in the same <script> element, before the page's own script (map.js, timeline.js),
 * which calls it as clPage. Every value from the data is put in the page as text (textContent,
 * option.value, setAttribute on SVG), never as markup.
 */
var clPage = (function () {
  "use strict";

  // The page's data, from its JSON block.
  function readData() {
    return JSON.parse(document.getElementById("cl-data").textContent);
  }

  // Rung of each level: {level: rung}.
  function rungsByLevel(data) {
    var byLevel = {};
    data.rungs.forEach(function (r) { byLevel[r.level] = r; });
    return byLevel;
  }

  // A rung as the page names it: "3. Samen iets doen".
  function rungText(rung) { return rung.level + ". " + rung.label; }

  // The lowest rung shown when the page opens.
  function startLevel(data) {
    return data.min_level || (data.rungs.length ? data.rungs[0].level : 1);
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  // --- the network -----------------------------------------------------------------------------
  // Draw the people and ties of the two views in #cl-network at their fixed places, and mark
  // <html data-cl-drawn="1"> once drawn.
  function draw(data, nodeView, edgeView) {
    var network = new vis.Network(document.getElementById("cl-network"), {}, options(data));
    network.once("afterDrawing", function () {
      document.documentElement.setAttribute("data-cl-drawn", "1");
    });
    network.setData({nodes: nodeView, edges: edgeView});
    network.fit({animation: false});
    if (network.getScale() > 1.5) { network.moveTo({scale: 1.5, animation: false}); }
    // Draw now, not on the next animation frame: a browser gives none to a frame out of sight
    // (a sandboxed iframe further down a report), and the page should still say it is drawn.
    network.redraw();
    return network;
  }

  // vis-network's options: a group per legend group, physics off, hover on.
  function options(data) {
    var big = data.nodes.length > 2000 || data.edges.length > 4000;
    var groups = {};
    data.groups.forEach(function (g, i) {
      groups["g" + i] = {
        shape: g.shape,
        color: {background: g.colour, border: "#ffffff",
                highlight: {background: g.colour, border: "#000000"},
                hover: {background: g.colour, border: "#333333"}}
      };
    });
    return {
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
  }

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
      network.on("hoverNode", function (p) { show(data.nodes[p.node][5], nodeRows(p.node)); });
      network.on("hoverEdge", function (p) {
        var e = data.edges[p.edge];
        show(data.nodes[e[0]][5] + " \u2014 " + data.nodes[e[1]][5], edgeRows(p.edge));
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
    var T = data.text, n = data.nodes[i], g = data.groups[n[3]];
    var rows = [[T.role, g.role], [T.wijk, n[4] >= 0 ? data.wijken[n[4]] : T.unknown]];
    if (g.organisation) { rows.push([T.organisation, g.organisation]); }
    rows = rows.concat(more);
    var total = 0;
    Object.keys(ties).forEach(function (level) { total += ties[level]; });
    rows.push([T.ties_total, total]);
    data.rungs.forEach(function (r) { if (ties[r.level]) { rows.push([r.label, ties[r.level]]); } });
    return rows;
  }

  // --- filters ---------------------------------------------------------------------------------
  // Fill the wijk select (when byWijk; else hide it) and the lowest-rung select, and call
  // setFilter(wijk, minLevel) when the reader changes one. Returns show(wijk, minLevel), which
  // puts a filter in the selects.
  function filters(data, byWijk, state, setFilter) {
    var wijkSelect = document.getElementById("cl-wijk");
    if (byWijk) {
      var all = el("option", data.text.all_wijken); all.value = "-1"; wijkSelect.appendChild(all);
      data.wijken.forEach(function (w, i) {
        var option = el("option", w); option.value = String(i); wijkSelect.appendChild(option);
      });
    } else {
      document.getElementById("cl-wijk-label").hidden = true;
    }
    var rungSelect = document.getElementById("cl-min-rung");
    data.rungs.forEach(function (r) {
      var option = el("option", rungText(r)); option.value = String(r.level);
      rungSelect.appendChild(option);
    });
    rungSelect.value = String(state.minLevel);
    wijkSelect.addEventListener("change", function () {
      setFilter(parseInt(wijkSelect.value, 10), state.minLevel);
    });
    rungSelect.addEventListener("change", function () {
      setFilter(state.wijk, parseInt(rungSelect.value, 10));
    });
    return function show(wijk, minLevel) {
      wijkSelect.value = String(wijk); rungSelect.value = String(minLevel);
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
    box.appendChild(el("p", T.size_note));
    box.appendChild(el("h2", T.legend_rungs));
    ul = el("ul");
    data.rungs.forEach(function (r) {
      var li = el("li"); li.appendChild(line(r.colour, r.width));
      li.appendChild(el("span", rungText(r))); ul.appendChild(li);
    });
    box.appendChild(ul);
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

  return {readData: readData, rungsByLevel: rungsByLevel, rungText: rungText,
          startLevel: startLevel, el: el, draw: draw, tooltip: tooltip, personRows: personRows,
          filters: filters, legend: legend, line: line};
}());
