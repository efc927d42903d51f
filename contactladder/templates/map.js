/* contactladder map page: draws the map from the JSON data block with vis-network.
 *
 * Uses clPage (page.js) for what it shares with the timeline page. Every value from the data is
 * put in the page as text, never as markup. Positions are fixed (physics off); the browser only
 * draws. window.contactladder exposes the network and its data sets, for tests and the curious.
 */
(function () {
  "use strict";
  var data = clPage.readData();
  var T = data.text;
  var rungByLevel = clPage.rungsByLevel(data);
  var nNodes = data.nodes.length;

  // Ties per rung of each person, and wijk of each person.
  var ties = data.nodes.map(function () { return {}; });
  var wijkOf = data.nodes.map(function (n) { return n[4]; });
  data.edges.forEach(function (e) {
    ties[e[0]][e[2]] = (ties[e[0]][e[2]] || 0) + 1;
    ties[e[1]][e[2]] = (ties[e[1]][e[2]] || 0) + 1;
  });

  // --- the network ---------------------------------------------------------------------------
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    var item = {id: i, x: n[0], y: n[1], size: n[2], group: "g" + n[3], label: n[5]};
    if (i === data.focus) {  // the person in focus: larger, bold, glowing
      item.size = n[2] + 6; item.borderWidth = 3;
      item.font = {bold: true};
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

  // A wijk means what `growth --by wijk` and `map --wijk` mean: its people and the ties among
  // them (people without a wijk and ties to other wijken are left out).
  var state = {wijk: -1, minLevel: clPage.startLevel(data)};
  function inWijk(i) { return state.wijk < 0 || wijkOf[i] === state.wijk; }
  function edgeShown(item) {
    return item.level >= state.minLevel && inWijk(item.from) && inWijk(item.to);
  }
  var nodeView = new vis.DataView(nodes, {filter: function (item) { return inWijk(item.id); }});
  var edgeView = new vis.DataView(edges, {filter: edgeShown});

  var hit = -1;  // the search's hit, labelled at every zoom as is the person in focus
  var network = clPage.draw(data, nodeView, edgeView, {
    pinned: function () {
      return [data.focus, hit].filter(function (i) { return i >= 0 && inWijk(i); });
    },
    wijkShown: function (w) { return state.wijk < 0 || state.wijk === w; }
  });
  if (data.focus >= 0) { network.selectNodes([data.focus]); }

  // --- tooltips ------------------------------------------------------------------------------
  function nodeRows(i) { return clPage.personRows(data, i, [], ties[i]); }
  function edgeRows(j) {
    var e = data.edges[j], rung = rungByLevel[e[2]];
    var rows = [[T.rung, rung ? clPage.rungText(rung) : e[2]]];
    if (e[3]) { rows.push([T.first_contact, e[3]]); }
    if (e[4]) { rows.push([T.last_contact, e[4]]); }
    rows.push([T.contacts, e[5]]);
    if (e[6].length) {
      rows.push([T.activities, e[6].map(function (a) { return data.activities[a]; }).join(", ")]);
    }
    return rows;
  }
  clPage.tooltip(data).hoverOn(network, nodeRows, edgeRows);

  // --- filters ---------------------------------------------------------------------------------
  var showFilter = clPage.filters(data, true, state, setFilter);
  function setFilter(wijk, minLevel) {
    state.wijk = wijk; state.minLevel = minLevel;
    showFilter(wijk, minLevel);
    nodeView.refresh();
    edgeView.refresh();
    clPage.subtitle(data, nodeView.length, edgeView.length);
    network.redraw();
  }

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
    var i = lower.indexOf(q);
    if (i < 0) { i = lower.findIndex(function (l) { return l.indexOf(q) === 0; }); }
    if (i < 0) { i = lower.findIndex(function (l) { return l.indexOf(q) >= 0; }); }
    if (i < 0) { found.textContent = T.not_found; return null; }
    hit = i;
    if (!inWijk(hit)) { setFilter(-1, state.minLevel); }
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

  clPage.legend(data);

  window.contactladder = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
                          edgeView: edgeView, data: data, find: find, setFilter: setFilter};
}());
