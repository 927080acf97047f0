// node, as CommonJS: require() of the installed package (its node build).
const assert = require("node:assert/strict");
const { split, version, VardavtalError } = require("vardavtal");

const a = split("443 miljoner kronor", "population:regions:2021-11-01");
assert.equal(a.total, "443000000");
assert.equal(a.rows.find((r) => r.recipient === "01").amount, "102311913");
assert.throws(() => split("ca 11 miljarder", "population:regions:2021-11-01"), (e) => e instanceof VardavtalError && e.code === "invalid_amount");
console.log(`CommonJS require: vardavtal ${version()}, split total ${a.total}`);
