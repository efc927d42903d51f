/* contactladder pages: the pure helpers the map and timeline pages share.
 *
 * No DOM, no vis-network: only functions of the page's data (the payload described in
 * contactladder/render/payload_schema.py), so Node's test runner can test them
 * (tests/js/helpers.test.js). Inlined first in the page's <script>, as clHelpers; in Node,
 * require() gives the same object.
 */
var clHelpers = (function () {
  "use strict";

  // --- tables: the payload's tables are column-wise ({x: [...], y: [...]}) -----------------

  // The number of rows of a column-wise table.
  function rowCount(table) {
    var columns = Object.keys(table);
    return columns.length ? table[columns[0]].length : 0;
  }

  // Row i of a column-wise table, as an object {column: value}.
  function row(table, i) {
    var out = {};
    Object.keys(table).forEach(function (column) { out[column] = table[column][i]; });
    return out;
  }

  // --- sizes: computed in Python; the page only looks them up ----------------------------------

  // The size of a person with `ties` ties, from the payload's table of sizes by number of ties
  // (its last entry for more ties than it has).
  function sizeFor(sizes, ties) {
    return sizes[Math.max(0, Math.min(ties, sizes.length - 1))];
  }

  // --- tie history: [step, level, step, level, ...], first contact first -----------------------

  // The rung of a tie at step s (0: not there yet).
  function levelAt(history, s) {
    var level = 0;
    for (var k = 0; k < history.length && history[k] <= s; k += 2) { level = history[k + 1]; }
    return level;
  }

  // Whether the tie is new or climbed in step s.
  function freshAt(history, s) {
    for (var k = 0; k < history.length; k += 2) { if (history[k] === s) { return true; } }
    return false;
  }

  // The [step, level] pairs of the history up to step s.
  function historyUpTo(history, s) {
    var pairs = [];
    for (var k = 0; k < history.length && history[k] <= s; k += 2) {
      pairs.push([history[k], history[k + 1]]);
    }
    return pairs;
  }

  // Per person, the number of ties per rung ({level: count}) from the ties' ends and levels;
  // a level of 0 (absent) is left out.
  function tiesPerRung(people, a, b, levels) {
    var ties = [];
    for (var i = 0; i < people; i++) { ties.push({}); }
    for (var j = 0; j < a.length; j++) {
      var level = levels[j];
      if (level > 0) {
        ties[a[j]][level] = (ties[a[j]][level] || 0) + 1;
        ties[b[j]][level] = (ties[b[j]][level] || 0) + 1;
      }
    }
    return ties;
  }

  // A big map (more than 2,000 people or 4,000 ties): drawn leaner (no white border around
  // every person, no ties while dragging or zooming).
  function isBig(data) {
    return rowCount(data.nodes) > 2000 || rowCount(data.edges) > 4000;
  }

  // --- the people who need a link --------------------------------------------------------------

  // Per person (0, 1, ...): 1 for a focal person with no tie, 2 for one whose ties all go to
  // non-focal people, else 0 (as the growth table's focal_alone and focal_only_professional).
  // Counts the ties j with levels[j] > 0 between people kept by keep(i) (present, in the wijk
  // shown); a person not kept is 0. isFocal: per person, 1 for the focal role.
  function aloneKinds(people, a, b, levels, isFocal, keep) {
    var kept = new Uint8Array(people), ties = new Int32Array(people);
    var peer = new Uint8Array(people), kinds = new Uint8Array(people), i, j;
    for (i = 0; i < people; i++) { kept[i] = keep(i) ? 1 : 0; }
    for (j = 0; j < a.length; j++) {
      var u = a[j], v = b[j];
      if (levels[j] > 0 && kept[u] && kept[v]) {
        ties[u] += 1; ties[v] += 1;
        if (isFocal[u] && isFocal[v]) { peer[u] = 1; peer[v] = 1; }
      }
    }
    for (i = 0; i < people; i++) {
      if (kept[i] && isFocal[i]) { kinds[i] = ties[i] === 0 ? 1 : peer[i] ? 0 : 2; }
    }
    return kinds;
  }

  // The median of some numbers (0 for none).
  function median(values) {
    if (!values.length) { return 0; }
    var sorted = Float64Array.from(values).sort(), mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  // The map as a table: one row per legend group and wijk of the people kept by keep(i), in
  // group order then wijk order (no wijk last), each [group, wijk (-1: none), people, alone,
  // ties per rung...]: `alone` counts kinds 1, and the ties per rung count, for each rung of
  // `rungs`, the ties j (levels[j] > 0, both ends kept) of the row's people (a tie between two
  // people of one row counts for both).
  function summaryRows(nodes, a, b, levels, rungs, kinds, keep) {
    var column = {}, rows = {}, keys = [], i, j;
    rungs.forEach(function (r, k) { column[r.level] = 4 + k; });
    function rowOf(i) {
      var key = nodes.group[i] * 100000 + (nodes.wijk[i] < 0 ? 99999 : nodes.wijk[i]);
      if (!rows[key]) {
        rows[key] = [nodes.group[i], nodes.wijk[i], 0, 0]
          .concat(rungs.map(function () { return 0; }));
        keys.push(key);
      }
      return rows[key];
    }
    for (i = 0; i < nodes.group.length; i++) {
      if (keep(i)) { var row = rowOf(i); row[2] += 1; if (kinds[i] === 1) { row[3] += 1; } }
    }
    for (j = 0; j < a.length; j++) {
      if (levels[j] > 0 && column[levels[j]] && keep(a[j]) && keep(b[j])) {
        rowOf(a[j])[column[levels[j]]] += 1; rowOf(b[j])[column[levels[j]]] += 1;
      }
    }
    keys.sort(function (x, y) { return x - y; });
    return keys.map(function (key) { return rows[key]; });
  }

  // --- rungs -------------------------------------------------------------------------------

  // Rung of each level: {level: rung}.
  function rungsByLevel(rungs) {
    var byLevel = {};
    rungs.forEach(function (r) { byLevel[r.level] = r; });
    return byLevel;
  }

  // A rung as the page names it: "3. Delen ervaringen".
  function rungText(rung) { return rung.level + ". " + rung.label; }

  // The lowest rung shown when the page opens.
  function startLevel(data) {
    return data.min_level || (data.rungs.length ? data.rungs[0].level : 1);
  }

  // --- text --------------------------------------------------------------------------------

  // A value as the text to show: "" for nothing, numbers and words as they are.
  function text(value) {
    if (value === undefined || value === null) { return ""; }
    if (typeof value === "number" && !isFinite(value)) { return ""; }
    return String(value);
  }

  // "12 personen, 30 banden" with the page's words T.
  function countsText(T, people, ties) {
    return people + " " + T.people + ", " + ties + " " + T.ties;
  }

  // The subtitle: its lead, then the counts, joined by " · ".
  function subtitleText(lead, T, people, ties) {
    return lead.concat([countsText(T, people, ties)]).join(" \u00b7 ");
  }

  // The text of step s ("maart 2024"), or "" when there is none.
  function stepText(steps, s) { return text(steps.text[s]); }

  // The person whose label matches a query best: the same label (ignoring case and spaces
  // around), else the first that starts with it, else the first that holds it; -1 for none.
  function findLabel(labels, query) {
    var q = text(query).trim().toLowerCase();
    if (!q) { return -1; }
    var lower = labels.map(function (l) { return text(l).toLowerCase(); });
    var i = lower.indexOf(q);
    if (i < 0) { i = lower.findIndex(function (l) { return l.indexOf(q) === 0; }); }
    if (i < 0) { i = lower.findIndex(function (l) { return l.indexOf(q) >= 0; }); }
    return i;
  }

  return {rowCount: rowCount, row: row, sizeFor: sizeFor, levelAt: levelAt, freshAt: freshAt,
          historyUpTo: historyUpTo, tiesPerRung: tiesPerRung, aloneKinds: aloneKinds, isBig: isBig,
          median: median, summaryRows: summaryRows, rungsByLevel: rungsByLevel,
          rungText: rungText, startLevel: startLevel, text: text, countsText: countsText,
          subtitleText: subtitleText, stepText: stepText, findLabel: findLabel};
}());

if (typeof module !== "undefined" && module.exports) { module.exports = clHelpers; }
