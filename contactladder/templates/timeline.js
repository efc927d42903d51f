/* contactladder timeline page: the village growing, period by period, drawn with vis-network.
 *
 * The data block holds, per person, the step at which they are present (nodes.appear) and, per
 * tie, its history: the step of its first contact with its rung then, and the steps where it
 * climbed (edges.history). From these the page shows, at each step, the people present and the
 * ties reached by then, at the rung reached, each person sized by their ties then (sizes: the
 * table of sizes computed in Python). The counters are the growth table's rows, computed in
 * Python: the page only shows them. Uses clHelpers (helpers.js) and clPage (page.js); every
 * value from the data is put in the page as text, never as markup. Positions are fixed
 * (physics off). Nothing is stored, fetched or sent: the page works from disk and in a
 * sandboxed iframe. window.contactladder exposes the network, for tests.
 */
(function () {
  "use strict";
  var H = clHelpers, page = clPage.open();
  var data = page.data, T = page.T, N = page.N, E = page.E;
  var nNodes = N.x.length, nEdges = E.a.length;
  var nSteps = H.rowCount(data.steps);
  var last = Math.max(0, nSteps - 1);
  var appear = N.appear;
  var el = clPage.el;

  // --- the network ---------------------------------------------------------------------------
  var GLOW_OFF = {enabled: false};
  var state = {step: last, wijk: -1, minLevel: H.startLevel(data), playing: false};
  var shown = clPage.views(data, state, {
    node: function (item) { item.shadow = GLOW_OFF; return item; },
    nodeShown: function (item) { var a = appear[item.id]; return a >= 0 && a <= state.step; }
  });
  var nodes = shown.nodes, edges = shown.edges;
  var edgeKey = new Int32Array(nEdges).fill(-1);
  var nodeKey = new Float64Array(nNodes).fill(-1);
  var level = new Int32Array(nEdges);

  // A tie keeps the width of its rung (width says rung, nothing else). New or climbed in the
  // step: fully opaque with a dark outline, and a glow in its colour only when few ties are
  // fresh (many glowing ties blur into haze). Others: a little transparent.
  var GLOW_UP_TO = 25;
  var OUTLINE = {enabled: true, color: "rgba(0,0,0,0.85)", size: 3, x: 0, y: 0};
  function edgeStyle(j, lvl, fresh, glow) {
    var rung = page.rungOf(lvl);
    var item = clPage.edgeStyle(rung, fresh ? 1.0 : 0.5);
    item.id = j; item.level = lvl;
    item.shadow = !fresh ? GLOW_OFF : glow ?
      {enabled: true, color: rung.colour, size: 10, x: 0, y: 0} : OUTLINE;
    return item;
  }

  function restyle(s) {
    var edgeUpdates = [], nodeUpdates = [];
    var degree = new Int32Array(nNodes);
    var fresh = new Uint8Array(nEdges), nFresh = 0, nJoined = 0, i, j;
    for (j = 0; j < nEdges; j++) {
      if (H.freshAt(E.history[j], s)) { fresh[j] = 1; nFresh += 1; }
    }
    for (i = 0; i < nNodes; i++) { if (appear[i] === s) { nJoined += 1; } }
    var glow = nFresh <= GLOW_UP_TO;
    for (j = 0; j < nEdges; j++) {
      var lvl = H.levelAt(E.history[j], s);
      level[j] = lvl;
      // 0: absent; else level * 4 + 1 fresh + 2 glowing
      var key = lvl > 0 ? lvl * 4 + (fresh[j] ? (glow ? 3 : 1) : 0) : 0;
      if (lvl > 0) { degree[E.a[j]] += 1; degree[E.b[j]] += 1; }
      if (edgeKey[j] !== key) {
        edgeKey[j] = key;
        edgeUpdates.push(lvl > 0 ? edgeStyle(j, lvl, fresh[j] === 1, glow) : {id: j, level: 0});
      }
    }
    var nodeGlow = nJoined <= GLOW_UP_TO ?
      {enabled: true, color: "rgba(0,0,0,0.6)", size: 12, x: 0, y: 0} : OUTLINE;
    for (i = 0; i < nNodes; i++) {
      var joined = appear[i] === s;
      var size = H.sizeFor(data.sizes, degree[i]);
      var nodeState = size * 4 + (joined ? (nJoined <= GLOW_UP_TO ? 3 : 1) : 0);
      if (nodeKey[i] !== nodeState) {
        nodeKey[i] = nodeState;
        nodeUpdates.push({id: i, size: size, shadow: joined ? nodeGlow : GLOW_OFF});
      }
    }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
  }

  // --- tooltips ------------------------------------------------------------------------------
  var tip = clPage.tooltip(data);
  function stepText(s) { return H.stepText(data.steps, s); }
  function rungText(lvl) { return H.rungText(page.rungOf(lvl)); }
  function nodeRows(i) {
    var ties = {};
    for (var j = 0; j < nEdges; j++) {
      if (level[j] > 0 && (E.a[j] === i || E.b[j] === i)) {
        ties[level[j]] = (ties[level[j]] || 0) + 1;
      }
    }
    return clPage.personRows(data, i, [[T.since, stepText(appear[i])]], ties);
  }
  function edgeRows(j) {
    var history = H.historyUpTo(E.history[j], state.step);
    var rows = [[T.rung, rungText(level[j])], [T.since, stepText(E.history[j][0])]];
    if (history.length > 1) {
      rows.push([T.history, history.map(function (p) {
        return rungText(p[1]) + " (" + stepText(p[0]) + ")";
      }).join(" \u2192 ")]);
    }
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
    var words = {people: T.people_word, ties: T.ties_total, focal_alone: data.focal_alone_label,
                 new_ties: T.new_ties, climbed: T.climbed};
    if (words[column]) { return [words[column]]; }
    var rung = data.rungs.filter(function (r) { return "rung_" + r.key === column; })[0];
    return rung ? [H.rungText(rung), rung] : [column];
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
    counterHead.textContent = stepText(state.step);
    data.counters.columns.forEach(function (column) {
      valueOf[column].textContent = H.text(table[column][state.step]);
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
    periodOut.textContent = stepText(s);
    restyle(s);
    shown.nodeView.refresh();
    shown.edgeView.refresh();
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
  var network = null;
  var setFilter = clPage.filters(data, data.counters.wijken.length > 0, state, shown,
                                 function () {
                                   showCounters();
                                   showTotals();
                                   if (network) { network.redraw(); }
                                 });
  // The subtitle's counts: everyone and every tie of the whole period, in the wijk shown.
  function showTotals() {
    var people = 0, ties = 0;
    for (var i = 0; i < nNodes; i++) { if (appear[i] >= 0 && shown.inWijk(i)) { people += 1; } }
    for (var j = 0; j < nEdges; j++) {
      if (shown.inWijk(E.a[j]) && shown.inWijk(E.b[j])) { ties += 1; }
    }
    clPage.subtitle(data, people, ties);
  }

  // --- draw ------------------------------------------------------------------------------------
  setStep(last);
  network = clPage.draw(data, shown.nodeView, shown.edgeView, {
    wijkShown: function (w) { return state.wijk < 0 || state.wijk === w; }
  });
  tip.hoverOn(network, nodeRows, edgeRows);
  clPage.legend(data).appendChild(el("p", T.fresh_note));

  window.contactladder = {network: network, nodes: nodes, edges: edges,
                          nodeView: shown.nodeView, edgeView: shown.edgeView, data: data,
                          state: state, setStep: setStep, setFilter: setFilter, play: play,
                          pause: pause};
}());
