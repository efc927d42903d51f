/* contactladder timeline page: the village growing, period by period, drawn with vis-network.
 *
 * The data block holds, per person, the step at which they are present (nodes.appear) and, per
 * tie, its history: the step of its first contact with its rung then, and the steps where it
 * climbed (edges.history; in the current view also where it declined, and level 0 where it
 * ended). From these the page shows, at each step, the people present and the ties there
 * then, at their rung (a tie that ended is not drawn until it comes back), each person sized by
 * their ties then (sizes: the table of sizes computed in Python). A grouped timeline
 * (data.grouped) has the groups of the grouped map for nodes, each sized by its people present
 * at the step (data.group_sizes: [step, size, ...]); no group is ringed as alone. The counters
 * are the growth table's rows, computed in Python: the page only shows them. Uses clHelpers
 * (helpers.js), clPage (page.js) and clControls (controls.js); every value from the data is
 * put in the page as text, never as markup. Positions are fixed
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
  // state.kinds: who needs a link at the step, in the wijk shown (clHelpers.aloneKinds);
  // state.pointOut: whether they are pointed out (the counter focal_alone, clicked).
  var state = {step: last, wijk: -1, minLevel: H.startLevel(data), playing: false,
               onlyAlone: false, pointOut: false, kinds: new Uint8Array(nNodes)};
  var present = function (i) { var a = appear[i]; return a >= 0 && a <= state.step; };
  var shown = clPage.views(data, state, {
    nodeShown: function (item) { return present(item.id); }
  });
  var nodes = shown.nodes, edges = shown.edges;
  var isFocal = clPage.focalPeople(data);
  var look = clPage.peopleLook(data, nodes);
  var edgeKey = new Int32Array(nEdges).fill(-1);
  var level = new Int32Array(nEdges);
  var degree = new Int32Array(nNodes);
  var kept = function (i) { return present(i) && shown.inWijk(i); };
  // A person is sized by their ties at the step; a group (data.grouped) by its people then.
  var sizeOf = data.grouped ?
    function (i) { return H.levelAt(data.group_sizes[i], state.step); } :
    function (i) { return H.sizeFor(data.sizes, degree[i]); };

  // A tie keeps the width of its rung (width says rung, nothing else) and is drawn faint; the
  // ties new or climbed in the step are drawn again over it, opaque (freshTies, drawn under
  // the people), so that a step changes only the ties whose rung changed. No shadows: on a busy
  // step they would blur into a grey haze, and they are slow to draw.
  var FAINT = 0.35;
  var fresh = [];  // the ties new or climbed in the step shown
  function edgeStyle(j, lvl) {
    var item = clPage.edgeStyle(page.rungOf(lvl), FAINT);
    item.id = j; item.level = lvl;
    return item;
  }
  // The ties new or climbed in the step that are shown, as [tie, level, tie, level, ...].
  function freshTies() {
    var shownTies = [];
    fresh.forEach(function (j) {
      if (network && !network.body.edges[j].options.hidden) { shownTies.push(j, level[j]); }
    });
    return shownTies;
  }

  // The step s drawn: only the ties and people whose look changed are updated.
  function restyle(s) {
    var edgeUpdates = [], j;
    degree.fill(0);
    fresh = [];
    for (j = 0; j < nEdges; j++) {
      var history = E.history[j];
      var lvl = H.levelAt(history, s);  // 0: not there yet, or ended
      level[j] = lvl;
      if (lvl === 0) {
        if (edgeKey[j] !== 0) { edgeKey[j] = 0; edgeUpdates.push({id: j, level: 0}); }
        continue;
      }
      degree[E.a[j]] += 1; degree[E.b[j]] += 1;
      if (H.freshAt(history, s)) { fresh.push(j); }
      if (edgeKey[j] !== lvl) { edgeKey[j] = lvl; edgeUpdates.push(edgeStyle(j, lvl)); }
    }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    recount(s);
  }
  // Who needs a link at step s, in the wijk shown, and how everyone looks.
  function recount(s) {
    if (!data.grouped) {  // a group is never alone: its kinds stay 0
      state.kinds = H.aloneKinds(nNodes, E.a, E.b, level, isFocal, kept);
    }
    look(state.kinds, sizeOf, clPage.leastSize(nNodes, sizeOf, kept),
         function (i) { return appear[i] === s; });
  }

  // --- tooltips ------------------------------------------------------------------------------
  var tip = clControls.tooltip(data);
  function stepText(s) { return H.stepText(data.steps, s); }
  function rungText(lvl) { return lvl === 0 ? T.ended : H.rungText(page.rungOf(lvl)); }
  function nodeRows(i) {
    var ties = {};
    for (var j = 0; j < nEdges; j++) {
      if (level[j] > 0 && (E.a[j] === i || E.b[j] === i)) {
        ties[level[j]] = (ties[level[j]] || 0) + 1;
      }
    }
    return clControls.personRows(data, i, [[T.since, stepText(appear[i])]], ties);
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
                 new_ties: T.new_ties, climbed: T.climbed, ended_ties: T.ended_ties,
                 declined: T.declined};
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
    if (column === "focal_alone") {  // a button: points them out on the map
      var button = el("button", label[0]);
      button.type = "button"; button.id = "cl-point-out"; button.title = T.show_alone;
      button.setAttribute("aria-pressed", "false");
      button.disabled = !!data.grouped;  // groups, not people: there is no one to point out
      button.addEventListener("click", function () { pointOut(!state.pointOut); });
      dt.appendChild(button);
    } else {
      dt.appendChild(el("span", label[0]));
    }
    var dd = el("dd", "");
    row.appendChild(dt); row.appendChild(dd); dl.appendChild(row);
    valueOf[column] = dd;
  });
  var legendBox = clPage.legend(data);
  legendBox.appendChild(el("p", T.fresh_note));
  var textTable = clPage.mapTable(data);
  function showCounters() {
    legendBox.clCount(state.kinds);
    textTable(level, state.kinds, kept);
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
    slider.setAttribute("aria-valuetext", stepText(s));
    periodOut.textContent = stepText(s);
    clPage.batch(function () {
      restyle(s);
      shown.nodeView.refresh();
      shown.edgeView.refresh();
    });
    showCounters();
    tip.hide();
    return s;
  }
  // Point out (or not) the focal people without a tie, at every step until clicked again.
  function pointOut(on) {
    state.pointOut = !!on;
    document.getElementById("cl-point-out").setAttribute("aria-pressed", String(state.pointOut));
    if (network) { network.redraw(); }
  }
  function pointedOut() {
    if (!state.pointOut) { return []; }
    var ids = [];
    for (var i = 0; i < nNodes; i++) { if (state.kinds[i] === 1) { ids.push(i); } }
    return ids;
  }
  slider.addEventListener("input", function () { setStep(parseInt(slider.value, 10)); });
  var timer = null;
  // While playing the counters and the period are not announced every step (aria-live off).
  var live = [periodOut, counters];
  function announce(on) {
    live.forEach(function (node) { node.setAttribute("aria-live", on ? "polite" : "off"); });
  }
  function pause() {
    if (timer !== null) { window.clearInterval(timer); timer = null; }
    announce(true);
    state.playing = false;
    playButton.textContent = T.play;
    playButton.setAttribute("aria-pressed", "false");
  }
  function play(interval) {
    if (nSteps < 2) { return; }
    if (state.step >= last) { setStep(0); }
    pause();
    announce(false);
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
  function changed() {
    showCounters();
    showTotals();
    if (network) { network.redraw(); }
  }
  var setFilter = clControls.filters(data, data.counters.wijken.length > 0, state, shown,
                                 changed, function () { recount(state.step); });
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
    wijkShown: function (w) { return state.wijk < 0 || state.wijk === w; },
    marked: pointedOut, sizeOf: function (i) { return nodes.get(i).size; }, strokes: freshTies
  });
  tip.hoverOn(network, nodeRows, edgeRows);
  var onlyAlone = clPage.aloneFilter(data, state, shown, network, changed);

  window.contactladder = {network: network, nodes: nodes, edges: edges,
                          nodeView: shown.nodeView, edgeView: shown.edgeView, data: data,
                          state: state, setStep: setStep, setFilter: setFilter, play: play,
                          pause: pause, onlyAlone: onlyAlone, pointOut: pointOut,
                          pointedOut: pointedOut, freshTies: freshTies};
}());
