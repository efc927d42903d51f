/* contactladder pages: what the map page and the timeline page do alike, with the DOM and
 * vis-network.
 *
 * Inlined, in the same <script> element, after helpers.js (clHelpers: the pure functions) and
 * before the page's own script (map.js, timeline.js), which calls it as clPage. The page's data
 * are the payload of contactladder/render/payload_schema.py: named fields, column-wise tables.
 * Every value from the data is put in the page as text (textContent, option.value,
 * setAttribute on SVG), never as markup.
 */
var clPage = (function () {
  "use strict";
  var H = clHelpers, P = clPeople, el = P.el;

  // The page's data, from its JSON block, with what both pages look up in it: the words T,
  // the tables N (people) and E (ties), and rungOf(level): the rung of a level (the bottom
  // rung for an unknown level).
  function open() {
    var data = JSON.parse(document.getElementById("cl-data").textContent);
    var byLevel = H.rungsByLevel(data.rungs);
    return {data: data, T: data.text, N: data.nodes, E: data.edges,
            rungOf: function (level) { return byLevel[level] || data.rungs[0]; }};
  }

  // The subtitle with the counts of what is shown: "Stand op 1 maart 2025 · 12 personen, 30 banden".
  function subtitle(data, people, ties) {
    document.getElementById("cl-subtitle").textContent =
      H.subtitleText(data.subtitle_lead, data.text, people, ties);
  }

  // --- the people and ties as vis-network data -------------------------------------------------
  // The data sets of the people (at their fixed places, sized as the payload says) and of the
  // ties (from, to: the people), and views of them in the wijk state.wijk (-1: all; a wijk
  // means what `growth(by="wijk")` means: its people and the ties among them) from the rung
  // state.minLevel up; with state.onlyAlone only the focal people without a tie (state.kinds[i]
  // is 1: see clHelpers.aloneKinds) and no ties. `how` (optional): node(item) and edge(item)
  // complete the items (a tie's `level`, 0 while absent), nodeShown(item) and edgeShown(item)
  // filter them further.
  function views(data, state, how) {
    var N = data.nodes, E = data.edges;
    var keep = function (item) { return item; }, all = function () { return true; };
    var node = how.node || keep, edge = how.edge || keep;
    var nodeShown = how.nodeShown || all, edgeShown = how.edgeShown || all;
    var inWijk = function (i) { return state.wijk < 0 || N.wijk[i] === state.wijk; };
    var nodes = new vis.DataSet(N.x.map(function (x, i) {
      return node({id: i, x: x, y: N.y[i], size: N.size[i], group: "g" + N.group[i],
                   label: N.label[i]});
    }));
    var edges = new vis.DataSet(E.a.map(function (a, j) {
      return edge({id: j, from: a, to: E.b[j], level: 0});
    }));
    return {
      nodes: nodes, edges: edges, inWijk: inWijk,
      nodeView: new vis.DataView(nodes, {filter: function (item) {
        return inWijk(item.id) && nodeShown(item) &&
          (!state.onlyAlone || state.kinds[item.id] === 1);
      }}),
      edgeView: new vis.DataView(edges, {filter: function (item) {
        return !state.onlyAlone && item.level > 0 && item.level >= state.minLevel &&
          inWijk(item.from) &&
          inWijk(item.to) && edgeShown(item);
      }})
    };
  }

  // A tie of `rung` as vis-network draws it: its rung's colour and width, at `opacity`.
  function edgeStyle(rung, opacity) {
    return {width: rung.width,
            color: {color: rung.colour, highlight: rung.colour, hover: rung.colour,
                    opacity: opacity, inherit: false}};
  }

  // --- the network -----------------------------------------------------------------------------
  // Speed at tens of thousands of people. vis-network gets the whole data sets once and keeps
  // them; what the views show is drawn, the rest is hidden. A change of step or filter then
  // changes only what changed: the data-set items whose look changed (the pages' update()s),
  // and the `hidden` flag of the people and ties that appear or disappear, set on
  // vis-network's own items (a DataView that vis-network followed would make it build and
  // throw away thousands of items, and redraw after each event). batch(change) runs a change
  // as one redraw: vis-network 9 (whose version the pages pin) redraws synchronously after
  // every event of its data sets, unless told _blockRedraw.
  var drawn = null, drawnViews = null;
  function batch(change) {
    if (!drawn) { return change(); }
    drawn.body.emitter.emit("_blockRedraw");
    try {
      return change();
    } finally {
      showViews(drawn, drawnViews);
      drawn.body.emitter.emit("_allowRedraw");
      drawn.redraw();
    }
  }

  // Hide what the views do not show, on vis-network's own items, changing only the flags that
  // change; then have vis-network count again what it draws.
  function showViews(network, views) {
    var body = network.body, changed = 0;
    [["nodes", views[0]], ["edges", views[1]]].forEach(function (pair) {
      var items = body[pair[0]], shown = {};
      pair[1].getIds().forEach(function (id) { shown[id] = true; });
      for (var id in items) {
        var options = items[id].options, hidden = !shown[id];
        if (options.hidden !== hidden) { options.hidden = hidden; changed += 1; }
      }
    });
    if (changed) { network._updateVisibleIndices(); }
    return changed;
  }
  // Labels are drawn from this size on screen (px) up: at the opening zoom of a big map they
  // would pile up into a grey smudge. Pinned people (the person in focus, the search's hit) are
  // labelled at every zoom.
  var LABEL_THRESHOLD = 10;
  var FONT_SIZE = 12;
  // An arrow key pans the map by this many screen pixels.
  var PAN_PX = 80;

  // Draw the people and ties of the two views in #cl-network at their fixed places, and mark
  // <html data-cl-drawn="1"> once drawn. `extra` (optional): pinned() gives the people to label
  // at every zoom, wijkShown(w) whether to write the name of wijk w (index into data.wijken),
  // marked() the people to circle (sizeOf(i): their drawn size), strokes() the ties to draw
  // opaque (see stroke).
  // The legend and counters (#cl-side) sit beside the map, or above it in a compact form on
  // narrow screens (an embedded frame); data.legend "closed" folds them, "open" keeps them in
  // full. The wheel and a one-finger drag on a touch screen scroll the page until the map is
  // clicked or tapped (Ctrl + wheel and a pinch always zoom); the buttons + - and "fit" zoom;
  // with the map in focus the arrow keys pan, + and - zoom and 0 fits. Printed, the map is
  // redrawn at the printed size.
  function draw(data, nodeView, edgeView, extra) {
    extra = extra || {};
    var side = document.getElementById("cl-side");
    var narrow = window.matchMedia("(max-width: 999px)");
    side.open = data.legend !== "closed";
    document.body.classList.add("cl-legend-" + (data.legend || "auto"));
    document.documentElement.style.setProperty("--cl-alone", data.alone_colour);
    var stage = document.getElementById("cl-stage");
    var container = document.getElementById("cl-network");
    var network = new vis.Network(container, {}, options(data));
    drawn = network;
    var moved = false;
    function fitView() {
      network.setSize("100%", "100%");  // the stage's size now (the layout may have changed)
      network.fit({animation: false});
      if (network.getScale() > 1.5) { network.moveTo({scale: 1.5, animation: false}); }
      moved = false;
    }
    network.on("afterDrawing", function (ctx) { decorate(data, network, ctx, extra); });
    network.on("beforeDrawing", function (ctx) {
      if (extra.strokes) { stroke(data, ctx, extra.strokes()); }
    });
    var frame = container.querySelector(".vis-network");
    frame.setAttribute("role", "application");
    frame.setAttribute("aria-label", data.title);
    frame.setAttribute("aria-describedby", "cl-keys");
    network.setData({nodes: nodeView.getDataSet(), edges: edgeView.getDataSet()});
    drawnViews = [nodeView, edgeView];
    showViews(network, drawnViews);
    fitView();
    // Draw now, not on the next animation frame: a browser gives none to a frame out of sight
    // (a sandboxed iframe further down a report), and the page should still say it is drawn.
    network.redraw();
    document.documentElement.setAttribute("data-cl-drawn", "1");
    // Once the fonts are there, fit again: the labels are measured in them.
    document.fonts.ready.then(function () { if (!moved) { fitView(); network.redraw(); } });

    function resized() {
      if (printingNow) { return; }
      network.setSize("100%", "100%");
      if (moved) { network.redraw(); } else { fitView(); }
    }
    side.addEventListener("toggle", resized);
    narrow.addEventListener("change", resized);
    var printing = window.matchMedia("print");
    // Printing: the legend open, the whole map in view. The canvas is not resized while
    // printing (a resized canvas prints blank): page.css fits it into the printed frame.
    var printingNow = false;
    function printed() {
      printingNow = true;
      side.open = true;
      network.fit({animation: false});
      network.redraw();
    }
    function printDone() { printingNow = false; resized(); }
    printing.addEventListener("change", function () {
      if (printing.matches) { printed(); } else { printDone(); }
    });
    window.addEventListener("beforeprint", printed);
    window.addEventListener("afterprint", printDone);
    network.on("dragEnd", function () { moved = true; });
    network.on("zoom", function () { moved = true; });

    // The wheel: the page's until the reader clicks the map; Ctrl + wheel always zooms.
    var active = false;
    function activate(on) {
      if (on === active) { return; }
      active = on;
      network.setOptions({interaction: {zoomView: on}});
      stage.classList.toggle("cl-active", on);
    }
    network.on("click", function () { activate(true); });
    stage.addEventListener("pointerleave", function (ev) {
      if (ev.pointerType !== "touch") { activate(false); }
    });
    // Touch: until tapped, one finger scrolls the page (the canvas's touch-action, page.css);
    // two fingers pinch-zoom the map at once.
    container.addEventListener("touchstart", function (ev) {
      if (ev.touches.length > 1) { activate(true); }
    }, {capture: true, passive: true});
    var tapAt = null;  // a tap: a touch that ends where it began, soon
    container.addEventListener("pointerdown", function (ev) {
      tapAt = ev.pointerType === "touch" ? [ev.clientX, ev.clientY, ev.timeStamp] : null;
    });
    container.addEventListener("pointerup", function (ev) {
      if (tapAt && Math.abs(ev.clientX - tapAt[0]) + Math.abs(ev.clientY - tapAt[1]) < 12 &&
          ev.timeStamp - tapAt[2] < 600) { activate(true); }
      tapAt = null;
    });
    document.addEventListener("touchstart", function (ev) {
      if (!stage.contains(ev.target)) { activate(false); }
    }, {passive: true});
    document.getElementById("cl-network").addEventListener("wheel", function (ev) {
      if (active || !ev.ctrlKey) { return; }
      ev.preventDefault(); ev.stopPropagation();
      var box = stage.getBoundingClientRect();
      zoomBy(ev.deltaY < 0 ? 1.2 : 1 / 1.2, {x: ev.clientX - box.left, y: ev.clientY - box.top});
    }, {capture: true, passive: false});
    // Zoom by `factor`, keeping the point under `at` (DOM px in the stage; default its centre).
    function zoomBy(factor, at) {
      var s0 = network.getScale(), s1 = Math.max(0.01, Math.min(10, s0 * factor));
      var c0 = network.getViewPosition();
      var p = at ? network.DOMtoCanvas(at) : c0;
      network.moveTo({scale: s1, animation: false, position:
        {x: p.x + (c0.x - p.x) * s0 / s1, y: p.y + (c0.y - p.y) * s0 / s1}});
      moved = true;
    }
    document.getElementById("cl-zoom-in").addEventListener("click", function () { zoomBy(1.4); });
    document.getElementById("cl-zoom-out").addEventListener("click", function () { zoomBy(1 / 1.4); });
    document.getElementById("cl-fit").addEventListener("click", fitView);
    container.addEventListener("keydown", function (ev) {
      var pan = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]};
      var zoom = {"+": 1.25, "=": 1.25, "-": 0.8, "_": 0.8};
      if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      if (pan[ev.key]) {
        var at = network.getViewPosition(), by = PAN_PX / network.getScale();
        network.moveTo({position: {x: at.x + pan[ev.key][0] * by, y: at.y + pan[ev.key][1] * by},
                        animation: false});
        moved = true;
      } else if (zoom[ev.key]) {
        zoomBy(zoom[ev.key]);
      } else if (ev.key === "0") {
        fitView();
      } else {
        return;
      }
      ev.preventDefault();
    });
    network.clFit = fitView;
    return network;
  }

  // Drawn on the canvas after vis-network: the names of the wijken above their areas and the
  // labels of pinned people, as text (ctx.fillText), at a size that stays readable at any zoom.
  function decorate(data, network, ctx, extra) {
    var scale = network.getScale();
    // Text with a halo, in `weight` and `px` screen pixels whatever the zoom.
    function pen(weight, px, baseline, halo, colour) {
      ctx.font = weight + " " + (px / scale) + "px system-ui, sans-serif";
      ctx.textBaseline = baseline;
      ctx.lineWidth = Math.round(px / 3) / scale;
      ctx.strokeStyle = halo;
      ctx.fillStyle = colour;
    }
    function write(text, x, y) { ctx.strokeText(text, x, y); ctx.fillText(text, x, y); }
    ctx.save();
    ctx.lineJoin = "round";
    ctx.textAlign = "center";
    if (H.rowCount(data.areas) > 1) {
      pen("600", 15, "bottom", "rgba(251,250,247,0.9)", "#5a5a5a");
      var A = data.areas;
      A.wijk.forEach(function (w, k) {
        if (extra.wijkShown && !extra.wijkShown(w)) { return; }
        write(data.wijken[w], A.x[k], A.y[k] - A.radius[k] - 6 / scale);
      });
    }
    var marked = extra.marked ? extra.marked() : [];
    if (marked.length) {  // a halo around each person pointed out, readable at any zoom
      ctx.strokeStyle = data.alone_colour;
      ctx.lineWidth = 2.5 / scale;
      marked.forEach(function (i) {
        ctx.beginPath();
        ctx.arc(data.nodes.x[i], data.nodes.y[i], extra.sizeOf(i) + 9 / scale, 0, 2 * Math.PI);
        ctx.stroke();
      });
    }
    var pinned = extra.pinned ? extra.pinned() : [];
    if (pinned.length && FONT_SIZE * scale < LABEL_THRESHOLD - 1) {
      pen("700", 13, "top", "#fbfaf7", "#111111");
      var N = data.nodes;
      pinned.forEach(function (i) {
        if (i >= 0 && i < N.x.length) { write(N.label[i], N.x[i], N.y[i] + N.size[i] + 4 / scale); }
      });
    }
    ctx.restore();
  }

  // Ties drawn before vis-network draws (so under the people), opaque in their rung's colour
  // and width: `ties` is [tie, level, tie, level, ...].
  function stroke(data, ctx, ties) {
    if (!ties.length) { return; }
    var N = data.nodes, E = data.edges, byLevel = H.rungsByLevel(data.rungs);
    ctx.save();
    ctx.lineCap = "round";
    for (var k = 0; k < ties.length; k += 2) {
      var j = ties[k], rung = byLevel[ties[k + 1]] || data.rungs[0];
      ctx.strokeStyle = rung.colour;
      ctx.lineWidth = rung.width;
      ctx.beginPath();
      ctx.moveTo(N.x[E.a[j]], N.y[E.a[j]]);
      ctx.lineTo(N.x[E.b[j]], N.y[E.b[j]]);
      ctx.stroke();
    }
    ctx.restore();
  }

  // vis-network's options: a group per legend group, physics off, hover on.
  function options(data) {
    var big = H.isBig(data);
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
      nodes: {borderWidth: big ? 0 : 1, borderWidthSelected: 3,
              font: {size: FONT_SIZE, color: "#222222", face: "system-ui, sans-serif",
                     strokeWidth: 3, strokeColor: "#fbfaf7"},
              scaling: {label: {drawThreshold: LABEL_THRESHOLD}}},
      edges: {smooth: false, selectionWidth: 2, hoverWidth: 1},
      interaction: {hover: true, dragNodes: false, navigationButtons: false, keyboard: false,
                    zoomView: false,
                    multiselect: false, tooltipDelay: 100,
                    hideEdgesOnDrag: big, hideEdgesOnZoom: big}
    };
  }

  return {open: open, el: el, subtitle: subtitle, views: views, edgeStyle: edgeStyle,
          draw: draw, batch: batch,
          legend: P.legend, line: P.line, focalPeople: P.focalPeople, peopleLook: P.peopleLook,
          leastSize: P.leastSize, aloneFilter: P.aloneFilter, mapTable: P.mapTable};
}());
