/* contactladder timeline page: the village growing, period by period, drawn with vis-network.
 *
 * The data block holds, per person, the step at which they are present and, per tie, the step
 * of its first contact and the steps where it climbed: from these the page shows, at each step,
 * the people present and the ties reached by then, at the rung reached. The counters are the
 * growth table's rows, computed in Python: the page only shows them. Uses clPage (page.js) for
 * what it shares with the map page; every value from the data is put in the page as text, never
 * as markup. Positions are fixed (physics off). Nothing is stored, fetched or sent: the page
 * works from disk and in a sandboxed iframe. window.contactladder exposes the network, for tests.
 */
(function () {
  "use strict";
  var data = clPage.readData();
  var T = data.text;
  var rungByLevel = clPage.rungsByLevel(data);
  var nNodes = data.nodes.length;
  var nSteps = data.steps.length;
  var last = Math.max(0, nSteps - 1);
  var wijkOf = data.nodes.map(function (n) { return n[4]; });
  var appear = data.appear;
  var el = clPage.el;

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
  var GLOW_OFF = {enabled: false};
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    return {id: i, x: n[0], y: n[1], size: n[2], group: "g" + n[3], label: n[5],
            shadow: GLOW_OFF};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return {id: i, from: e[0], to: e[1], level: 0};
  }));

  var state = {step: last, wijk: -1, minLevel: clPage.startLevel(data), playing: false};
  var edgeKey = new Int32Array(data.edges.length).fill(-1);
  var nodeKey = new Float64Array(nNodes).fill(-1);
  var level = new Int32Array(data.edges.length);

  // A tie keeps the width of its rung (width says rung, nothing else). New or climbed in the
  // step: fully opaque with a dark outline, and a glow in its colour only when few ties are
  // fresh (many glowing ties blur into haze). Others: a little transparent.
  var GLOW_UP_TO = 25;
  var OUTLINE = {enabled: true, color: "rgba(0,0,0,0.85)", size: 3, x: 0, y: 0};
  function edgeStyle(j, lvl, fresh, glow) {
    var rung = rungByLevel[lvl] || data.rungs[0];
    return {id: j, level: lvl, width: rung.width,
            color: {color: rung.colour, highlight: rung.colour, hover: rung.colour,
                    opacity: fresh ? 1.0 : 0.5, inherit: false},
            shadow: !fresh ? GLOW_OFF : glow ?
              {enabled: true, color: rung.colour, size: 10, x: 0, y: 0} : OUTLINE};
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
    var fresh = new Uint8Array(data.edges.length), nFresh = 0, nJoined = 0;
    data.edges.forEach(function (e, j) {
      if (freshAt(e, s)) { fresh[j] = 1; nFresh += 1; }
    });
    for (var i = 0; i < nNodes; i++) { if (appear[i] === s) { nJoined += 1; } }
    var glow = nFresh <= GLOW_UP_TO;
    data.edges.forEach(function (e, j) {
      var lvl = levelAt(e, s);
      level[j] = lvl;
      // 0: absent; else level * 4 + 1 fresh + 2 glowing
      var key = lvl > 0 ? lvl * 4 + (fresh[j] ? (glow ? 3 : 1) : 0) : 0;
      if (lvl > 0) { degree[e[0]] += 1; degree[e[1]] += 1; }
      if (edgeKey[j] !== key) {
        edgeKey[j] = key;
        edgeUpdates.push(lvl > 0 ? edgeStyle(j, lvl, fresh[j] === 1, glow) : {id: j, level: 0});
      }
    });
    var nodeGlow = nJoined <= GLOW_UP_TO ?
      {enabled: true, color: "rgba(0,0,0,0.6)", size: 12, x: 0, y: 0} : OUTLINE;
    for (i = 0; i < nNodes; i++) {
      var joined = appear[i] === s;
      var size = nodeSize(degree[i]);
      var key = size * 4 + (joined ? (nJoined <= GLOW_UP_TO ? 3 : 1) : 0);
      if (nodeKey[i] !== key) {
        nodeKey[i] = key;
        nodeUpdates.push({id: i, size: size, shadow: joined ? nodeGlow : GLOW_OFF});
      }
    }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
  }

  // --- tooltips ------------------------------------------------------------------------------
  var tip = clPage.tooltip(data);
  function stepText(s) { return data.steps[s] ? data.steps[s][1] : ""; }
  function rungText(lvl) { var r = rungByLevel[lvl]; return r ? clPage.rungText(r) : String(lvl); }
  function nodeRows(i) {
    var ties = {};
    data.edges.forEach(function (e, j) {
      if (level[j] > 0 && (e[0] === i || e[1] === i)) { ties[level[j]] = (ties[level[j]] || 0) + 1; }
    });
    return clPage.personRows(data, i, [[T.since, stepText(appear[i])]], ties);
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
    return rung ? [clPage.rungText(rung), rung] : [column];
  }
  data.counters.columns.forEach(function (column) {
    var row = el("div", null, column === "focal_alone" ? "cl-sep" : "");
    row.setAttribute("data-key", column);
    var label = counterLabel(column);
    var dt = el("dt");
    if (label[1]) { dt.appendChild(clPage.line(label[1].colour, Math.min(label[1].width, 5))); }
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
    tip.hide();
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

  // --- filters: the wijk filter only where the counters have rows per wijk ---------------------
  var showFilter = clPage.filters(data, data.counters.wijken.length > 0, state, setFilter);
  function setFilter(wijk, minLevel) {
    state.wijk = data.counters.wijken.length ? wijk : -1;
    state.minLevel = minLevel;
    showFilter(state.wijk, minLevel);
    nodeView.refresh();
    edgeView.refresh();
    showCounters();
    showTotals();
    if (network) { network.redraw(); }
  }
  // The subtitle's counts: everyone and every tie of the whole period, in the wijk shown.
  function showTotals() {
    var people = 0, ties = 0;
    for (var i = 0; i < nNodes; i++) { if (appear[i] >= 0 && inWijk(i)) { people += 1; } }
    data.edges.forEach(function (e) { if (inWijk(e[0]) && inWijk(e[1])) { ties += 1; } });
    clPage.subtitle(data, people, ties);
  }

  // --- draw ------------------------------------------------------------------------------------
  var network = null;
  setStep(last);
  network = clPage.draw(data, nodeView, edgeView, {
    wijkShown: function (w) { return state.wijk < 0 || state.wijk === w; }
  });
  tip.hoverOn(network, nodeRows, edgeRows);
  clPage.legend(data).appendChild(el("p", T.fresh_note));

  window.contactladder = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
                          edgeView: edgeView, data: data, state: state, setStep: setStep,
                          setFilter: setFilter, play: play, pause: pause};
}());
