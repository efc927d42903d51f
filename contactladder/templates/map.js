/* contactladder map page: draws the map from the JSON data block with vis-network.
 *
 * Uses clHelpers (helpers.js), clPage (page.js) and clControls (controls.js) for what it shares
 * with the timeline page.
 * Every value from the data is put in the page as text, never as markup. Positions and sizes
 * come from the payload (physics off); the browser only draws. window.contactladder exposes
 * the network and its data sets, for tests and the curious.
 */
(function () {
  "use strict";
  var H = clHelpers, page = clPage.open();
  var data = page.data, T = page.T, N = page.N, E = page.E;
  var ties = H.tiesPerRung(N.x.length, E.a, E.b, E.level);

  // --- the network ---------------------------------------------------------------------------
  // state.kinds: who needs a link in the wijk shown (clHelpers.aloneKinds).
  var state = {wijk: -1, minLevel: H.startLevel(data), onlyAlone: false, kinds: N.alone};
  var isFocal = clPage.focalPeople(data);
  var shown = clPage.views(data, state, {
    node: function (item) {
      if (item.id === data.focus) {  // the person in focus: larger, bold, glowing
        item.size += 6; item.borderWidth = 3; item.font = {bold: true};
        item.shadow = {enabled: true, color: "rgba(0,0,0,0.55)", size: 14, x: 0, y: 0};
      }
      return item;
    },
    edge: function (item) {
      var level = E.level[item.id];
      var faded = E.faded[item.id] === 1;  // no contact within the fading window: dashed, light
      var style = clPage.edgeStyle(page.rungOf(level), faded ? 0.35 : 0.85);
      style.dashes = faded ? [6, 5] : false;
      style.id = item.id; style.from = item.from; style.to = item.to; style.level = level;
      return style;
    }
  });
  var nodes = shown.nodes, edges = shown.edges;
  var look = clPage.peopleLook(data, nodes, function (item) {
    if (item.id === data.focus && item.borderWidth !== undefined) {
      item.borderWidth = Math.max(item.borderWidth, 3);
    }
    return item;
  });
  var sizeOf = function (i) { return N.size[i] + (i === data.focus ? 6 : 0); };
  var legendBox = clPage.legend(data);
  var table = clPage.mapTable(data);
  // Who needs a link among the people of the wijk shown, and how they look.
  function recount() {
    state.kinds = H.aloneKinds(N.x.length, E.a, E.b, E.level, isFocal, shown.inWijk);
    look(state.kinds, sizeOf, clPage.leastSize(N.x.length, sizeOf, shown.inWijk));
    legendBox.clCount(state.kinds);
    table(E.level, state.kinds, shown.inWijk);
  }
  recount();

  var hit = -1;  // the search's hit, labelled at every zoom as is the person in focus
  var network = clPage.draw(data, shown.nodeView, shown.edgeView, {
    pinned: function () {
      return [data.focus, hit].filter(function (i) { return i >= 0 && shown.inWijk(i); });
    },
    wijkShown: function (w) { return state.wijk < 0 || state.wijk === w; },
    sizeOf: sizeOf
  });
  if (data.focus >= 0) { network.selectNodes([data.focus]); }

  // --- tooltips ------------------------------------------------------------------------------
  function nodeRows(i) { return clControls.personRows(data, i, [], ties[i]); }
  function edgeRows(j) {
    var rows = [[T.rung, H.rungText(page.rungOf(E.level[j]))]];
    // A tie's days are numbers into data.dates (-1: not known).
    if (E.first_contact[j] >= 0) { rows.push([T.first_contact, data.dates[E.first_contact[j]]]); }
    if (E.last_contact[j] >= 0) { rows.push([T.last_contact, data.dates[E.last_contact[j]]]); }
    rows.push([T.contacts, E.contacts[j]]);
    if (E.activities[j].length) {
      rows.push([T.activities,
                 E.activities[j].map(function (a) { return data.activities[a]; }).join(", ")]);
    }
    return rows;
  }
  clControls.tooltip(data).hoverOn(network, nodeRows, edgeRows);

  // --- filters ---------------------------------------------------------------------------------
  function changed() {
    clPage.subtitle(data, shown.nodeView.length, shown.edgeView.length);
    network.redraw();
  }
  var setFilter = clControls.filters(data, true, state, shown, changed, recount);
  var onlyAlone = clPage.aloneFilter(data, state, shown, network, changed);

  // --- search ----------------------------------------------------------------------------------
  var input = document.getElementById("cl-search");
  var found = document.getElementById("cl-found");
  var list = document.getElementById("cl-people");
  function fillList() {  // on first use: thousands of options slow the first drawing down
    input.removeEventListener("focus", fillList);
    var fragment = document.createDocumentFragment();
    N.label.slice().sort().forEach(function (label) {
      var option = document.createElement("option"); option.value = label;
      fragment.appendChild(option);
    });
    list.appendChild(fragment);
  }
  input.addEventListener("focus", fillList);
  function find(query) {
    if (!H.text(query).trim()) { found.textContent = ""; return null; }
    var i = H.findLabel(N.label, query);
    if (i < 0) { found.textContent = T.not_found; return null; }
    hit = i;
    if (!shown.inWijk(hit)) { setFilter(-1, state.minLevel); }
    found.textContent = T.found + ": " + N.label[hit];
    network.selectNodes([hit]);
    network.focus(hit, {scale: Math.max(network.getScale(), 1.0),
                        animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    return hit;
  }
  document.getElementById("cl-controls").addEventListener("submit", function (ev) {
    ev.preventDefault();
    find(input.value);
  });

  window.contactladder = {network: network, nodes: nodes, edges: edges,
                          nodeView: shown.nodeView, edgeView: shown.edgeView, data: data,
                          state: state, find: find, setFilter: setFilter, onlyAlone: onlyAlone};
}());
