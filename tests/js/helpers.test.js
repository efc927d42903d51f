// Unit tests of contactladder/templates/helpers.js, run by Node's own test runner:
//   node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const H = require(path.join(__dirname, "..", "..", "contactladder", "templates", "helpers.js"));

test("tables are column-wise", () => {
  const table = {x: [1, 2, 3], label: ["a", "b", "c"]};
  assert.equal(H.rowCount(table), 3);
  assert.equal(H.rowCount({}), 0);
  assert.deepEqual(H.row(table, 1), {x: 2, label: "b"});
});

test("sizes are looked up, the last for more ties", () => {
  const sizes = [5, 7, 7.8];
  assert.equal(H.sizeFor(sizes, 0), 5);
  assert.equal(H.sizeFor(sizes, 2), 7.8);
  assert.equal(H.sizeFor(sizes, 500), 7.8);
  assert.equal(H.sizeFor(sizes, -1), 5);
});

test("a tie's history gives its rung at each step", () => {
  const history = [1, 1, 2, 3, 4, 5];  // new in step 1 at rung 1, 3 in step 2, 5 in step 4
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((s) => H.levelAt(history, s)), [0, 1, 3, 3, 5, 5]);
  assert.deepEqual([0, 1, 2, 3, 4].map((s) => H.freshAt(history, s)),
                   [false, true, true, false, true]);
  assert.deepEqual(H.historyUpTo(history, 3), [[1, 1], [2, 3]]);
  assert.deepEqual(H.historyUpTo(history, 0), []);
});

test("ties per rung count both ends and leave absent ties out", () => {
  const ties = H.tiesPerRung(3, [0, 0, 1], [1, 2, 2], [2, 0, 2]);
  assert.deepEqual(ties, [{2: 1}, {2: 2}, {2: 1}]);
});

test("rungs by level, their text and the starting level", () => {
  const rungs = [{level: 1, label: "Kennen"}, {level: 2, label: "Praten"}];
  assert.equal(H.rungsByLevel(rungs)[2].label, "Praten");
  assert.equal(H.rungText(rungs[0]), "1. Kennen");
  assert.equal(H.startLevel({min_level: 2, rungs: rungs}), 2);
  assert.equal(H.startLevel({min_level: 0, rungs: rungs}), 1);
  assert.equal(H.startLevel({rungs: []}), 1);
});

test("text: nothing is empty, markup stays a string", () => {
  assert.equal(H.text(null), "");
  assert.equal(H.text(undefined), "");
  assert.equal(H.text(NaN), "");
  assert.equal(H.text(0), "0");
  assert.equal(H.text(12), "12");
  assert.equal(H.text("<b>x</b>"), "<b>x</b>");
});

test("counts and subtitle", () => {
  const T = {people: "personen", ties: "banden"};
  assert.equal(H.countsText(T, 2, 1), "2 personen, 1 banden");
  assert.equal(H.subtitleText(["Stand op 1 maart 2024"], T, 5, 3),
               "Stand op 1 maart 2024 \u00b7 5 personen, 3 banden");
  assert.equal(H.subtitleText([], T, 0, 0), "0 personen, 0 banden");
});

test("step text", () => {
  const steps = {label: ["2024-01"], text: ["januari 2024"]};
  assert.equal(H.stepText(steps, 0), "januari 2024");
  assert.equal(H.stepText(steps, 5), "");
});

test("find a label: same, then starting with, then holding the query", () => {
  const labels = ["Ouder 12", "Ouder 1", "Professional 3 (GGD)"];
  assert.equal(H.findLabel(labels, " ouder 1 "), 1);
  assert.equal(H.findLabel(labels, "ouder"), 0);
  assert.equal(H.findLabel(labels, "ggd"), 2);
  assert.equal(H.findLabel(labels, "niemand"), -1);
  assert.equal(H.findLabel(labels, "  "), -1);
  assert.equal(H.findLabel(["<img src=x>"], "<IMG"), 0);
});

test("who needs a link: no tie, or no tie to another focal person", () => {
  // 0-1 parents tied, 2 parent tied to professional 3 only, 4 parent alone, 5 parent absent
  const isFocal = Uint8Array.from([1, 1, 1, 0, 1, 1]);
  const a = [0, 2, 4], b = [1, 3, 5];
  const all = () => true;
  assert.deepEqual([...H.aloneKinds(6, a, b, [1, 2, 3], isFocal, all)], [0, 0, 2, 0, 0, 0]);
  const present = (i) => i !== 5;  // the tie 4-5 is not in view: 4 is alone
  assert.deepEqual([...H.aloneKinds(6, a, b, [1, 2, 3], isFocal, present)], [0, 0, 2, 0, 1, 0]);
  // a tie not yet there (level 0) is no tie
  assert.deepEqual([...H.aloneKinds(6, a, b, [0, 2, 3], isFocal, all)], [1, 1, 2, 0, 0, 0]);
});

test("median", () => {
  assert.equal(H.median([5, 9, 7]), 7);
  assert.equal(H.median([5, 9, 7, 25]), 8);
  assert.equal(H.median([]), 0);
});

test("the map as a table: people by group and wijk with their ties per rung", () => {
  const nodes = {group: [0, 0, 0, 1], wijk: [0, 0, -1, 0]};
  const rungs = [{level: 1}, {level: 2}];
  const kinds = [0, 0, 1, 0];
  // ties 0-1 at rung 2, 1-3 at rung 1; 2 has none
  const rows = H.summaryRows(nodes, [0, 1], [1, 3], [2, 1], rungs, kinds, () => true);
  assert.deepEqual(rows, [[0, 0, 2, 0, 1, 2], [0, -1, 1, 1, 0, 0], [1, 0, 1, 0, 1, 0]]);
  const some = H.summaryRows(nodes, [0, 1], [1, 3], [2, 1], rungs, kinds, (i) => i !== 3);
  assert.deepEqual(some, [[0, 0, 2, 0, 0, 2], [0, -1, 1, 1, 0, 0]]);
});
