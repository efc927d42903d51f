/* contactladder timeline page: the village growing, period by period, drawn with vis-network.
 *
 * The data block holds, per person, the step at which they are present and, per tie, the step
 * of its first contact and the steps where it climbed: from these the page shows, at each step,
 * the people present and the ties reached by then, at the rung reached. The counters are the
 * growth table's rows, computed in Python: the page only shows them. Every value from the data
 * is put in the page as text (textContent, option.value, setAttribute on SVG), never as markup.
 * Positions are fixed (physics off). Nothing is stored, fetched or sent: the page works from
 * disk and in a sandboxed iframe. window.contactladder exposes the network, for tests.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cl-data").textContent);
  var T = data.text;
  var rungByLevel = {};
  data.rungs.forEach(function (r) { rungByLevel[r.level] = r; });
  var nNodes = data.nodes.length;
  var nSteps = data.steps.length;
  var last = Math.max(0, nSteps - 1);
  var big = nNodes > 2000 || data.edges.length > 4000;
  var wijkOf = data.nodes.map(function (n) { return n[4]; });
  var appear = data.appear;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  // The rung of tie e at step s (0: not yet there), and whether it is new or climbed in s.
  function levelAt(e, s) {
    if (e[2] > s) { return 0; }
    var level = e[3];
    for (var k = 4; k < e.length && e[k] <= s; k += 2) { level = e[k + 1]; }
    return level;
  }
  function freshAt(e, s) {
    if (e[2] === s) { return true; }
    for (var k = 4; k < e.length; k += 2) { if (e[k] === s) { return true; } }
    return false;
  }
  function nodeSize(ties) {  // as node_size in maps.py
    return Math.round(Math.min(25, 5 + 2 * Math.sqrt(ties)) * 10) / 10;
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
  var GLOW_OFF = {enabled: false};
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    return {id: i, x: n[0], y: n[1], size: n[2], group: "g" + n[3], label: n[5],
            shadow: GLOW_OFF};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return {id: i, from: e[0], to: e[1], level: 0};
  }));

  var state = {step: last, wijk: -1,
               minLevel: data.min_level || (data.rungs.length ? data.rungs[0].level : 1),
               playing: false};
  var edgeKey = new Int32Array(data.edges.length).fill(-1);
  var nodeKey = new Float64Array(nNodes).fill(-1);
  var level = new Int32Array(data.edges.length);

  function edgeStyle(j, lvl, fresh) {
    var rung = rungByLevel[lvl] || data.rungs[0];
    return {id: j, level: lvl, width: fresh ? rung.width + 2.5 : rung.width,
            color: {color: rung.colour, highlight: rung.colour, hover: rung.colour,
                    opacity: fresh ? 1.0 : 0.55, inherit: false},
            shadow: fresh ? {enabled: true, color: rung.colour, size: 12, x: 0, y: 0} : GLOW_OFF};
  }
  function inWijk(i) { return state.wijk < 0 || wijkOf[i] === state.wijk; }
  var nodeView = new vis.DataView(nodes, {filter: function (item) {
    var a = appear[item.id];
    return a >= 0 && a <= state.step && inWijk(item.id);
  }});
  var edgeView = new vis.DataView(edges, {filter: function (item) {
    return item.level > 0 && item.level >= state.minLevel && inWijk(item.from) && inWijk(item.to);
  }});

  function restyle(s) {
    var edgeUpdates = [], nodeUpdates = [];
    var degree = new Int32Array(nNodes);
    data.edges.forEach(function (e, j) {
      var lvl = levelAt(e, s);
      level[j] = lvl;
      var key = lvl > 0 ? lvl * 2 + (freshAt(e, s) ? 1 : 0) : 0;
      if (lvl > 0) { degree[e[0]] += 1; degree[e[1]] += 1; }
      if (edgeKey[j] !== key) {
        edgeKey[j] = key;
        edgeUpdates.push(lvl > 0 ? edgeStyle(j, lvl, key % 2 === 1) : {id: j, level: 0});
      }
    });
    for (var i = 0; i < nNodes; i++) {
      var fresh = appear[i] === s;
      var size = nodeSize(degree[i]);
      var key = size * 2 + (fresh ? 1 : 0);
      if (nodeKey[i] !== key) {
        nodeKey[i] = key;
        nodeUpdates.push({id: i, size: size, shadow: fresh ?
          {enabled: true, color: "rgba(0,0,0,0.6)", size: 12, x: 0, y: 0} : GLOW_OFF});
      }
    }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
  }

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

  // --- counters: the growth table's row of the step --------------------------------------------
  var counters = document.getElementById("cl-counters");
  var counterHead = el("h2");
  counters.appendChild(counterHead);
  var dl = el("dl");
  counters.appendChild(dl);
  var valueOf = {};
  function counterLabel(column) {
    if (column === "people") { return [T.people_word]; }
    if (column === "ties") { return [T.ties_total]; }
    if (column === "focal_alone") { return [data.focal_alone_label]; }
    if (column === "new_ties") { return [T.new_ties]; }
    if (column === "climbed") { return [T.climbed]; }
    var rung = data.rungs.filter(function (r) { return "rung_" + r.key === column; })[0];
    return rung ? [rung.level + ". " + rung.label, rung] : [column];
  }
  data.counters.columns.forEach(function (column) {
    var row = el("div", null, column === "focal_alone" ? "cl-sep" : "");
    row.setAttribute("data-key", column);
    var label = counterLabel(column);
    var dt = el("dt");
    if (label[1]) { dt.appendChild(line(label[1].colour, Math.min(label[1].width, 5))); }
    dt.appendChild(el("span", label[0]));
    var dd = el("dd", "");
    row.appendChild(dt); row.appendChild(dd); dl.appendChild(row);
    valueOf[column] = dd;
  });
  function showCounters() {
    var table = state.wijk >= 0 && data.counters.wijken.length ?
      data.counters.wijken[state.wijk] : data.counters.all;
    var row = table[state.step];
    counterHead.textContent = nSteps ? data.steps[state.step][1] : "";
    data.counters.columns.forEach(function (column, k) {
      valueOf[column].textContent = row ? String(row[k]) : "";
    });
  }

  // --- the slider and the play button ----------------------------------------------------------
  var slider = document.getElementById("cl-step");
  var periodOut = document.getElementById("cl-period");
  var playButton = document.getElementById("cl-play");
  slider.max = String(last);
  function setStep(s) {
    s = Math.max(0, Math.min(last, s | 0));
    state.step = s;
    slider.value = String(s);
    periodOut.textContent = nSteps ? data.steps[s][1] : "";
    restyle(s);
    nodeView.refresh();
    edgeView.refresh();
    showCounters();
    hideTip();
    return s;
  }
  slider.addEventListener("input", function () { setStep(parseInt(slider.value, 10)); });
  var timer = null;
  function pause() {
    if (timer !== null) { window.clearInterval(timer); timer = null; }
    state.playing = false;
    playButton.textContent = T.play;
    playButton.setAttribute("aria-pressed", "false");
  }
  function play(interval) {
    if (nSteps < 2) { return; }
    if (state.step >= last) { setStep(0); }
    pause();
    state.playing = true;
    playButton.textContent = T.pause;
    playButton.setAttribute("aria-pressed", "true");
    timer = window.setInterval(function () {
      if (state.step >= last) { pause(); } else { setStep(state.step + 1); }
    }, interval || 1000);
  }
  playButton.addEventListener("click", function () { if (state.playing) { pause(); } else { play(); } });
  playButton.disabled = nSteps < 2;
  slider.disabled = nSteps < 2;

  // --- filters ---------------------------------------------------------------------------------
  var wijkSelect = document.getElementById("cl-wijk");
  if (data.counters.wijken.length) {
    var all = el("option", T.all_wijken); all.value = "-1"; wijkSelect.appendChild(all);
    data.wijken.forEach(function (w, i) {
      var option = el("option", w); option.value = String(i); wijkSelect.appendChild(option);
    });
  } else {
    document.getElementById("cl-wijk-label").hidden = true;
  }
  var rungSelect = document.getElementById("cl-min-rung");
  data.rungs.forEach(function (r) {
    var option = el("option", r.level + ". " + r.label); option.value = String(r.level);
    rungSelect.appendChild(option);
  });
  rungSelect.value = String(state.minLevel);
  function setFilter(wijk, minLevel) {
    state.wijk = data.counters.wijken.length ? wijk : -1;
    state.minLevel = minLevel;
    wijkSelect.value = String(state.wijk); rungSelect.value = String(minLevel);
    nodeView.refresh();
    edgeView.refresh();
    showCounters();
  }
  wijkSelect.addEventListener("change", function () {
    setFilter(parseInt(wijkSelect.value, 10), state.minLevel);
  });
  rungSelect.addEventListener("change", function () {
    setFilter(state.wijk, parseInt(rungSelect.value, 10));
  });

  // --- draw ------------------------------------------------------------------------------------
  var container = document.getElementById("cl-network");
  var network = new vis.Network(container, {}, options);
  network.once("afterDrawing", function () {
    document.documentElement.setAttribute("data-cl-drawn", "1");
  });
  setStep(last);
  network.setData({nodes: nodeView, edges: edgeView});
  network.fit({animation: false});
  if (network.getScale() > 1.5) { network.moveTo({scale: 1.5, animation: false}); }
  // Draw now, not on the next animation frame: a browser gives none to a frame out of sight
  // (a sandboxed iframe further down a report), and the page should still say it is drawn.
  network.redraw();

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
    var list = el("dl");
    rows.forEach(function (row) {
      list.appendChild(el("dt", row[0]));
      list.appendChild(el("dd", row[1]));
    });
    tip.appendChild(list);
    tip.hidden = false;
    placeTip();
  }
  function hideTip() { if (tip) { tip.hidden = true; } }
  function stepText(s) { return data.steps[s] ? data.steps[s][1] : ""; }
  function rungText(lvl) { var r = rungByLevel[lvl]; return r ? r.level + ". " + r.label : String(lvl); }
  function nodeRows(i) {
    var n = data.nodes[i], g = data.groups[n[3]];
    var rows = [[T.role, g.role], [T.wijk, n[4] >= 0 ? data.wijken[n[4]] : T.unknown]];
    if (g.organisation) { rows.push([T.organisation, g.organisation]); }
    rows.push([T.since, stepText(appear[i])]);
    var ties = {}, total = 0;
    data.edges.forEach(function (e, j) {
      if (level[j] > 0 && (e[0] === i || e[1] === i)) { ties[level[j]] = (ties[level[j]] || 0) + 1; total += 1; }
    });
    rows.push([T.ties_total, total]);
    data.rungs.forEach(function (r) { if (ties[r.level]) { rows.push([r.label, ties[r.level]]); } });
    return rows;
  }
  function edgeRows(j) {
    var e = data.edges[j];
    var rows = [[T.rung, rungText(level[j])], [T.since, stepText(e[2])]];
    var history = [rungText(e[3]) + " (" + stepText(e[2]) + ")"];
    for (var k = 4; k < e.length && e[k] <= state.step; k += 2) {
      history.push(rungText(e[k + 1]) + " (" + stepText(e[k]) + ")");
    }
    if (history.length > 1) { rows.push([T.history, history.join(" \u2192 ")]); }
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

  // --- legend ----------------------------------------------------------------------------------
  function swatch(shape, colour) {
    var box = svg("svg", {width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true"});
    var shapes = {
      dot: ["circle", {cx: 8, cy: 8, r: 6}],
      diamond: ["polygon", {points: "8,1 15,8 8,15 1,8"}],
      square: ["rect", {x: 2, y: 2, width: 12, height: 12}],
      triangle: ["polygon", {points: "8,1 15,14 1,14"}]
    };
    var s = shapes[shape] || shapes.dot;
    var node = svg(s[0], s[1]);
    node.setAttribute("fill", colour); node.setAttribute("stroke", "#555555");
    node.setAttribute("stroke-width", "0.8");
    box.appendChild(node);
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
  legend.appendChild(el("p", T.fresh_note));

  // SVG helpers (function declarations: used above, hoisted).
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function line(colour, width) {
    var box = svg("svg", {width: 28, height: 12, viewBox: "0 0 28 12", "aria-hidden": "true"});
    box.appendChild(svg("line", {x1: 1, y1: 6, x2: 27, y2: 6, stroke: colour,
                                 "stroke-width": width, "stroke-linecap": "round"}));
    return box;
  }

  window.contactladder = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
                          edgeView: edgeView, data: data, state: state, setStep: setStep,
                          setFilter: setFilter, play: play, pause: pause};
}());
